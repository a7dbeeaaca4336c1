package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.Arrays;

/**
 * {@code floatSum}, {@code floatMin}, {@code floatMax}: float state per group. Sums add in float
 * arithmetic row by row (as Druid's row aggregator does), so the answer does not depend on the
 * batch size; min and max go through the widened doubles, which order exactly as the floats do.
 * Not thread-safe.
 */
final class FloatGroupAggregator implements GroupAggregator {
  private final NumericBlocks input;
  private final Operation operation;
  private final BatchKernels kernels;
  private final float identity;
  private float[] values = new float[1];
  private boolean[] seen = new boolean[1];

  FloatGroupAggregator(NumericBlocks input, Operation operation, BatchKernels kernels) {
    this.input = input;
    this.operation = operation;
    this.kernels = kernels;
    this.identity = switch (operation) {
      case SUM -> 0f;
      case MIN -> Float.POSITIVE_INFINITY;
      case MAX -> Float.NEGATIVE_INFINITY;
    };
    values[0] = identity;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > values.length) {
      final int old = values.length;
      final int capacity = Math.max(groups, old * 2);
      values = Arrays.copyOf(values, capacity);
      seen = Arrays.copyOf(seen, capacity);
      Arrays.fill(values, old, capacity, identity);
    }
  }

  @Override
  public void aggregate(Batch batch, int group) {
    final int block = batch.block();
    final boolean[] nulls = input.nulls(block);
    final boolean dense = batch.dense();
    final int nonNull = dense ? kernels.countNonNull(nulls, batch.from(), batch.to())
        : kernels.countNonNull(nulls, batch.selection(), batch.size());
    if (nonNull == 0) {
      return;
    }
    switch (operation) {
      case SUM -> {
        final float[] column = input.floats(block);
        values[group] = dense ? kernels.sumFloat(values[group], column, batch.from(), batch.to())
            : kernels.sumFloat(values[group], column, batch.selection(), batch.size());
      }
      case MIN -> {
        final double[] column = input.doubles(block);
        final double partial = dense ? kernels.minDouble(column, nulls, batch.from(), batch.to())
            : kernels.minDouble(column, nulls, batch.selection(), batch.size());
        values[group] = Math.min(values[group], (float) partial);
      }
      case MAX -> {
        final double[] column = input.doubles(block);
        final double partial = dense ? kernels.maxDouble(column, nulls, batch.from(), batch.to())
            : kernels.maxDouble(column, nulls, batch.selection(), batch.size());
        values[group] = Math.max(values[group], (float) partial);
      }
    }
    seen[group] = true;
  }

  @Override
  public void aggregate(Batch batch, int[] groups) {
    batch.materialize();
    final int block = batch.block();
    final float[] column = input.floats(block);
    final boolean[] nulls = input.nulls(block);
    final int[] selection = batch.selection();
    final int size = batch.size();
    final float[] state = values;
    final boolean[] flags = seen;
    switch (operation) {
      case SUM -> {
        for (int i = 0; i < size; i++) {
          final int position = selection[i];
          if (nulls == null || !nulls[position]) {
            final int group = groups[i];
            state[group] += column[position];
            flags[group] = true;
          }
        }
      }
      case MIN -> {
        for (int i = 0; i < size; i++) {
          final int position = selection[i];
          if (nulls == null || !nulls[position]) {
            final int group = groups[i];
            state[group] = Math.min(state[group], column[position]);
            flags[group] = true;
          }
        }
      }
      case MAX -> {
        for (int i = 0; i < size; i++) {
          final int position = selection[i];
          if (nulls == null || !nulls[position]) {
            final int group = groups[i];
            state[group] = Math.max(state[group], column[position]);
            flags[group] = true;
          }
        }
      }
    }
  }

  @Override
  public Object get(int group) {
    return seen[group] ? Float.valueOf(values[group]) : null;
  }

  @Override
  public void reset(int groups) {
    final int count = Math.min(groups, values.length);
    Arrays.fill(values, 0, count, identity);
    Arrays.fill(seen, 0, count, false);
  }
}
