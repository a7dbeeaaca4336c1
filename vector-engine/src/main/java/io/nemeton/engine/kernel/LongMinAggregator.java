package io.nemeton.engine.kernel;

/**
 * Druid's {@code longMin} over batches: folds each batch through one {@link LongKernels} call and
 * keeps the running result. With SQL-compatible nulls the result is null when no non-null row was
 * seen (no rows, or only null rows); null rows are skipped.
 *
 * <p>Not thread-safe: one instance per query thread and aggregator, reused across batches and
 * segments via {@link #reset()}. Never allocates.
 */
public final class LongMinAggregator {
  private final LongKernels kernels;
  private final CountKernels counts;
  private long min;
  private boolean hasValue;

  public LongMinAggregator(Kernels kernels) {
    this.kernels = kernels.longs();
    this.counts = kernels.counts();
    reset();
  }

  /** Folds in rows {@code [0, count)}. */
  public void aggregate(long[] values, int count) {
    if (count > 0) {
      min = Math.min(min, kernels.min(values, count));
      hasValue = true;
    }
  }

  /** Folds in rows {@code selection[0..count)}. */
  public void aggregate(long[] values, int[] selection, int count) {
    if (count > 0) {
      min = Math.min(min, kernels.min(values, selection, count));
      hasValue = true;
    }
  }

  /** Folds in the non-null rows of {@code [0, count)}; a null {@code nulls} means none is null. */
  public void aggregate(long[] values, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, count);
      return;
    }
    min = Math.min(min, kernels.min(values, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, count);
  }

  /** Folds in the non-null rows of {@code selection[0..count)}; {@code nulls} may be null. */
  public void aggregate(long[] values, int[] selection, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, selection, count);
      return;
    }
    min = Math.min(min, kernels.min(values, selection, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, selection, count);
  }

  /** Folds in another partial result of the same aggregator (e.g. another segment's). */
  public void combine(LongMinAggregator other) {
    if (other.hasValue) {
      min = Math.min(min, other.min);
      hasValue = true;
    }
  }

  /** Folds in one non-null partial value (e.g. read from a merged result). */
  public void combine(long partial) {
    min = Math.min(min, partial);
    hasValue = true;
  }

  /** Whether the result is SQL null: no non-null row seen since the last reset. */
  public boolean isNull() {
    return !hasValue;
  }

  /** The result; {@code Long.MAX_VALUE} when {@link #isNull()}. */
  public long value() {
    return min;
  }

  /** Back to no rows seen. */
  public void reset() {
    min = Long.MAX_VALUE;
    hasValue = false;
  }
}
