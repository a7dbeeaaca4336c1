package io.nemeton.segment.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Buckets of a calendar period in a time zone with daylight-saving changes (or any period the
 * arithmetic fast paths of {@link Granularity} do not cover): bucket {@code k} starts at {@code
 * origin + k * period}, adding months, then days, in local time, then the exact time part.
 *
 * <p>Uses {@code java.time} only when a timestamp leaves the last bucket seen; the last bucket is
 * kept in an immutable holder, so concurrent callers are safe (they may recompute it).
 */
final class CalendarBuckets {
  private static final double MILLIS_PER_AVERAGE_MONTH = 365.2425 / 12 * CivilDates.MILLIS_PER_DAY;

  private final ZonedDateTime origin;
  private final long originMs;
  private final long monthsPerStep;
  private final long daysPerStep;
  private final long timeMillisPerStep;
  private final long approximateStepMs;
  private Bucket last;

  /** One bucket [start, end) and its index from the origin; immutable so it can be shared. */
  record Bucket(long startMs, long endMs, long index) {}

  CalendarBuckets(IsoPeriod period, ZoneId zone, long originMs) {
    this.origin = ZonedDateTime.ofInstant(Instant.ofEpochMilli(originMs), zone);
    this.originMs = originMs;
    this.monthsPerStep = period.totalMonths();
    this.daysPerStep = period.totalDays();
    this.timeMillisPerStep = period.timeMillis();
    final double approximate = monthsPerStep * MILLIS_PER_AVERAGE_MONTH
        + daysPerStep * (double) CivilDates.MILLIS_PER_DAY + timeMillisPerStep;
    this.approximateStepMs = Math.max(1, (long) approximate);
    final long start = start(0);
    this.last = new Bucket(start, start(1), 0);
  }

  /** Start of bucket {@code index}. */
  long start(long index) {
    ZonedDateTime at = origin;
    if (monthsPerStep != 0) {
      at = at.plusMonths(monthsPerStep * index);
    }
    if (daysPerStep != 0) {
      at = at.plusDays(daysPerStep * index);
    }
    final long ms = at.toInstant().toEpochMilli();
    return timeMillisPerStep == 0 ? ms : ms + timeMillisPerStep * index;
  }

  /** The bucket holding {@code timeMs}. */
  Bucket bucket(long timeMs) {
    final Bucket cached = last;
    if (timeMs >= cached.startMs && timeMs < cached.endMs) {
      return cached;
    }
    long index = Math.floorDiv(timeMs - originMs, approximateStepMs);
    long start = start(index);
    while (start > timeMs) {
      index--;
      start = start(index);
    }
    long end = start(index + 1);
    while (end <= timeMs) {
      index++;
      start = end;
      end = start(index + 1);
    }
    final Bucket found = new Bucket(start, end, index);
    last = found;
    return found;
  }
}
