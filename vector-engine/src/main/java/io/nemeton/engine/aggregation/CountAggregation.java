package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import java.util.Arrays;

/** {@code count}: rows per group, 0 (never null) for none. Immutable. */
final class CountAggregation implements Aggregation {
  private final String name;

  CountAggregation(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels) {
    return new Counts();
  }

  @Override
  public PrimitiveAggregation primitive() {
    return new PrimitiveAggregation(PrimitiveAggregation.Type.COUNT, null, null, null);
  }

  @Override
  public Object combine(Object left, Object right) {
    return (Long) left + (Long) right;
  }

  @Override
  public Object empty() {
    return 0L;
  }

  @Override
  public Object finalizeValue(Object intermediate) {
    return intermediate;
  }

  /** Dense counts by group. Not thread-safe. */
  private static final class Counts implements GroupAggregator {
    private long[] counts = new long[1];

    @Override
    public void ensureCapacity(int groups) {
      if (groups > counts.length) {
        counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
      }
    }

    @Override
    public void aggregate(Batch batch, int group) {
      counts[group] += batch.size();
    }

    @Override
    public void aggregate(Batch batch, int[] groups) {
      final long[] state = counts;
      final int size = batch.size();
      for (int i = 0; i < size; i++) {
        state[groups[i]]++;
      }
    }

    @Override
    public Object get(int group) {
      return counts[group];
    }

    @Override
    public void reset(int groups) {
      Arrays.fill(counts, 0, Math.min(groups, counts.length), 0L);
    }
  }
}
