package io.nemeton.engine.expression;

import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.engine.query.time.IsoPeriod;
import io.nemeton.engine.query.time.PeriodBuckets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code timestamp_*} functions over epoch milliseconds. Periods are ISO-8601 ({@code PT1H},
 * {@code P3M}); bucketing follows Druid's period granularity (see {@link PeriodBuckets}); time zones
 * are ids such as {@code America/Los_Angeles} or offsets such as {@code -08:00}. Format patterns
 * are Joda patterns, translated to java.time for the common letters. Stateless; allocates per call.
 */
final class TimeFunctions {

  /** The units of {@code timestamp_extract}. */
  enum Unit {
    EPOCH, MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, DOW, ISODOW, DOY, WEEK, MONTH, QUARTER, YEAR,
    ISOYEAR, DECADE, CENTURY, MILLENNIUM
  }

  private TimeFunctions() {}

  static ExpressionType outputType(BuiltinFunction function) {
    return function == BuiltinFunction.TIMESTAMP_FORMAT ? ExpressionType.STRING : ExpressionType.LONG;
  }

  static ExpressionValue evaluate(BuiltinFunction function, List<Expression> arguments, ExpressionBinding binding) {
    final ExpressionValue input = arguments.get(0).evaluate(binding);
    if (function == BuiltinFunction.TIMESTAMP_PARSE) {
      return parse(input, arguments, binding);
    }
    if (input.isNumericNull()) {
      return ExpressionValue.ofNull(outputType(function));
    }
    final long time = input.asLong();
    switch (function) {
      case TIMESTAMP_FLOOR:
      case TIMESTAMP_CEIL: {
        final PeriodBuckets buckets = buckets(arguments, binding);
        return ExpressionValue.ofLong(function == BuiltinFunction.TIMESTAMP_FLOOR
            ? buckets.floor(time) : buckets.ceil(time));
      }
      case TIMESTAMP_SHIFT: {
        final IsoPeriod period = period(arguments.get(1).evaluate(binding).asString());
        final ExpressionValue step = arguments.get(2).evaluate(binding);
        if (step.isNumericNull()) {
          return ExpressionValue.ofNull(ExpressionType.LONG);
        }
        final ZoneId zone = arguments.size() > 3 ? zone(arguments.get(3).evaluate(binding).asString()) : ZoneOffset.UTC;
        return ExpressionValue.ofLong(period.addTo(time, zone, (int) step.asLong()));
      }
      case TIMESTAMP_EXTRACT: {
        final Unit unit = unit(arguments.get(1).evaluate(binding).asString());
        final ZoneId zone = arguments.size() > 2 ? zone(arguments.get(2).evaluate(binding).asString()) : ZoneOffset.UTC;
        return ExpressionValue.ofLong(extract(unit, time, zone));
      }
      case TIMESTAMP_FORMAT: {
        final String pattern = arguments.size() > 1 ? arguments.get(1).evaluate(binding).asString() : null;
        final ZoneId zone = arguments.size() > 2 ? zone(arguments.get(2).evaluate(binding).asString()) : ZoneOffset.UTC;
        if (pattern == null) {
          return ExpressionValue.ofString(IsoInstant.format(time, zone));
        }
        return ExpressionValue.ofString(formatter(pattern).withZone(zone).format(Instant.ofEpochMilli(time)));
      }
      default:
        throw new IllegalStateException("not a time function: " + function);
    }
  }

  private static PeriodBuckets buckets(List<Expression> arguments, ExpressionBinding binding) {
    final IsoPeriod period = period(arguments.get(1).evaluate(binding).asString());
    final ZoneId zone = arguments.size() > 3 ? zone(arguments.get(3).evaluate(binding).asString()) : ZoneOffset.UTC;
    Long origin = null;
    if (arguments.size() > 2) {
      final ExpressionValue originValue = arguments.get(2).evaluate(binding);
      if (!originValue.isNull()) {
        origin = originValue.type() == ExpressionType.STRING
            ? parseInstant(originValue.asString(), zone)
            : originValue.asLong();
      }
    }
    if (period.isZero()) {
      throw new ExpressionEvaluationException("timestamp bucketing needs a non-zero period, got " + period);
    }
    return new PeriodBuckets(period, origin, zone);
  }

