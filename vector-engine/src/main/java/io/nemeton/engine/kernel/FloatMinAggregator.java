package io.nemeton.engine.kernel;

/**
 * Druid's {@code floatMin} over batches: folds each batch through one {@link FloatKernels} call and
 * keeps the running result. With SQL-compatible nulls the result is null when no non-null row was
 * seen (no rows, or only null rows); null rows are skipped.
 *
 * <p>NaN wins and -0.0 is below +0.0, as with {@link Math#min(float, float)}.
 *
 * <p>Not thread-safe: one instance per query thread and aggregator, reused across batches and
 * segments via {@link #reset()}. Never allocates.
 */
public final class FloatMinAggregator {
  private final FloatKernels kernels;
  private final CountKernels counts;
  private float min;
  private boolean hasValue;

  public FloatMinAggregator(Kernels kernels) {
    this.kernels = kernels.floats();
    this.counts = kernels.counts();
    reset();
  }

  /** Folds in rows {@code [0, count)}. */
  public void aggregate(float[] values, int count) {
    if (count > 0) {
      min = Math.min(min, kernels.min(values, count));
      hasValue = true;
    }
  }

  /** Folds in rows {@code selection[0..count)}. */
  public void aggregate(float[] values, int[] selection, int count) {
    if (count > 0) {
      min = Math.min(min, kernels.min(values, selection, count));
      hasValue = true;
    }
  }

  /** Folds in the non-null rows of {@code [0, count)}; a null {@code nulls} means none is null. */
  public void aggregate(float[] values, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, count);
      return;
    }
    min = Math.min(min, kernels.min(values, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, count);
  }

  /** Folds in the non-null rows of {@code selection[0..count)}; {@code nulls} may be null. */
  public void aggregate(float[] values, int[] selection, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, selection, count);
      return;
    }
    min = Math.min(min, kernels.min(values, selection, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, selection, count);
  }

  /** Folds in another partial result of the same aggregator (e.g. another segment's). */
  public void combine(FloatMinAggregator other) {
    if (other.hasValue) {
      min = Math.min(min, other.min);
      hasValue = true;
    }
  }

  /** Folds in one non-null partial value (e.g. read from a merged result). */
  public void combine(float partial) {
    min = Math.min(min, partial);
    hasValue = true;
  }

  /** Whether the result is SQL null: no non-null row seen since the last reset. */
  public boolean isNull() {
    return !hasValue;
  }

  /** The result; {@code Float.POSITIVE_INFINITY} when {@link #isNull()}. */
  public float value() {
    return min;
  }

  /** Back to no rows seen. */
  public void reset() {
    min = Float.POSITIVE_INFINITY;
    hasValue = false;
  }
}
