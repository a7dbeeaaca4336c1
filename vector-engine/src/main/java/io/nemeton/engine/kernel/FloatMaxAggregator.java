package io.nemeton.engine.kernel;

/**
 * Druid's {@code floatMax} over batches: folds each batch through one {@link FloatKernels} call and
 * keeps the running result. With SQL-compatible nulls the result is null when no non-null row was
 * seen (no rows, or only null rows); null rows are skipped.
 *
 * <p>NaN wins and +0.0 is above -0.0, as with {@link Math#max(float, float)}.
 *
 * <p>Not thread-safe: one instance per query thread and aggregator, reused across batches and
 * segments via {@link #reset()}. Never allocates.
 */
public final class FloatMaxAggregator {
  private final FloatKernels kernels;
  private final CountKernels counts;
  private float max;
  private boolean hasValue;

  public FloatMaxAggregator(Kernels kernels) {
    this.kernels = kernels.floats();
    this.counts = kernels.counts();
    reset();
  }

  /** Folds in rows {@code [0, count)}. */
  public void aggregate(float[] values, int count) {
    if (count > 0) {
      max = Math.max(max, kernels.max(values, count));
      hasValue = true;
    }
  }

  /** Folds in rows {@code selection[0..count)}. */
  public void aggregate(float[] values, int[] selection, int count) {
    if (count > 0) {
      max = Math.max(max, kernels.max(values, selection, count));
      hasValue = true;
    }
  }

  /** Folds in the non-null rows of {@code [0, count)}; a null {@code nulls} means none is null. */
  public void aggregate(float[] values, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, count);
      return;
    }
    max = Math.max(max, kernels.max(values, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, count);
  }

  /** Folds in the non-null rows of {@code selection[0..count)}; {@code nulls} may be null. */
  public void aggregate(float[] values, int[] selection, boolean[] nulls, int count) {
    if (nulls == null) {
      aggregate(values, selection, count);
      return;
    }
    max = Math.max(max, kernels.max(values, selection, nulls, count));
    hasValue = hasValue || counts.anyNonNull(nulls, selection, count);
  }

  /** Folds in another partial result of the same aggregator (e.g. another segment's). */
  public void combine(FloatMaxAggregator other) {
    if (other.hasValue) {
      max = Math.max(max, other.max);
      hasValue = true;
    }
  }

  /** Folds in one non-null partial value (e.g. read from a merged result). */
  public void combine(float partial) {
    max = Math.max(max, partial);
    hasValue = true;
  }

  /** Whether the result is SQL null: no non-null row seen since the last reset. */
  public boolean isNull() {
    return !hasValue;
  }

  /** The result; {@code Float.NEGATIVE_INFINITY} when {@link #isNull()}. */
  public float value() {
    return max;
  }

  /** Back to no rows seen. */
  public void reset() {
    max = Float.NEGATIVE_INFINITY;
    hasValue = false;
  }
}
