package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;

/**
 * The running state of one aggregator for a set of groups during a scan of one segment, held in
 * dense arrays indexed by group number: one group per timeseries bucket, per dimension value for
 * topN, per key for groupBy. Rows arrive a batch at a time, all into one group or each into its
 * own group.
 *
 * <p>Not thread-safe: one per scanning thread. Allocates when groups are added (arrays grow by
 * doubling) and for {@link #get}, never per row on the numeric paths.
 */
public interface GroupAggregator {

  /** Makes room for groups {@code [0, groups)}; new groups start empty. */
  void ensureCapacity(int groups);

  /** Adds every selected row of {@code batch} to group {@code group}. */
  void aggregate(Batch batch, int group);

  /** Adds the {@code k}-th selected row of {@code batch} to group {@code groups[k]}. */
  void aggregate(Batch batch, int[] groups);

  /** The intermediate value of a group: what partial results carry and {@link Aggregation#combine} merges. */
  Object get(int group);

  /** Empties groups {@code [0, groups)} for reuse. */
  void reset(int groups);
}
