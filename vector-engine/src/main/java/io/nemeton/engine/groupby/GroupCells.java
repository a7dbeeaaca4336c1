package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.GroupAggregator;
import io.nemeton.engine.aggregation.PrimitiveAggregation;
import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.List;

/**
 * The per-group state of a grouped scan of one segment: counts, sums, mins and maxes of numbers
 * live in the cells of one {@link AccumulatorTable} and are updated by the grouped kernels, one
 * pass per aggregator per batch; other aggregators (sketches, first/last, filtered, means) keep
 * their own {@link GroupAggregator}. Slot 0 counts each group's rows (shared with every {@code
 * count} aggregator), so a group with 0 there was never seen; a nullable input gets a second slot
 * counting its non-null rows, so a group with only null values answers null. When row counts are
 * all the cells hold (count-only queries), they live in an {@code int[]} instead: half the bytes,
 * which is what a count over a million groups is bound by (the grouped kernels' README figures);
 * a segment's rows fit an int.
 *
 * <p>Not thread-safe: one per scan. Allocates when groups are added (doubling), never per batch on
 * the cell path. Cells are bounded by {@code maxBytes}; past it, a {@code RESOURCE_LIMIT_EXCEEDED}
 * {@link QueryException} naming the limit.
 */
final class GroupCells {
  /** The row-count slot. */
  static final int ROWS_SLOT = 0;

  private final PrimitiveAggregation[] primitives;
  private final NumericBlocks[] inputs;
  private final int[] valueSlots;
  private final int[] nonNullSlots;
  private final GroupAggregator[] generic;
  /** Aggregations left out of this scan ({@link #GroupCells(SegmentScan, List, int, long, int)}). */
  private final boolean[] deferred;
  private final AccumulatorTable table;
  private int[] counts;
  private final long maxBytes;
  private int capacity;

  GroupCells(SegmentScan scan, List<Aggregation> aggregations, int initialGroups, long maxBytes) {
    this(scan, aggregations, initialGroups, maxBytes, -1);
  }

  /**
   * Cells of aggregation {@code only} alone (and the row counts), when {@code only >= 0}: the
   * others are deferred, computed later for the few groups a limit keeps ({@link
   * DictionaryGroups}); every aggregation must then be a primitive one. Asking a deferred
   * aggregation's value is a programming error.
   */
  GroupCells(SegmentScan scan, List<Aggregation> aggregations, int initialGroups, long maxBytes, int only) {
    final int count = aggregations.size();
    this.deferred = new boolean[count];
    this.primitives = new PrimitiveAggregation[count];
    this.inputs = new NumericBlocks[count];
    this.valueSlots = new int[count];
    this.nonNullSlots = new int[count];
    this.generic = new GroupAggregator[count];
    this.maxBytes = maxBytes;
    final AccumulatorKind[] kinds = new AccumulatorKind[1 + 2 * count];
    kinds[ROWS_SLOT] = AccumulatorKind.COUNT;
    int slots = 1;
    for (int a = 0; a < count; a++) {
      final Aggregation aggregation = aggregations.get(a);
      final PrimitiveAggregation primitive = aggregation.primitive();
      nonNullSlots[a] = -1;
      if (primitive == null) {
        generic[a] = aggregation.newGroupAggregator(scan.columns(), scan.planner(), scan.kernels());
        continue;
      }
      primitives[a] = primitive;
      if (only >= 0 && a != only) {
        deferred[a] = true;
        valueSlots[a] = -1;
        continue;
      }
      if (primitive.type() == PrimitiveAggregation.Type.COUNT) {
        valueSlots[a] = ROWS_SLOT;
        continue;
      }
      inputs[a] = primitive.input(scan.columns());
      valueSlots[a] = slots;
      kinds[slots++] = kind(primitive);
      if (inputs[a].mayHaveNulls()) {
        nonNullSlots[a] = slots;
        kinds[slots++] = AccumulatorKind.COUNT;
      }
    }
    final AccumulatorKind[] used = java.util.Arrays.copyOf(kinds, slots);
    this.table = slots == 1 ? null : withLimit(() -> new AccumulatorTable(used, 0, maxBytes));
    this.counts = slots == 1 ? new int[0] : null;
    ensureCapacity(initialGroups);
  }

