package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.storage.StringColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The groups of one segment (one time bucket) grouped by string dimensions without extraction, kept
 * as the scan left them: the cells of group {@code key} hold the rows whose dictionary ids packed
 * to {@code key} (mixed radix, first dimension least significant), and a group with no rows was
 * never seen. Nothing is decoded until asked: {@link #addTo} builds map entries, and a merge can
 * walk the sorted dictionary of a single dimension directly ({@link #column}, {@link #rows}).
 *
 * <p>Owned by one thread. Valid while its segment is open.
 */
final class DictionaryGroups {
  private final long timeMs;
  private final GroupByEngineDimension[] dimensions;
  private final GroupByEngineKeyCodec codec;
  private GroupCells cells;
  private final int keyBound;
  /** Non-null while the cells hold only the ranking aggregation (and row counts). */
  private LateAggregation late;

  DictionaryGroups(long timeMs, GroupByEngineDimension[] dimensions, GroupByEngineKeyCodec codec, GroupCells cells,
      int keyBound) {
    this(timeMs, dimensions, codec, cells, keyBound, null);
  }

  /**
   * Groups whose cells may hold only the aggregation a limit ranks by (and row counts); {@code
   * late} then computes the others on demand.
   */
  DictionaryGroups(long timeMs, GroupByEngineDimension[] dimensions, GroupByEngineKeyCodec codec, GroupCells cells,
      int keyBound, LateAggregation late) {
    this.timeMs = timeMs;
    this.dimensions = dimensions;
    this.codec = codec;
    this.cells = cells;
    this.keyBound = keyBound;
    this.late = late;
  }

  long timeMs() {
    return timeMs;
  }

  int dimensionCount() {
    return dimensions.length;
  }

  /** The dictionary of a single-dimension part, its ids being the group keys. */
  StringColumn column() {
    return dimensions[0].column();
  }

  /** Keys are below this bound. */
  int keyBound() {
    return keyBound;
  }

  /**
   * The cells. While aggregations are deferred only the ranking one (and the row counts) can be
   * read here; {@link #values}, {@link #valuesOf} and {@link #addTo} compute the others.
   */
  GroupCells cells() {
    return cells;
  }

  /** Computes deferred aggregations for every group (scans the segment again); once. */
  private void complete() {
    if (late != null) {
      cells = late.rescan().cells;
      late = null;
    }
  }

  /**
   * The intermediate values of the seen groups {@code keys[0, count)}, in that order; deferred
   * aggregations are computed for these groups alone (single dimension).
   */
  Object[][] valuesOf(int[] keys, int count, int aggregationCount) {
    final Object[][] values = new Object[count][];
    if (count == 0) {
      return values;
    }
    if (late == null) {
      for (int i = 0; i < count; i++) {
        values[i] = values(keys[i], aggregationCount);
      }
      return values;
    }
    final GroupCells kept = late.cellsOf(column(), keys, count);
    for (int i = 0; i < count; i++) {
      final Object[] groupValues = new Object[aggregationCount];
      for (int a = 0; a < aggregationCount; a++) {
        groupValues[a] = kept.value(i, a);
      }
      values[i] = groupValues;
    }
    return values;
  }

  /** Rows of group {@code key}; 0 for a group never seen. */
  long rows(int key) {
    return cells.rows(key);
  }

  /** The intermediate values of a seen group. */
  Object[] values(int key, int aggregationCount) {
    complete();
    final Object[] values = new Object[aggregationCount];
    for (int a = 0; a < aggregationCount; a++) {
      values[a] = cells.value(key, a);
    }
    return values;
  }

  /** Adds every seen group to {@code groups}, combining with equal keys already there. */
  void addTo(Map<GroupByEngineKey, Object[]> groups, List<Aggregation> aggregations) {
    complete();
    final int[] codes = new int[dimensions.length];
    for (int key = 0; key < keyBound; key++) {
      if (cells.rows(key) == 0) {
        continue;
      }
      codec.decode(key, codes);
      final List<Object> values;
      if (dimensions.length == 1) {
        values = Collections.singletonList(dimensions[0].value(codes[0]));
      } else {
        values = new ArrayList<>(dimensions.length);
        for (int d = 0; d < dimensions.length; d++) {
          values.add(dimensions[d].value(codes[d]));
        }
      }
      GroupByEngine.put(groups, aggregations, new GroupByEngineKey(timeMs, values),
          values(key, aggregations.size()));
    }
  }
}
