package io.nemeton.engine.query.time;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Bucketing of instants by an {@link IsoPeriod} in a time zone, with Druid's period-granularity
 * rules: a single-unit period without an origin floors to calendar boundaries in the zone (midnight,
 * Monday, the first of the month, ...); a multiple of a unit counts whole units from the origin
 * (default: 1970-01-01T00:00 local time), so {@code P3M} gives quarters and {@code PT6H} gives
 * 00/06/12/18; a period with several fields steps from the origin one period at a time.
 *
 * <p>Immutable and thread-safe. Allocates java.time objects per call: for planning and reference
 * evaluation; an engine precomputes bucket edges for its hot loop.
 */
public final class PeriodBuckets {

  private final IsoPeriod period;
  private final ZoneId zone;
  private final boolean hasOrigin;
  private final long originMs;

  /**
   * @param period the bucket length; must not be zero
   * @param originMs the instant buckets are aligned to, or null for Druid's default
   * @param zone the zone whose calendar the buckets follow
   */
  public PeriodBuckets(IsoPeriod period, Long originMs, ZoneId zone) {
    if (period.isZero()) {
      throw new IllegalArgumentException("period " + period + " must not be zero");
    }
    this.period = period;
    this.zone = zone;
    this.hasOrigin = originMs != null;
    this.originMs = originMs != null
        ? originMs
        : LocalDateTime.of(1970, 1, 1, 0, 0).atZone(zone).toInstant().toEpochMilli();
  }

  public IsoPeriod period() {
    return period;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The start of the bucket holding {@code instantMs}. */
  public long floor(long instantMs) {
    if (period.nonZeroFieldCount() > 1) {
      if (period.isFixedDuration()) {
        return instantMs - Math.floorMod(instantMs - originMs, period.fixedDurationMillis());
      }
      return floorCompound(instantMs);
    }
    if (period.years() != 0) {
      return floorByUnit(instantMs, period.years(), ChronoUnit.YEARS);
    }
    if (period.months() != 0) {
      return floorByUnit(instantMs, period.months(), ChronoUnit.MONTHS);
    }
    if (period.weeks() != 0) {
      return floorByUnit(instantMs, period.weeks(), ChronoUnit.WEEKS);
    }
    if (period.days() != 0) {
      return floorByUnit(instantMs, period.days(), ChronoUnit.DAYS);
    }
    if (period.hours() != 0) {
      return floorByUnit(instantMs, period.hours(), ChronoUnit.HOURS);
    }
    if (period.minutes() != 0) {
      return floorByUnit(instantMs, period.minutes(), ChronoUnit.MINUTES);
    }
    final long lengthMs = period.fixedDurationMillis();
    return instantMs - Math.floorMod(instantMs - originMs, lengthMs);
  }

  /** The smallest bucket start that is at or after {@code instantMs}. */
  public long ceil(long instantMs) {
    final long start = floor(instantMs);
    return start == instantMs ? start : next(start);
  }

  /** The start of the bucket after the one starting at {@code bucketStartMs}. */
  public long next(long bucketStartMs) {
    return period.addTo(bucketStartMs, zone, 1);
  }

  private long floorByUnit(long instantMs, int count, ChronoUnit unit) {
    final ZonedDateTime time = InstantFields.zoned(instantMs, zone);
    if (count == 1 && !hasOrigin) {
      return InstantFields.millis(calendarFloor(time, unit));
    }
    final ZonedDateTime origin = InstantFields.zoned(originMs, zone);
    long units = unit.between(origin, time);
    units -= Math.floorMod(units, count);
    ZonedDateTime start = origin.plus(units, unit);
    if (start.isAfter(time)) {
      start = origin.plus(units - count, unit);
    }
    return InstantFields.millis(start);
  }

  private static ZonedDateTime calendarFloor(ZonedDateTime time, ChronoUnit unit) {
    return switch (unit) {
      case YEARS -> time.toLocalDate().withDayOfYear(1).atStartOfDay(time.getZone());
      case MONTHS -> time.toLocalDate().withDayOfMonth(1).atStartOfDay(time.getZone());
      case WEEKS -> time.toLocalDate()
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
          .atStartOfDay(time.getZone());
      case DAYS -> time.toLocalDate().atStartOfDay(time.getZone());
      case HOURS -> time.truncatedTo(ChronoUnit.HOURS);
      case MINUTES -> time.truncatedTo(ChronoUnit.MINUTES);
      default -> throw new IllegalStateException("no calendar floor for " + unit);
    };
  }

  // Steps one period at a time from the origin, as Druid does for periods mixing calendar fields.
  private long floorCompound(long instantMs) {
    long current = originMs;
    if (instantMs >= originMs) {
      long next = current;
      while (next <= instantMs) {
        current = next;
        next = period.addTo(current, zone, 1);
      }
    } else {
      while (current > instantMs) {
        current = period.addTo(current, zone, -1);
      }
    }
    return current;
  }
}
