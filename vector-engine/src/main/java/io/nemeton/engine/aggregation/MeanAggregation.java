package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.Arrays;

/**
 * {@code doubleMean}: the sum and count of non-null values ({@link MeanState}); finalizes to their
 * quotient, null for no values. Immutable.
 */
final class MeanAggregation implements Aggregation {
  private final String name;
  private final String fieldName;

  MeanAggregation(String name, String fieldName) {
    this.name = name;
    this.fieldName = fieldName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels) {
    return new Means(columns.numeric(fieldName), kernels);
  }

  @Override
  public Object combine(Object left, Object right) {
    return ((MeanState) left).plus((MeanState) right);
  }

  @Override
  public Object empty() {
    return new MeanState(0, 0);
  }

  @Override
  public Object finalizeValue(Object intermediate) {
    return ((MeanState) intermediate).mean();
  }

  /** Dense sums and counts by group. Not thread-safe. */
  private static final class Means implements GroupAggregator {
    private final NumericBlocks input;
    private final Kernels kernels;
    private double[] sums = new double[1];
    private long[] counts = new long[1];

    Means(NumericBlocks input, Kernels kernels) {
      this.input = input;
      this.kernels = kernels;
    }

    @Override
    public void ensureCapacity(int groups) {
      if (groups > sums.length) {
        final int capacity = Math.max(groups, sums.length * 2);
        sums = Arrays.copyOf(sums, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
    }

    @Override
    public void aggregate(Batch batch, int group) {
      if (batch.dense() && batch.from() != 0) {
        batch.materialize();
      }
      final double[] values = input.doubles(batch.block());
      final boolean[] nulls = input.nulls(batch.block());
      if (batch.dense()) {
        final int count = batch.to();
        sums[group] += nulls == null ? kernels.doubles().sum(values, count) : kernels.doubles().sum(values, nulls, count);
        counts[group] += nulls == null ? count : kernels.counts().countNonNull(nulls, count);
      } else {
        final int[] selection = batch.selection();
        final int count = batch.size();
        sums[group] += nulls == null ? kernels.doubles().sum(values, selection, count)
            : kernels.doubles().sum(values, selection, nulls, count);
        counts[group] += nulls == null ? count : kernels.counts().countNonNull(nulls, selection, count);
      }
    }

    @Override
    public void aggregate(Batch batch, int[] groups) {
      batch.materialize();
      final double[] values = input.doubles(batch.block());
      final boolean[] nulls = input.nulls(batch.block());
      final int[] selection = batch.selection();
      final int size = batch.size();
      for (int i = 0; i < size; i++) {
        final int position = selection[i];
        if (nulls == null || !nulls[position]) {
          sums[groups[i]] += values[position];
          counts[groups[i]]++;
        }
      }
    }

    @Override
    public Object get(int group) {
      return new MeanState(sums[group], counts[group]);
    }

    @Override
    public void reset(int groups) {
      final int count = Math.min(groups, sums.length);
      Arrays.fill(sums, 0, count, 0.0);
      Arrays.fill(counts, 0, count, 0L);
    }
  }
}