  private static AccumulatorKind kind(PrimitiveAggregation primitive) {
    final boolean isLong = primitive.type() == PrimitiveAggregation.Type.LONG;
    return switch (primitive.operation()) {
      case SUM -> isLong ? AccumulatorKind.LONG_SUM : AccumulatorKind.DOUBLE_SUM;
      case MIN -> isLong ? AccumulatorKind.LONG_MIN : AccumulatorKind.DOUBLE_MIN;
      case MAX -> isLong ? AccumulatorKind.LONG_MAX : AccumulatorKind.DOUBLE_MAX;
    };
  }

  private <T> T withLimit(java.util.function.Supplier<T> allocation) {
    try {
      return allocation.get();
    } catch (GroupByResourceLimitExceededException e) {
      throw resourceError(e, maxBytes);
    }
  }

  /** The query error of a group-by structure past {@code maxGroupByBytes}. */
  static QueryException resourceError(GroupByResourceLimitExceededException e, long maxBytes) {
    return new QueryException(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, "groupBy needs more memory than "
        + "maxGroupByBytes=" + maxBytes + " for its groups: " + e.getMessage() + "; narrow the query (filter, "
        + "coarser granularity, fewer dimensions) or raise the engine's maxGroupByBytes");
  }

  /** Makes room for groups {@code [0, groups)}; new groups start empty. */
  void ensureCapacity(int groups) {
    if (groups <= capacity) {
      return;
    }
    final int target = (int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) groups, 2L * capacity));
    if (table == null) {
      final long bytes = (long) Integer.BYTES * ((long) target + capacity);
      if (bytes > maxBytes) {
        throw new QueryException(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, "groupBy needs more memory than "
            + "maxGroupByBytes=" + maxBytes + " for its groups: row counts of groups=" + target + " need " + bytes
            + " bytes (old and new counts while copying); narrow the query (filter, coarser granularity, fewer "
            + "dimensions) or raise the engine's maxGroupByBytes");
      }
      counts = java.util.Arrays.copyOf(counts, target);
    } else {
      withLimit(() -> {
        table.ensureCapacity(target);
        return null;
      });
    }
    for (GroupAggregator aggregator : generic) {
      if (aggregator != null) {
        aggregator.ensureCapacity(target);
      }
    }
    capacity = target;
  }

  /** Empties every group, keeping the memory. */
  void reset() {
    if (table == null) {
      java.util.Arrays.fill(counts, 0);
    } else {
      table.reset();
    }
    for (GroupAggregator aggregator : generic) {
      if (aggregator != null) {
        aggregator.reset(capacity);
      }
    }
  }

  /** Whether every aggregator lives in cells (then the cells alone are the groups' state). */
  boolean cellsOnly() {
    for (GroupAggregator aggregator : generic) {
      if (aggregator != null) {
        return false;
      }
    }
    return true;
  }

  /** Cell {@code slot} of {@code group} as a long (double slots hold raw bits). */
  long cell(int group, int slot) {
    return table == null ? counts[group] : table.longValue(group, slot);
  }

  int valueSlot(int aggregation) {
    return valueSlots[aggregation];
  }

  int nonNullSlot(int aggregation) {
    return nonNullSlots[aggregation];
  }

  PrimitiveAggregation primitive(int aggregation) {
    return primitives[aggregation];
  }

  /**
   * Adds the {@code k}-th position of a sparse {@code batch} (positions may repeat) to group
   * {@code groupIds[k]}; groups are below the capacity.
   */
  void aggregate(Batch batch, int[] groupIds) {
    final int size = batch.size();
    if (size == 0) {
      return;
    }
    if (table == null) {
      GroupedCountKernels.count(counts, groupIds, size);
      for (GroupAggregator aggregator : generic) {
        if (aggregator != null) {
          aggregator.aggregate(batch, groupIds);
        }
      }
      return;
    }
    final int block = batch.block();
    final int[] selection = batch.selection();
    final long[] cells = table.cells();
    final int stride = table.stride();
    GroupedCountKernels.count(cells, stride, ROWS_SLOT, groupIds, size);
    for (int a = 0; a < primitives.length; a++) {
      final PrimitiveAggregation primitive = primitives[a];
      if (primitive == null) {
        generic[a].aggregate(batch, groupIds);
        continue;
      }
      if (primitive.type() == PrimitiveAggregation.Type.COUNT || deferred[a]) {
        continue;
      }
      final NumericBlocks input = inputs[a];
      final boolean[] nulls = input.nulls(block);
      final int slot = valueSlots[a];
      final Operation operation = primitive.operation();
      switch (primitive.type()) {
        case LONG -> {
          final long[] values = input.longs(block);
          if (nulls == null) {
            switch (operation) {
              case SUM -> GroupedLongKernels.sum(cells, stride, slot, groupIds, values, selection, size);
              case MIN -> GroupedLongKernels.min(cells, stride, slot, groupIds, values, selection, size);
              case MAX -> GroupedLongKernels.max(cells, stride, slot, groupIds, values, selection, size);
            }
          } else {
            switch (operation) {
              case SUM -> GroupedLongKernels.sum(cells, stride, slot, groupIds, values, selection, nulls, size);
              case MIN -> GroupedLongKernels.min(cells, stride, slot, groupIds, values, selection, nulls, size);
              case MAX -> GroupedLongKernels.max(cells, stride, slot, groupIds, values, selection, nulls, size);
            }
          }
        }
        case DOUBLE -> {
          final double[] values = input.doubles(block);
          if (nulls == null) {
            switch (operation) {
              case SUM -> GroupedDoubleKernels.sum(cells, stride, slot, groupIds, values, selection, size);
              case MIN -> GroupedDoubleKernels.min(cells, stride, slot, groupIds, values, selection, size);
              case MAX -> GroupedDoubleKernels.max(cells, stride, slot, groupIds, values, selection, size);
            }
          } else {
            switch (operation) {
              case SUM -> GroupedDoubleKernels.sum(cells, stride, slot, groupIds, values, selection, nulls, size);
              case MIN -> GroupedDoubleKernels.min(cells, stride, slot, groupIds, values, selection, nulls, size);
              case MAX -> GroupedDoubleKernels.max(cells, stride, slot, groupIds, values, selection, nulls, size);
            }
          }
        }
        default -> {
          final float[] values = input.floats(block);
          if (nulls == null) {
            switch (operation) {
              case SUM -> GroupedFloatKernels.sum(cells, stride, slot, groupIds, values, selection, size);
              case MIN -> GroupedFloatKernels.min(cells, stride, slot, groupIds, values, selection, size);
              case MAX -> GroupedFloatKernels.max(cells, stride, slot, groupIds, values, selection, size);
            }
          } else {
            switch (operation) {
              case SUM -> GroupedFloatKernels.sum(cells, stride, slot, groupIds, values, selection, nulls, size);
              case MIN -> GroupedFloatKernels.min(cells, stride, slot, groupIds, values, selection, nulls, size);
              case MAX -> GroupedFloatKernels.max(cells, stride, slot, groupIds, values, selection, nulls, size);
            }
          }
        }
      }
      final int nonNullSlot = nonNullSlots[a];
      if (nonNullSlot >= 0) {
        if (nulls == null) {
          GroupedCountKernels.count(cells, stride, nonNullSlot, groupIds, size);
        } else {
          GroupedCountKernels.countNonNull(cells, stride, nonNullSlot, groupIds, selection, nulls, size);
        }
      }
    }
  }

  /** Rows group {@code group} saw. */
  long rows(int group) {
    return table == null ? counts[group] : table.longValue(group, ROWS_SLOT);
  }

  /** Whether some aggregation was left out of this scan. */
  boolean hasDeferred() {
    for (boolean left : deferred) {
      if (left) {
        return true;
      }
    }
    return false;
  }

  /** The intermediate value of aggregation {@code a} for a group that saw rows. */
  Object value(int group, int a) {
    if (deferred[a]) {
      throw new IllegalStateException("aggregation " + a + " was deferred; its cells were not computed");
    }
    final PrimitiveAggregation primitive = primitives[a];
    if (primitive == null) {
      return generic[a].get(group);
    }
    final int nonNullSlot = nonNullSlots[a];
    if (nonNullSlot >= 0 && table.longValue(group, nonNullSlot) == 0) {
      return null;
    }
    return primitive.intermediate(cell(group, valueSlots[a]));
  }
}
