package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.filter.FilterPlan;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.storage.QueryableSegment;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * {@code filtered}: passes to the wrapped aggregator only the rows of each batch that pass its
 * filter, planned once per segment like the query filter. Merging and finalizing are the wrapped
 * aggregator's. Immutable.
 */
final class FilteredAggregation implements Aggregation {
  private final String name;
  private final Filter filter;
  private final Aggregation delegate;

  FilteredAggregation(String name, Filter filter, Aggregation delegate) {
    this.name = name;
    this.filter = filter;
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels) {
    final GroupAggregator inner = delegate.newGroupAggregator(columns, planner, kernels);
    final FilterPlan plan = planner.plan(filter);
    if (plan.matchesAll()) {
      return inner;
    }
    return new Filtered(inner, plan);
  }

  @Override
  public Object combine(Object left, Object right) {
    return delegate.combine(left, right);
  }

  @Override
  public Object empty() {
    return delegate.empty();
  }

  @Override
  public Object finalizeValue(Object intermediate) {
    return delegate.finalizeValue(intermediate);
  }

  @Override
  public int compare(Object left, Object right) {
    return delegate.compare(left, right);
  }

  /** Narrows each batch to the filter's rows. Not thread-safe. */
  private static final class Filtered implements GroupAggregator {
    private final GroupAggregator inner;
    private final ImmutableRoaringBitmap rows;
    private final RowMatcher matcher;
    private final boolean nothing;
    private final Batch narrowed = new Batch();
    private final int[] narrowedGroups = new int[QueryableSegment.ROWS_PER_BLOCK];
    private final int[] sourceIndex = new int[QueryableSegment.ROWS_PER_BLOCK];
    private final int[] unique = new int[QueryableSegment.ROWS_PER_BLOCK];
    private final boolean[] keep = new boolean[QueryableSegment.ROWS_PER_BLOCK];

    Filtered(GroupAggregator inner, FilterPlan plan) {
      this.inner = inner;
      this.rows = plan.rows();
      this.matcher = plan.matcher();
      this.nothing = plan.matchesNothing();
    }

    @Override
    public void ensureCapacity(int groups) {
      inner.ensureCapacity(groups);
    }

    /**
     * Fills {@link #narrowed} with the batch's passing positions, in order; a position listed
     * several times (a multi-value row counted once per value) is tested once. Returns how many.
     */
    private int narrow(Batch batch) {
      if (nothing) {
        return 0;
      }
      final int block = batch.block();
      final int size = batch.size();
      final int blockStart = block * QueryableSegment.ROWS_PER_BLOCK;
      int distinct = 0;
      int previous = -1;
      for (int i = 0; i < size; i++) {
        final int position = batch.position(i);
        if (position != previous && (rows == null || rows.contains(blockStart + position))) {
          unique[distinct++] = position;
        }
        previous = position;
      }
      if (matcher != null && distinct > 0) {
        distinct = matcher.match(block, unique, distinct, unique);
      }
      for (int i = 0; i < distinct; i++) {
        keep[unique[i]] = true;
      }
      final int[] positions = narrowed.selection();
      int kept = 0;
      for (int i = 0; i < size; i++) {
        final int position = batch.position(i);
        if (keep[position]) {
          positions[kept] = position;
          sourceIndex[kept++] = i;
        }
      }
      for (int i = 0; i < distinct; i++) {
        keep[unique[i]] = false;
      }
      narrowed.setSparse(block, kept);
      return kept;
    }

    @Override
    public void aggregate(Batch batch, int group) {
      if (narrow(batch) > 0) {
        inner.aggregate(narrowed, group);
      }
    }

    @Override
    public void aggregate(Batch batch, int[] groups) {
      final int kept = narrow(batch);
      if (kept == 0) {
        return;
      }
      for (int i = 0; i < kept; i++) {
        narrowedGroups[i] = groups[sourceIndex[i]];
      }
      inner.aggregate(narrowed, narrowedGroups);
    }

    @Override
    public Object get(int group) {
      return inner.get(group);
    }

    @Override
    public void reset(int groups) {
      inner.reset(groups);
    }
  }
}
