package io.nemeton.engine.cursor;

import io.nemeton.engine.query.GranularitySpec;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.time.IsoPeriod;
import io.nemeton.engine.query.time.PeriodBuckets;

/**
 * The time buckets of a query granularity: {@link #floor} gives the start of an instant's bucket,
 * {@link #next} the start of the following one. {@code all} is one bucket covering all time;
 * {@code none} is one bucket per millisecond. Immutable and thread-safe; period bucketing
 * allocates java.time objects, so callers compute edges per bucket, never per row.
 */
public final class TimeBuckets {
  private final GranularitySpec granularity;
  private final PeriodBuckets periods;
  private final long durationMs;
  private final long originMs;

  public TimeBuckets(GranularitySpec granularity) {
    this.granularity = granularity;
    if (granularity.kind() == GranularitySpec.Kind.DURATION) {
      this.periods = null;
      this.durationMs = granularity.durationMs();
      this.originMs = granularity.originMs() == null ? 0 : granularity.originMs();
    } else if (granularity.isAll() || granularity.isNone()) {
      this.periods = null;
      this.durationMs = granularity.isNone() ? 1 : 0;
      this.originMs = 0;
    } else {
      final IsoPeriod period = granularity.bucketPeriod();
      this.periods = new PeriodBuckets(period, granularity.originMs(), granularity.zone());
      this.durationMs = 0;
      this.originMs = 0;
    }
  }

  public GranularitySpec granularity() {
    return granularity;
  }

  public boolean isAll() {
    return granularity.isAll();
  }

  /** The start of the bucket holding {@code timeMs}; {@link Interval#MIN_INSTANT_MS} for all. */
  public long floor(long timeMs) {
    if (periods != null) {
      return periods.floor(timeMs);
    }
    if (durationMs > 0) {
      return timeMs - Math.floorMod(timeMs - originMs, durationMs);
    }
    return Interval.MIN_INSTANT_MS;
  }

  /** The start of the bucket after the one starting at {@code bucketStartMs}. */
  public long next(long bucketStartMs) {
    if (periods != null) {
      return periods.next(bucketStartMs);
    }
    if (durationMs > 0) {
      return bucketStartMs + durationMs;
    }
    return Interval.MAX_INSTANT_MS;
  }
}
