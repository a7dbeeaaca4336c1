package io.nemeton.segment.time;

/**
 * An ISO-8601 period such as {@code P1D}, {@code PT15M}, {@code P3M} or {@code P1DT12H}: calendar
 * fields (years, months, weeks, days) that vary in length with the calendar and time zone, and
 * time fields (hours, minutes, seconds, millis) that are exact durations.
 *
 * <p>Immutable and thread-safe. Fields are non-negative; at least one is positive.
 */
public record IsoPeriod(
    int years, int months, int weeks, int days, long hours, long minutes, long seconds, long millis) {

  public IsoPeriod {
    if (years < 0 || months < 0 || weeks < 0 || days < 0 || hours < 0 || minutes < 0 || seconds < 0
        || millis < 0) {
      throw new IllegalArgumentException("period fields must be >= 0: " + describe(years, months, weeks, days,
          hours, minutes, seconds, millis));
    }
    if (years == 0 && months == 0 && weeks == 0 && days == 0 && hours == 0 && minutes == 0 && seconds == 0
        && millis == 0) {
      throw new IllegalArgumentException("period must be longer than zero");
    }
  }

  /**
   * Parses {@code PnYnMnWnDTnHnMn.nS} (any subset, in that order; seconds may carry up to three
   * decimals). Throws {@link IllegalArgumentException} naming the text on anything else.
   */
  public static IsoPeriod parse(String text) {
    if (text == null || text.length() < 3 || (text.charAt(0) != 'P' && text.charAt(0) != 'p')) {
      throw new IllegalArgumentException("period=\"" + text + "\" is not an ISO-8601 period such as P1D or PT1H");
    }
    final long[] fields = new long[8];
    boolean inTime = false;
    int lastField = -1;
    int pos = 1;
    final int length = text.length();
    while (pos < length) {
      final char c = text.charAt(pos);
      if (c == 'T' || c == 't') {
        if (inTime || pos == length - 1) {
          throw invalid(text);
        }
        inTime = true;
        pos++;
        continue;
      }
      final int start = pos;
      while (pos < length && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start || pos - start > 12 || pos == length) {
        throw invalid(text);
      }
      final long value = Long.parseLong(text, start, pos, 10);
      final char unit = Character.toUpperCase(text.charAt(pos));
      int field;
      long fraction = 0;
      if (unit == '.' || unit == ',') {
        // fractional seconds: PT0.750S
        final int fractionStart = ++pos;
        while (pos < length && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
        final int digits = pos - fractionStart;
        if (!inTime || digits == 0 || digits > 3 || pos == length || Character.toUpperCase(text.charAt(pos)) != 'S') {
          throw invalid(text);
        }
        fraction = Long.parseLong(text, fractionStart, pos, 10);
        for (int i = digits; i < 3; i++) {
          fraction *= 10;
        }
        field = 6;
      } else if (!inTime) {
        field = switch (unit) {
          case 'Y' -> 0;
          case 'M' -> 1;
          case 'W' -> 2;
          case 'D' -> 3;
          default -> throw invalid(text);
        };
      } else {
        field = switch (unit) {
          case 'H' -> 4;
          case 'M' -> 5;
          case 'S' -> 6;
          default -> throw invalid(text);
        };
      }
      if (field <= lastField) {
        throw invalid(text);
      }
      lastField = field;
      fields[field] = value;
      if (fraction != 0) {
        fields[7] = fraction;
      }
      pos++;
    }
    if (fields[0] > Integer.MAX_VALUE || fields[1] > Integer.MAX_VALUE || fields[2] > Integer.MAX_VALUE
        || fields[3] > Integer.MAX_VALUE) {
      throw invalid(text);
    }
    try {
      return new IsoPeriod((int) fields[0], (int) fields[1], (int) fields[2], (int) fields[3], fields[4], fields[5],
          fields[6], fields[7]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("period=\"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "period=\"" + text + "\" is not an ISO-8601 period such as P1D, PT1H, P3M or PT0.5S");
  }

  /** True when only hours, minutes, seconds and millis are set: an exact duration anywhere. */
  public boolean isTimeOnly() {
    return years == 0 && months == 0 && weeks == 0 && days == 0;
  }

  /** True when only years and months are set. */
  public boolean isMonthsOnly() {
    return weeks == 0 && days == 0 && timeMillis() == 0;
  }

  /** True when only weeks are set. */
  public boolean isWeeksOnly() {
    return years == 0 && months == 0 && days == 0 && timeMillis() == 0 && weeks > 0;
  }

  /** Total calendar months ({@code years * 12 + months}). */
  public long totalMonths() {
    return years * 12L + months;
  }

  /** Days from the weeks and days fields. */
  public long totalDays() {
    return weeks * 7L + days;
  }

  /** The time fields as milliseconds. */
  public long timeMillis() {
    return Math.addExact(Math.addExact(Math.multiplyExact(hours, CivilDates.MILLIS_PER_HOUR),
        Math.multiplyExact(minutes, CivilDates.MILLIS_PER_MINUTE)),
        Math.addExact(Math.multiplyExact(seconds, CivilDates.MILLIS_PER_SECOND), millis));
  }

  /** Length in millis when days count as 24 hours; only meaningful without years and months. */
  public long standardMillis() {
    return Math.addExact(Math.multiplyExact(totalDays(), CivilDates.MILLIS_PER_DAY), timeMillis());
  }

  @Override
  public String toString() {
    return describe(years, months, weeks, days, hours, minutes, seconds, millis);
  }

  private static String describe(int years, int months, int weeks, int days, long hours, long minutes,
      long seconds, long millis) {
    final StringBuilder text = new StringBuilder("P");
    appendField(text, years, 'Y');
    appendField(text, months, 'M');
    appendField(text, weeks, 'W');
    appendField(text, days, 'D');
    if (hours != 0 || minutes != 0 || seconds != 0 || millis != 0) {
      text.append('T');
      appendField(text, hours, 'H');
      appendField(text, minutes, 'M');
      if (millis != 0) {
        text.append(seconds).append('.').append(String.format("%03d", millis)).append('S');
      } else {
        appendField(text, seconds, 'S');
      }
    }
    return text.toString();
  }

  private static void appendField(StringBuilder text, long value, char unit) {
    if (value != 0) {
      text.append(value).append(unit);
    }
  }
}
