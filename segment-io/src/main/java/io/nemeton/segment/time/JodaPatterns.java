package io.nemeton.segment.time;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates a Joda-Time pattern (the syntax of Druid's {@code timestampSpec.format}) into a
 * {@code java.time} parser. Joda and {@code java.time} share most letters but not all meanings:
 * Joda {@code y} is the proleptic year ({@code java.time} {@code u}), Joda {@code Y} the year of
 * era, Joda {@code x}/{@code w}/{@code e} the ISO week-year, week and day of week.
 *
 * <p>Supported letters: {@code G y Y x w e E D M d a K h H k m s S z Z} and quoted text. The
 * century letter {@code C} and unknown letters are refused. As in Joda: text matches case
 * insensitively; a numeric field followed by another numeric field has a fixed width, otherwise
 * it takes as many digits as its range allows; {@code yy} is a two-digit year near the present;
 * fields the pattern lacks default to 1970-01-01T00:00:00.000; no zone in the pattern means UTC.
 *
 * <p>Stateless; {@link #toFormatter(String)} builds a new immutable, thread-safe formatter.
 */
final class JodaPatterns {
  private JodaPatterns() {}

  /** A parser for {@code pattern}; {@link IllegalArgumentException} naming the problem if unsupported. */
  static DateTimeFormatter toFormatter(String pattern) {
    final List<String> tokens = tokenize(pattern);
    final DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient();
    boolean hasYear = false;
    boolean hasWeekYear = false;
    boolean hasMonth = false;
    boolean hasDayOfMonth = false;
    boolean hasDayOfYear = false;
    boolean hasWeek = false;
    boolean hasDayOfWeek = false;
    boolean hasHourOfDay = false;
    boolean hasHalfDayHour = false;
    boolean hasHalfDay = false;
    for (int i = 0; i < tokens.size(); i++) {
      final String token = tokens.get(i);
      final char letter = token.charAt(0);
      final int width = token.length();
      final boolean nextNumeric = i + 1 < tokens.size() && isNumeric(tokens.get(i + 1));
      switch (letter) {
        case '\'' -> builder.appendLiteral(token.substring(1));
        case 'G' -> builder.appendText(ChronoField.ERA, TextStyle.SHORT);
        case 'y', 'Y' -> {
          hasYear = true;
          final TemporalField field = letter == 'y' ? ChronoField.YEAR : ChronoField.YEAR_OF_ERA;
          if (width == 2) {
            builder.appendValueReduced(field, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(80));
          } else {
            number(builder, field, width, 9, nextNumeric, letter == 'y' ? SignStyle.NORMAL : SignStyle.NOT_NEGATIVE);
          }
        }
        case 'x' -> {
          hasWeekYear = true;
          number(builder, IsoFields.WEEK_BASED_YEAR, width, 9, nextNumeric, SignStyle.NORMAL);
        }
        case 'w' -> {
          hasWeek = true;
          number(builder, IsoFields.WEEK_OF_WEEK_BASED_YEAR, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'e' -> {
          hasDayOfWeek = true;
          number(builder, ChronoField.DAY_OF_WEEK, width, 1, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'E' -> {
          hasDayOfWeek = true;
          builder.appendText(ChronoField.DAY_OF_WEEK, width >= 4 ? TextStyle.FULL : TextStyle.SHORT);
        }
        case 'D' -> {
          hasDayOfYear = true;
          number(builder, ChronoField.DAY_OF_YEAR, width, 3, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'M' -> {
          hasMonth = true;
          if (width >= 3) {
            builder.appendText(ChronoField.MONTH_OF_YEAR, width >= 4 ? TextStyle.FULL : TextStyle.SHORT);
          } else {
            number(builder, ChronoField.MONTH_OF_YEAR, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
          }
        }
        case 'd' -> {
          hasDayOfMonth = true;
          number(builder, ChronoField.DAY_OF_MONTH, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'a' -> {
          hasHalfDay = true;
          builder.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
        }
        case 'K' -> {
          hasHalfDayHour = true;
          number(builder, ChronoField.HOUR_OF_AMPM, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'h' -> {
          hasHalfDayHour = true;
          number(builder, ChronoField.CLOCK_HOUR_OF_AMPM, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'H' -> {
          hasHourOfDay = true;
          number(builder, ChronoField.HOUR_OF_DAY, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'k' -> {
          hasHourOfDay = true;
          number(builder, ChronoField.CLOCK_HOUR_OF_DAY, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        }
        case 'm' -> number(builder, ChronoField.MINUTE_OF_HOUR, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        case 's' -> number(builder, ChronoField.SECOND_OF_MINUTE, width, 2, nextNumeric, SignStyle.NOT_NEGATIVE);
        case 'S' -> {
          if (nextNumeric) {
            builder.appendFraction(ChronoField.NANO_OF_SECOND, width, width, false);
          } else {
            builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
          }
        }
        case 'z' -> builder.appendZoneText(width >= 4 ? TextStyle.FULL : TextStyle.SHORT);
        case 'Z' -> {
          if (width == 1) {
            builder.appendOffset("+HHMM", "Z");
          } else if (width == 2) {
            builder.appendOffset("+HH:MM", "Z");
          } else {
            builder.appendZoneId();
          }
        }
        case 'C' -> throw new IllegalArgumentException(
            "timestamp pattern=\"" + pattern + "\": the century letter C is not supported");
        default -> {
          if (Character.isLetter(letter)) {
            throw new IllegalArgumentException("timestamp pattern=\"" + pattern + "\": unknown pattern letter '"
                + letter + "' (supported: G y Y x w e E D M d a K h H k m s S z Z and 'quoted text')");
          }
          builder.appendLiteral(token);
        }
      }
    }
    if (hasWeekYear || hasWeek) {
      if (!hasWeekYear) {
        builder.parseDefaulting(IsoFields.WEEK_BASED_YEAR, 1970);
      }
      if (!hasWeek) {
        builder.parseDefaulting(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1);
      }
      if (!hasDayOfWeek) {
        builder.parseDefaulting(ChronoField.DAY_OF_WEEK, 1);
      }
    } else {
      if (!hasYear) {
        builder.parseDefaulting(ChronoField.YEAR, 1970);
      }
      if (!hasDayOfYear) {
        if (!hasMonth) {
          builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
        }
        if (!hasDayOfMonth) {
          builder.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        }
      }
    }
    if (hasHalfDayHour) {
      if (!hasHalfDay) {
        builder.parseDefaulting(ChronoField.AMPM_OF_DAY, 0);
      }
    } else if (!hasHourOfDay) {
      builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
    }
    // minutes, seconds and fractions resolve to zero on their own when absent
    try {
      return builder.toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.SMART);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("timestamp pattern=\"" + pattern + "\": " + e.getMessage(), e);
    }
  }

  private static void number(DateTimeFormatterBuilder builder, TemporalField field, int width, int naturalMaxWidth,
      boolean fixed, SignStyle sign) {
    if (fixed) {
      builder.appendValue(field, width);
    } else {
      builder.appendValue(field, 1, Math.max(width, naturalMaxWidth), sign);
    }
  }

  private static boolean isNumeric(String token) {
    final char letter = token.charAt(0);
    final int width = token.length();
    return switch (letter) {
      case 'y', 'Y', 'x', 'w', 'e', 'D', 'd', 'K', 'h', 'H', 'k', 'm', 's', 'S' -> true;
      case 'M' -> width <= 2;
      default -> false;
    };
  }

  /** Splits into runs of one letter, quoted literals (prefixed with a quote) and other characters. */
  private static List<String> tokenize(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("timestamp pattern must not be empty");
    }
    final List<String> tokens = new ArrayList<>();
    int pos = 0;
    while (pos < pattern.length()) {
      final char c = pattern.charAt(pos);
      if (c == '\'') {
        final StringBuilder literal = new StringBuilder("'");
        pos++;
        if (pos < pattern.length() && pattern.charAt(pos) == '\'') {
          tokens.add("''");
          pos++;
          continue;
        }
        while (true) {
          if (pos >= pattern.length()) {
            throw new IllegalArgumentException("timestamp pattern=\"" + pattern + "\": unterminated quote");
          }
          final char q = pattern.charAt(pos);
          if (q == '\'') {
            if (pos + 1 < pattern.length() && pattern.charAt(pos + 1) == '\'') {
              literal.append('\'');
              pos += 2;
              continue;
            }
            pos++;
            break;
          }
          literal.append(q);
          pos++;
        }
        tokens.add(literal.toString());
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        int end = pos;
        while (end < pattern.length() && pattern.charAt(end) == c) {
          end++;
        }
        tokens.add(pattern.substring(pos, end));
        pos = end;
      } else {
        tokens.add(String.valueOf(c));
        pos++;
      }
    }
    return tokens;
  }
}
