package io.nemeton.engine.kernel;

/**
 * Druid's {@code count} over batches: the number of rows, or with a null mask the number of
 * non-null rows (what SQL's {@code COUNT(column)} becomes). Never null: no rows count 0.
 *
 * <p>Not thread-safe: one instance per query thread and aggregator, reused via {@link #reset()}.
 * Never allocates.
 */
public final class CountAggregator {
  private final CountKernels counts;
  private long count;

  public CountAggregator(Kernels kernels) {
    this.counts = kernels.counts();
  }

  /** Counts {@code rowCount} rows (a batch's, or a selection's count). */
  public void aggregate(int rowCount) {
    count += rowCount;
  }

  /** Counts the non-null rows of {@code [0, count)}; a null {@code nulls} means none is null. */
  public void aggregateNonNull(boolean[] nulls, int count) {
    this.count += nulls == null ? count : counts.countNonNull(nulls, count);
  }

  /** Counts the non-null rows of {@code selection[0..count)}; {@code nulls} may be null. */
  public void aggregateNonNull(boolean[] nulls, int[] selection, int count) {
    this.count += nulls == null ? count : counts.countNonNull(nulls, selection, count);
  }

  /** Folds in another partial count (e.g. another segment's). */
  public void combine(long partialCount) {
    count += partialCount;
  }

  public long value() {
    return count;
  }

  public void reset() {
    count = 0;
  }
}