  private static ExpressionValue parse(ExpressionValue input, List<Expression> arguments, ExpressionBinding binding) {
    final String text = input.asString();
    if (text == null) {
      return ExpressionValue.ofNull(ExpressionType.LONG);
    }
    final String pattern = arguments.size() > 1 ? arguments.get(1).evaluate(binding).asString() : null;
    final ZoneId zone = arguments.size() > 2 ? zone(arguments.get(2).evaluate(binding).asString()) : ZoneOffset.UTC;
    try {
      if (pattern == null) {
        final String iso = text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + 'T' + text.substring(11)
            : text;
        return ExpressionValue.ofLong(IsoInstant.parse(iso, zone));
      }
      final TemporalAccessor parsed = new DateTimeFormatterBuilder()
          .append(formatter(pattern))
          .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
          .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .toFormatter(Locale.ROOT)
          .withZone(zone)
          .parse(text);
      return ExpressionValue.ofLong(ZonedDateTime.from(parsed).toInstant().toEpochMilli());
    } catch (IllegalArgumentException | DateTimeException e) {
      // Druid returns null for strings that are not timestamps.
      return ExpressionValue.ofNull(ExpressionType.LONG);
    }
  }

  private static long extract(Unit unit, long time, ZoneId zone) {
    final ZonedDateTime date = ZonedDateTime.ofInstant(Instant.ofEpochMilli(time), zone);
    return switch (unit) {
      case EPOCH -> Math.floorDiv(time, 1000L);
      case MICROSECOND -> date.get(ChronoField.MILLI_OF_SECOND) * 1000L;
      case MILLISECOND -> date.get(ChronoField.MILLI_OF_SECOND);
      case SECOND -> date.getSecond();
      case MINUTE -> date.getMinute();
      case HOUR -> date.getHour();
      case DAY -> date.getDayOfMonth();
      case DOW, ISODOW -> date.getDayOfWeek().getValue();
      case DOY -> date.getDayOfYear();
      case WEEK -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case MONTH -> date.getMonthValue();
      case QUARTER -> (date.getMonthValue() - 1) / 3 + 1;
      case YEAR -> date.getYear();
      case ISOYEAR -> date.get(IsoFields.WEEK_BASED_YEAR);
      case DECADE -> date.getYear() / 10;
      case CENTURY -> date.getYear() / 100 + 1;
      case MILLENNIUM -> date.getYear() / 1000 + 1;
    };
  }

  static IsoPeriod period(String text) {
    if (text == null) {
      throw new ExpressionEvaluationException("timestamp function needs a period, got null");
    }
    try {
      return IsoPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ExpressionEvaluationException(e.getMessage(), e);
    }
  }

  static ZoneId zone(String id) {
    if (id == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ExpressionEvaluationException("unknown time zone '" + id + "'", e);
    }
  }

  static Unit unit(String name) {
    try {
      return Unit.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ExpressionEvaluationException("unknown timestamp_extract unit '" + name + "'; supported: "
          + Arrays.toString(Unit.values()));
    }
  }

  private static long parseInstant(String text, ZoneId zone) {
    try {
      return IsoInstant.parse(text, zone);
    } catch (IllegalArgumentException e) {
      throw new ExpressionEvaluationException("invalid origin: " + e.getMessage(), e);
    }
  }

  /**
   * A java.time formatter for a Joda pattern: Joda's {@code y} (year), {@code Y} (year of era),
   * {@code x} (week year) and {@code Z}/{@code ZZ}/{@code ZZZ} (offsets and zone id) are mapped to
   * their java.time letters; other letters mean the same in both.
   */
  static DateTimeFormatter formatter(String jodaPattern) {
    final StringBuilder pattern = new StringBuilder(jodaPattern.length() + 4);
    boolean quoted = false;
    for (int i = 0; i < jodaPattern.length(); i++) {
      final char c = jodaPattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        pattern.append(c);
        continue;
      }
      if (quoted) {
        pattern.append(c);
        continue;
      }
      switch (c) {
        case 'y' -> pattern.append('u');
        case 'Y' -> pattern.append('y');
        case 'x' -> pattern.append('Y');
        case 'Z' -> {
          int run = 1;
          while (i + 1 < jodaPattern.length() && jodaPattern.charAt(i + 1) == 'Z') {
            run++;
            i++;
          }
          pattern.append(run == 1 ? "xx" : run == 2 ? "xxx" : "VV");
        }
        default -> pattern.append(c);
      }
    }
    try {
      return DateTimeFormatter.ofPattern(pattern.toString(), Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new ExpressionEvaluationException("invalid time format pattern '" + jodaPattern + "': " + e.getMessage(), e);
    }
  }
}
