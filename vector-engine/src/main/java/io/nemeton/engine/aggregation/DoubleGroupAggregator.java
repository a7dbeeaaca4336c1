package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.kernel.DoubleKernels;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.Arrays;

/**
 * {@code doubleSum}, {@code doubleMin}, {@code doubleMax} (NaN wins min and max, as {@code Math.min/max}): dense double state per group plus a flag for
 * groups that saw a non-null value (the others answer null). A whole batch into one group goes
 * through the query's kernels (scalar or SIMD, the same bits either way); rows into their own groups
 * go through one scalar loop per operation, chosen outside the loop. Not thread-safe.
 */
final class DoubleGroupAggregator implements GroupAggregator {
  private final NumericBlocks input;
  private final Operation operation;
  private final Kernels kernels;
  private final double identity;
  private double[] values = new double[1];
  private boolean[] seen = new boolean[1];

  DoubleGroupAggregator(NumericBlocks input, Operation operation, Kernels kernels) {
    this.input = input;
    this.operation = operation;
    this.kernels = kernels;
    this.identity = switch (operation) {
      case SUM -> 0.0;
      case MIN -> Double.POSITIVE_INFINITY;
      case MAX -> Double.NEGATIVE_INFINITY;
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
    if (batch.dense() && batch.from() != 0) {
      // kernels read batches from position 0; a dense run further in is read through its positions
      batch.materialize();
    }
    final int block = batch.block();
    final double[] column = input.doubles(block);
    final boolean[] nulls = input.nulls(block);
    final DoubleKernels k = kernels.doubles();
    final double partial;
    if (batch.dense()) {
      final int count = batch.to();
      if (nulls != null && kernels.counts().countNonNull(nulls, count) == 0) {
        return;
      }
      partial = switch (operation) {
        case SUM -> nulls == null ? k.sum(column, count) : k.sum(column, nulls, count);
        case MIN -> nulls == null ? k.min(column, count) : k.min(column, nulls, count);
        case MAX -> nulls == null ? k.max(column, count) : k.max(column, nulls, count);
      };
    } else {
      final int[] selection = batch.selection();
      final int count = batch.size();
      if (count == 0 || (nulls != null && kernels.counts().countNonNull(nulls, selection, count) == 0)) {
        return;
      }
      partial = switch (operation) {
        case SUM -> nulls == null ? k.sum(column, selection, count) : k.sum(column, selection, nulls, count);
        case MIN -> nulls == null ? k.min(column, selection, count) : k.min(column, selection, nulls, count);
        case MAX -> nulls == null ? k.max(column, selection, count) : k.max(column, selection, nulls, count);
      };
    }
    values[group] = switch (operation) {
      case SUM -> values[group] + partial;
      case MIN -> Math.min(values[group], partial);
      case MAX -> Math.max(values[group], partial);
    };
    seen[group] = true;
  }

  @Override
  public void aggregate(Batch batch, int[] groups) {
    batch.materialize();
    final int block = batch.block();
    final double[] column = input.doubles(block);
    final boolean[] nulls = input.nulls(block);
    final int[] selection = batch.selection();
    final int size = batch.size();
    final double[] state = values;
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
    return seen[group] ? Double.valueOf(values[group]) : null;
  }

  @Override
  public void reset(int groups) {
    final int count = Math.min(groups, values.length);
    Arrays.fill(values, 0, count, identity);
    Arrays.fill(seen, 0, count, false);
  }
}
