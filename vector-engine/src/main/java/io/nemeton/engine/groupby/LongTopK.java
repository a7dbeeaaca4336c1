package io.nemeton.engine.groupby;

/**
 * Top-K selection over groups by a long metric: keeps the K groups with the largest (or smallest)
 * metric in a bounded heap, for topN and for group-by with {@code orderBy ... limit} (e.g. {@code
 * group by dim_high order by count asc limit 100} over a million groups: one pass over the counts,
 * O(N log K) at worst, and in practice one comparison per group once the heap is full).
 *
 * <p>Nulls (SQL null metrics, e.g. a sum over only null rows) order below every value: last for
 * {@link TopKOrder#LARGEST}, first for {@link TopKOrder#SMALLEST}; among themselves by group id.
 * Ties between equal metrics go to the smaller group id, which for dictionary-id groups of a sorted
 * dictionary is the smaller dimension value.
 *
 * <p>Not thread-safe: one per query thread, reused after {@link #drain}. Allocates only in its
 * constructor.
 */
public final class LongTopK {
  private final int limit;
  private final TopKOrder order;
  private final long flip;
  private final TopKHeap values;
  private final TopKHeap nulls;
  private final long[] valueKeys;
  private final int[] valueGroups;
  private final long[] nullKeys;
  private final int[] nullGroups;

  /**
   * Keeps at most {@code limit} groups.
   *
   * @throws IllegalArgumentException when limit is negative
   */
  public LongTopK(int limit, TopKOrder order) {
    if (limit < 0) {
      throw new IllegalArgumentException("top-K limit=" + limit + " must be >= 0");
    }
    this.limit = limit;
    this.order = order;
    // Flipping every bit reverses the order of longs, so SMALLEST keeps the largest flipped keys.
    this.flip = order == TopKOrder.SMALLEST ? -1L : 0L;
    this.values = new TopKHeap(limit);
    this.nulls = new TopKHeap(limit);
    this.valueKeys = new long[limit];
    this.valueGroups = new int[limit];
    this.nullKeys = new long[limit];
    this.nullGroups = new int[limit];
  }

  public int limit() {
    return limit;
  }

  public TopKOrder order() {
    return order;
  }

  /** Offers one group with a non-null metric; true when it was kept for now (a later one may push it out). */
  public boolean offer(int group, long metric) {
    return values.offer(metric ^ flip, group);
  }

  /** Offers one group whose metric is null; true when it was kept for now. */
  public boolean offerNull(int group) {
    return nulls.offer(0, group);
  }

  /** Offers groups {@code [0, groupCount)} with metric {@code metrics[group]}, none null. */
  public void offerAll(long[] metrics, int groupCount) {
    final TopKHeap heap = values;
    final long flip = this.flip;
    for (int group = 0; group < groupCount; group++) {
      heap.offer(metrics[group] ^ flip, group);
    }
  }

  /**
   * Offers groups {@code [0, groupCount)} of an {@link AccumulatorTable}'s cells, the metric in
   * {@code metricSlot}. Groups whose {@code presenceSlot} cell is 0 (never seen, e.g.
   * dictionary ids absent from the filtered rows) are skipped; groups whose {@code nonNullSlot}
   * cell is 0 are offered as null. Pass -1 for a slot that does not apply.
   */
  public void offerGroups(
      long[] cells, int stride, int metricSlot, int presenceSlot, int nonNullSlot, int groupCount) {
    final TopKHeap heap = values;
    final long flip = this.flip;
    if (presenceSlot < 0 && nonNullSlot < 0) {
      for (int group = 0; group < groupCount; group++) {
        heap.offer(cells[group * stride + metricSlot] ^ flip, group);
      }
      return;
    }
    for (int group = 0; group < groupCount; group++) {
      final int base = group * stride;
      if (presenceSlot >= 0 && cells[base + presenceSlot] == 0) {
        continue;
      }
      if (nonNullSlot >= 0 && cells[base + nonNullSlot] == 0) {
        nulls.offer(0, group);
      } else {
        heap.offer(cells[base + metricSlot] ^ flip, group);
      }
    }
  }

  /**
   * Offers groups {@code [0, groupCount)} by their row count {@code counts[group]}, skipping
   * groups with none (absent from the rows), as filled by {@link GroupedCountKernels#count(int[],
   * int[], int)}.
   */
  public void offerCounts(int[] counts, int groupCount) {
    final TopKHeap heap = values;
    final long flip = this.flip;
    for (int group = 0; group < groupCount; group++) {
      final int count = counts[group];
      if (count != 0) {
        heap.offer(count ^ flip, group);
      }
    }
  }

  /** Groups that {@link #drain} would write now. */
  public int size() {
    return Math.min(limit, values.size() + nulls.size());
  }

  /**
   * Writes the kept groups best first to {@code groupsOut}, their metrics to {@code metricsOut}
   * and their null flags to {@code nullsOut}, then empties this top-K for reuse. Each array needs
   * room for {@link #size()} entries; {@code nullsOut} may be null when no null was offered.
   *
   * @return the number of groups written, {@link #size()}
   * @throws IllegalArgumentException when nullsOut is null but a null group is to be written
   */
  public int drain(int[] groupsOut, long[] metricsOut, boolean[] nullsOut) {
    final int total = size();
    final int valueCount = values.drainBestFirst(valueKeys, valueGroups, 0);
    final int nullCount = nulls.drainBestFirst(nullKeys, nullGroups, 0);
    final int nullsTaken =
        order == TopKOrder.SMALLEST
            ? Math.min(nullCount, total)
            : total - Math.min(valueCount, total);
    if (nullsTaken > 0 && nullsOut == null) {
      throw new IllegalArgumentException(
          "top-K has " + nullsTaken + " null groups to write but nullsOut is null");
    }
    final int valuesTaken = total - nullsTaken;
    final int valuesFrom = order == TopKOrder.SMALLEST ? nullsTaken : 0;
    final int nullsFrom = order == TopKOrder.SMALLEST ? 0 : valuesTaken;
    for (int i = 0; i < valuesTaken; i++) {
      groupsOut[valuesFrom + i] = valueGroups[i];
      metricsOut[valuesFrom + i] = valueKeys[i] ^ flip;
      if (nullsOut != null) {
        nullsOut[valuesFrom + i] = false;
      }
    }
    for (int i = 0; i < nullsTaken; i++) {
      groupsOut[nullsFrom + i] = nullGroups[i];
      metricsOut[nullsFrom + i] = 0;
      nullsOut[nullsFrom + i] = true;
    }
    return total;
  }
}
