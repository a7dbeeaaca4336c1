package io.nemeton.engine.kernel;

/**
 * Druid's {@code doubleMin} over batches: folds each batch through one {@link DoubleKernels} call
 * and keeps the running result. With SQL-compatible nulls the result is null when no non-null row
 * was seen (no rows, or only null rows); null rows are skipped.
 *
 * <p>NaN wins and -0.0 is below +0.0, as with {@link Math#min(double, double)}.
 *
 * <p>Not thread-safe: one instance per query thread and aggregator, reused across batches and
 * segments via {@link #reset()}. Never allocates.
 */
public final class DoubleMinAggregator {
  private final DoubleKernels kernels;
  private final CountKernels counts;
  private double min;
  private boolean hasValue;

  public DoubleMinAggregator(Kernels kernels) {
    this.kernels = kernels.doubles();
    this.counts = kernels.counts();
    reset();
  }

  /** Folds in rows {@code [0, count)}. */
  public void aggregate(double[] values, int count) {
    if (count > 0) {
      min = Math.min(min, kernels.min(values, count));
      hasValue = true;
    }
  }

  /** Folds in rows {@code selection[0..count)}. */
  public void aggregate(double[] values, int[] selection, int count) {
    if (count > 0) {
      min = Math.min(min, kernels.min(values, selection, count));
      hasValue = true;
    }
  }

  /** Folds in the non-null rows of {@code [0, count)}; a null {@code nulls} means none is null. */
  public void aggregate(double[] values, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, count);
      return;
    }
    min = Math.min(min, kernels.min(values, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, count);
  }

  /** Folds in the non-null rows of {@code selection[0..count)}; {@code nulls} may be null. */
  public void aggregate(double[] values, int[] selection, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, selection, count);
      return;
    }
    min = Math.min(min, kernels.min(values, selection, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, selection, count);
  }

  /** Folds in another partial result of the same aggregator (e.g. another segment's). */
  public void combine(DoubleMinAggregator other) {
    if (other.hasValue) {
      min = Math.min(min, other.min);
      hasValue = true;
    }
  }

  /** Folds in one non-null partial value (e.g. read from a merged result). */
  public void combine(double partial) {
    min = Math.min(min, partial);
    hasValue = true;
  }

  /** Whether the result is SQL null: no non-null row seen since the last reset. */
  public boolean isNull() {
    return !hasValue;
  }

  /** The result; {@code Double.POSITIVE_INFINITY} when {@link #isNull()}. */
  public double value() {
    return min;
  }

  /** Back to no rows seen. */
  public void reset() {
    min = Double.POSITIVE_INFINITY;
    hasValue = false;
  }
}
