package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;

/**
 * The execution side of one query aggregator: makes the per-segment {@link GroupAggregator},
 * merges intermediate values from several segments (the one merge path shared with the broker),
 * and finalizes them for the answer (sketches become estimates, first/last pairs become values).
 * Intermediate values are plain objects: Long, Double, Float, null, {@link TimedValue}, {@link
 * MeanState} or a DataSketches sketch.
 *
 * <p>Immutable and thread-safe; {@link #combine} may return one of its arguments or a new object
 * and never changes its arguments.
 */
public interface Aggregation {

  /** The output name. */
  String name();

  /** A new group aggregator reading the segment's columns through {@code columns}. */
  GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels);

  /**
   * The primitive form of this aggregation, when grouped scans may keep it in accumulator cells
   * (counts, numeric sums, mins and maxes); null when it needs its own {@link GroupAggregator}.
   */
  default PrimitiveAggregation primitive() {
    return null;
  }

  /** Merges two intermediate values; either may be the empty value. */
  Object combine(Object left, Object right);

  /** The intermediate value of no rows. */
  Object empty();

  /** The value as answered when results are finalized. */
  Object finalizeValue(Object intermediate);

  /**
   * Compares two intermediate values for ordering results (topN metrics, limit specs, having):
   * by their finalized numbers, nulls first.
   */
  default int compare(Object left, Object right) {
    return Values.compareNumbers(finalizeValue(left), finalizeValue(right));
  }
}
