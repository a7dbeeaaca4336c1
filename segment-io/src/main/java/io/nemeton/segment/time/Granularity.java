package io.nemeton.segment.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A way of cutting time into buckets, as Druid's granularities: the simple names ({@code all},
 * {@code none}, {@code second} ... {@code year}, bucketed in UTC), {@code {type: period, period,
 * timeZone, origin}} and {@code {type: duration, duration, origin}}.
 *
 * <p>{@link #bucketStart(long)} gives the start of the bucket holding a timestamp and {@link
 * #next(long)} the start of the following bucket. Fixed-length buckets (every simple granularity up
 * to {@code week}, time-only periods, and day or week periods in zones without daylight saving)
 * are computed with one modulo; months, quarters and years in fixed-offset zones with calendar
 * arithmetic on longs; other periods with {@code java.time} only when a timestamp leaves the last
 * bucket seen. Periods follow Druid's documented rules: the default origin is 1970-01-01T00:00 in
 * the zone, except that week-only periods start on Monday; time-only periods are exact durations
 * counted from the origin.
 *
 * <p>Immutable and thread-safe. {@link #bucketStart(long)} and the batch {@link
 * #bucketStarts(long[], int, int, long[], int)} allocate only when a calendar bucket changes.
 */
public final class Granularity {
  /** Start of the single {@code all} bucket (Druid's minimum instant). */
  public static final long MIN_INSTANT = Long.MIN_VALUE / 2;
  /** End of the single {@code all} bucket (Druid's maximum instant). */
  public static final long MAX_INSTANT = Long.MAX_VALUE / 2;

  private static final Map<String, String> SIMPLE_PERIODS = simplePeriods();

  public static final Granularity ALL = new Granularity(Kind.ALL, "all", null, ZoneOffset.UTC, null, 0, 0, 0, 0, null);
  public static final Granularity NONE = new Granularity(Kind.NONE, "none", null, ZoneOffset.UTC, null, 1, 0, 0, 0, null);

  private enum Kind { ALL, NONE, FIXED, MONTHS, CALENDAR }

  private final Kind kind;
  private final String simpleName;
  private final IsoPeriod period;
  private final ZoneId zone;
  private final Long originMs;
  /** FIXED: bucket length; MONTHS: months per bucket. */
  private final long step;
  /** FIXED: floorMod(some bucket start, step); MONTHS: origin month index modulo step. */
  private final long phase;
  /** MONTHS: the zone's fixed offset. */
  private final long offsetMs;
  /** Duration granularities keep their length for the JSON form. */
  private final long durationMs;
  private final CalendarBuckets calendar;

  private Granularity(Kind kind, String simpleName, IsoPeriod period, ZoneId zone, Long originMs, long step,
      long phase, long offsetMs, long durationMs, CalendarBuckets calendar) {
    this.kind = kind;
    this.simpleName = simpleName;
    this.period = period;
    this.zone = zone;
    this.originMs = originMs;
    this.step = step;
    this.phase = phase;
    this.offsetMs = offsetMs;
    this.durationMs = durationMs;
    this.calendar = calendar;
  }

  /**
   * A simple granularity by Druid name, case-insensitive: {@code all none second minute
   * five_minute ten_minute fifteen_minute thirty_minute hour six_hour eight_hour day week month
   * quarter year}. An ISO period such as {@code PT1H} is also accepted (UTC).
   */
  public static Granularity of(String name) {
    Objects.requireNonNull(name, "granularity name");
    final String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("all")) {
      return ALL;
    }
    if (lower.equals("none")) {
      return NONE;
    }
    final String periodText = SIMPLE_PERIODS.get(lower);
    if (periodText != null) {
      return build(IsoPeriod.parse(periodText), ZoneOffset.UTC, null, lower);
    }
    if (lower.startsWith("p")) {
      return period(IsoPeriod.parse(name.toUpperCase(Locale.ROOT)), ZoneOffset.UTC, null);
    }
    throw new IllegalArgumentException("granularity=\"" + name + "\" is not one of " + String.join(", ",
        "all", "none", String.join(", ", SIMPLE_PERIODS.keySet())) + " or an ISO-8601 period");
  }

  /** A period granularity; {@code zone} null means UTC, {@code originMs} null the default origin. */
  public static Granularity period(IsoPeriod period, ZoneId zone, Long originMs) {
    Objects.requireNonNull(period, "period");
    final ZoneId resolvedZone = zone == null || isUtc(zone) ? ZoneOffset.UTC : zone;
    String name = null;
    if (originMs == null && isUtc(resolvedZone)) {
      for (Map.Entry<String, String> simple : SIMPLE_PERIODS.entrySet()) {
        if (simple.getValue().equals(period.toString())) {
          name = simple.getKey();
        }
      }
    }
    return build(period, resolvedZone, originMs, name);
  }

  /** A duration granularity: buckets of {@code durationMs} counted from {@code originMs} (default epoch). */
  public static Granularity duration(long durationMs, Long originMs) {
    if (durationMs <= 0) {
      throw new IllegalArgumentException("granularity duration=" + durationMs + " must be > 0 millis");
    }
    final long anchor = originMs == null ? 0 : originMs;
    return new Granularity(Kind.FIXED, null, null, ZoneOffset.UTC, originMs, durationMs,
        Math.floorMod(anchor, durationMs), 0, durationMs, null);
  }

  private static Granularity build(IsoPeriod period, ZoneId zone, Long originMs, String simpleName) {
    final boolean fixedOffset = zone.getRules().isFixedOffset();
    final long zoneOffsetMs = fixedOffset ? zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    if (period.isTimeOnly()) {
      final long length = period.timeMillis();
      final long anchor = originMs != null ? originMs : localMidnight(zone, 1);
      return new Granularity(Kind.FIXED, simpleName, period, zone, originMs, length, Math.floorMod(anchor, length), 0, 0, null);
    }
    if (fixedOffset && period.totalMonths() == 0) {
      final long length = period.standardMillis();
      final long anchor = originMs != null ? originMs : localMidnight(zone, period.isWeeksOnly() ? 5 : 1);
      return new Granularity(Kind.FIXED, simpleName, period, zone, originMs, length, Math.floorMod(anchor, length), 0, 0, null);
    }
    if (fixedOffset && period.isMonthsOnly()) {
      final long months = period.totalMonths();
      long originMonth = 0;
      boolean aligned = true;
      if (originMs != null) {
        final long local = originMs + zoneOffsetMs;
        final long day = Math.floorDiv(local, CivilDates.MILLIS_PER_DAY);
        originMonth = CivilDates.monthIndexFromDays(day);
        aligned = Math.floorMod(local, CivilDates.MILLIS_PER_DAY) == 0 && CivilDates.daysFromMonthIndex(originMonth) == day;
      }
      if (aligned) {
        return new Granularity(Kind.MONTHS, simpleName, period, zone, originMs, months, Math.floorMod(originMonth, months),
            zoneOffsetMs, 0, null);
      }
    }
    final long anchor = originMs != null ? originMs : localMidnight(zone, period.isWeeksOnly() ? 5 : 1);
    return new Granularity(Kind.CALENDAR, simpleName, period, zone, originMs, 0, 0, 0, 0,
        new CalendarBuckets(period, zone, anchor));
  }

  /** Epoch millis of 1970-01-{day}T00:00 local time in {@code zone}. */
  private static long localMidnight(ZoneId zone, int day) {
    return LocalDateTime.of(1970, 1, day, 0, 0).atZone(zone).toInstant().toEpochMilli();
  }

  private static boolean isUtc(ZoneId zone) {
    return zone.getRules().isFixedOffset() && zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() == 0;
  }

  /**
   * Parses Druid's JSON form: a String (simple name or ISO period) or a Map with {@code type}
   * {@code period} ({@code period}, {@code timeZone}, {@code origin}), {@code duration} ({@code
   * duration}, {@code origin}), or a simple name ({@code {"type":"none"}}). Origins are ISO-8601
   * strings or epoch millis. Throws {@link IllegalArgumentException} naming the bad field.
   */
  public static Granularity fromJson(Object json) {
    if (json instanceof String name) {
      return of(name);
    }
    if (!(json instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("granularity=" + json + " must be a name or an object with a type");
    }
    final Object type = map.get("type");
    if (!(type instanceof String typeName)) {
      throw new IllegalArgumentException("granularity.type=" + type + " must be a string such as period or duration");
    }
    final Long origin = origin(map.get("origin"));
    switch (typeName.toLowerCase(Locale.ROOT)) {
      case "period" -> {
        final Object periodValue = map.get("period");
        if (!(periodValue instanceof String periodText)) {
          throw new IllegalArgumentException("granularity.period=" + periodValue + " must be an ISO-8601 period such as P1D");
        }
        final Object zoneValue = map.get("timeZone");
        ZoneId zone = ZoneOffset.UTC;
        if (zoneValue != null) {
          try {
            zone = ZoneId.of(zoneValue.toString());
          } catch (DateTimeException e) {
            throw new IllegalArgumentException("granularity.timeZone=\"" + zoneValue + "\" is not a time zone id", e);
          }
        }
        return period(IsoPeriod.parse(periodText), zone, origin);
      }
      case "duration" -> {
        final Object durationValue = map.get("duration");
        final long duration;
        try {
          duration = durationValue instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(durationValue));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("granularity.duration=" + durationValue + " must be a number of millis", e);
        }
        return duration(duration, origin);
      }
      default -> {
        return of(typeName);
      }
    }
  }

  private static Long origin(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    final long ms = IsoTimestamps.parse(value.toString(), false);
    if (ms == IsoTimestamps.INVALID) {
      throw new IllegalArgumentException("granularity.origin=\"" + value + "\" is not an ISO-8601 instant");
    }
    return ms;
  }

  /** Start of the bucket holding {@code timeMs}. */
  public long bucketStart(long timeMs) {
    return switch (kind) {
      case ALL -> MIN_INSTANT;
      case NONE -> timeMs;
      case FIXED -> fixedStart(timeMs, step, phase);
      case MONTHS -> monthsStart(timeMs);
      case CALENDAR -> calendar.bucket(timeMs).startMs();
    };
  }

  /** Start of the bucket after the one starting at {@code bucketStart}. */
  public long next(long bucketStart) {
    return switch (kind) {
      case ALL -> MAX_INSTANT;
      case NONE -> bucketStart + 1;
      case FIXED -> bucketStart + step;
      case MONTHS -> {
        final long monthIndex = CivilDates.monthIndexFromDays(Math.floorDiv(bucketStart + offsetMs, CivilDates.MILLIS_PER_DAY));
        yield CivilDates.daysFromMonthIndex(monthIndex + step) * CivilDates.MILLIS_PER_DAY - offsetMs;
      }
      case CALENDAR -> calendar.bucket(bucketStart).endMs();
    };
  }

  /** End (exclusive) of the bucket holding {@code timeMs}. */
  public long bucketEnd(long timeMs) {
    return next(bucketStart(timeMs));
  }

  /** Writes {@code bucketStart(times[from + i])} to {@code out[outFrom + i]} for {@code i < count}. */
  public void bucketStarts(long[] times, int from, int count, long[] out, int outFrom) {
    switch (kind) {
      case ALL -> java.util.Arrays.fill(out, outFrom, outFrom + count, MIN_INSTANT);
      case NONE -> System.arraycopy(times, from, out, outFrom, count);
      case FIXED -> {
        final long length = step;
        final long anchorPhase = phase;
        for (int i = 0; i < count; i++) {
          out[outFrom + i] = fixedStart(times[from + i], length, anchorPhase);
        }
      }
      case MONTHS, CALENDAR -> {
        // timestamps of one batch mostly share a bucket: recompute only when one leaves it
        long start = 0;
        long end = 0;
        for (int i = 0; i < count; i++) {
          final long t = times[from + i];
          if (t < start || t >= end) {
            start = bucketStart(t);
            end = next(start);
          }
          out[outFrom + i] = start;
        }
      }
    }
  }

  private static long fixedStart(long timeMs, long length, long anchorPhase) {
    long offset = Math.floorMod(timeMs, length) - anchorPhase;
    if (offset < 0) {
      offset += length;
    }
    return timeMs - offset;
  }

  private long monthsStart(long timeMs) {
    final long local = timeMs + offsetMs;
    final long monthIndex = CivilDates.monthIndexFromDays(Math.floorDiv(local, CivilDates.MILLIS_PER_DAY));
    final long startMonth = monthIndex - Math.floorMod(monthIndex - phase, step);
    return CivilDates.daysFromMonthIndex(startMonth) * CivilDates.MILLIS_PER_DAY - offsetMs;
  }

  public boolean isAll() {
    return kind == Kind.ALL;
  }

  public boolean isNone() {
    return kind == Kind.NONE;
  }

  /**
   * Druid's JSON form: the upper-case name for simple granularities ({@code "DAY"}), {@code
   * {"type":"none"}} and {@code {"type":"all"}}, else a period or duration object. Plain JSON types.
   */
  public Object toJson() {
    if (kind == Kind.ALL || kind == Kind.NONE) {
      return Map.of("type", simpleName);
    }
    if (simpleName != null) {
      return simpleName.toUpperCase(Locale.ROOT);
    }
    final Map<String, Object> json = new LinkedHashMap<>();
    if (period == null) {
      json.put("type", "duration");
      json.put("duration", durationMs);
      json.put("origin", originMs == null ? null : IsoTimestamps.format(originMs));
      return json;
    }
    json.put("type", "period");
    json.put("period", period.toString());
    json.put("timeZone", zone.getId().equals("Z") ? "UTC" : zone.getId());
    json.put("origin", originMs == null ? null : IsoTimestamps.format(originMs));
    return json;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Granularity that && kind == that.kind && Objects.equals(period, that.period)
        && Objects.equals(zone, that.zone) && Objects.equals(originMs, that.originMs) && durationMs == that.durationMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, period, zone, originMs, durationMs);
  }

  @Override
  public String toString() {
    final Object json = toJson();
    return json instanceof String text ? text : json.toString();
  }

  private static Map<String, String> simplePeriods() {
    final Map<String, String> periods = new LinkedHashMap<>();
    periods.put("second", "PT1S");
    periods.put("minute", "PT1M");
    periods.put("five_minute", "PT5M");
    periods.put("ten_minute", "PT10M");
    periods.put("fifteen_minute", "PT15M");
    periods.put("thirty_minute", "PT30M");
    periods.put("hour", "PT1H");
    periods.put("six_hour", "PT6H");
    periods.put("eight_hour", "PT8H");
    periods.put("day", "P1D");
    periods.put("week", "P1W");
    periods.put("month", "P1M");
    periods.put("quarter", "P3M");
    periods.put("year", "P1Y");
    return periods;
  }
}
