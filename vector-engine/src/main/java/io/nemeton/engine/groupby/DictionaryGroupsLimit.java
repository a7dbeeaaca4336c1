package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.PrimitiveAggregation;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.query.limit.SortDirection;
import io.nemeton.engine.storage.StringColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A limit spec ordering by one cell aggregator, answered straight from the {@link DictionaryGroups}
 * of one dimension: a k-way merge walks the segments' sorted dictionaries (equal values meet, so
 * each value's cells combine once, in segment order), feeds each merged group's metric to a
 * bounded top-K ({@link LongTopK} or {@link DoubleTopK}), and only the kept groups become map
 * entries. Values are compared as UTF-8 bytes straight from the segments' mappings ({@link
 * StringColumn#valueBytes}), never decoded, except the kept ones. Ties go to the smaller merge
 * position, which is dictionary order; that equals Druid's lexicographic (code point) order, and
 * byte order, unless a value holds a character at or above U+D000 (UTF-8 lead byte ED and up,
 * where UTF-16 and code point orders can part), so such values make {@link #top} decline and the
 * general path answer.
 *
 * <p>Stateless; allocates per call (the merge positions of every group and the kept entries).
 */
final class DictionaryGroupsLimit {
  /** Larger limits go through the general path (top-K arrays are sized by the limit). */
  static final int MAX_KEEP = 1 << 16;

  private DictionaryGroupsLimit() {
  }

  /**
   * The first {@code keep} groups by aggregation {@code metric} in {@code direction}, ties by value
   * ascending, in that order; null when this path does not apply (the caller then builds the map).
   */
  static List<Map.Entry<GroupByEngineKey, Object[]>> top(List<DictionaryGroups> parts,
      List<Aggregation> aggregations, int metric, SortDirection direction, int keep) {
    final DictionaryGroups first = parts.get(0);
    final PrimitiveAggregation primitive = first.cells().primitive(metric);
    if (primitive == null || keep < 1 || keep > MAX_KEEP) {
      return null;
    }
    for (DictionaryGroups part : parts) {
      if (part.dimensionCount() != 1 || part.timeMs() != first.timeMs()) {
        return null;
      }
    }
    final TopKOrder order = direction == SortDirection.DESCENDING ? TopKOrder.LARGEST : TopKOrder.SMALLEST;
    final boolean isLong = primitive.type() == PrimitiveAggregation.Type.COUNT
        || primitive.type() == PrimitiveAggregation.Type.LONG;
    final boolean roundToFloat = primitive.type() == PrimitiveAggregation.Type.FLOAT
        && primitive.operation() == Operation.SUM;
    final LongTopK longs = isLong ? new LongTopK(keep, order) : null;
    final DoubleTopK doubles = isLong ? null : new DoubleTopK(keep, order);
    final int partCount = parts.size();
    final int[] cursor = new int[partCount];
    final MemorySegment[] heads = new MemorySegment[partCount];
    final boolean[] done = new boolean[partCount];
    for (int p = 0; p < partCount; p++) {
      cursor[p] = -1;
      if (advance(parts.get(p), cursor, heads, done, p)) {
        return null;
      }
    }
    // merge position -> id in each part (-1: absent), to rebuild the kept groups at the end
    int[] idsBySequence = new int[1024 * partCount];
    int sequence = 0;
    while (true) {
      int smallest = -1;
      for (int p = 0; p < partCount; p++) {
        if (!done[p] && (smallest < 0 || compare(heads[p], heads[smallest]) < 0)) {
          smallest = p;
        }
      }
      if (smallest < 0) {
        break;
      }
      if ((sequence + 1) * partCount > idsBySequence.length) {
        idsBySequence = java.util.Arrays.copyOf(idsBySequence, idsBySequence.length * 2);
      }
      final MemorySegment value = heads[smallest];
      boolean seen = false;
      long longMetric = 0;
      double doubleMetric = 0;
      for (int p = 0; p < partCount; p++) {
        if (done[p] || compare(heads[p], value) != 0) {
          idsBySequence[sequence * partCount + p] = -1;
          continue;
        }
        final int id = cursor[p];
        idsBySequence[sequence * partCount + p] = id;
        final GroupCells cells = parts.get(p).cells();
        final int nonNullSlot = cells.nonNullSlot(metric);
        if (nonNullSlot < 0 || cells.cell(id, nonNullSlot) != 0) {
          final long cell = cells.cell(id, cells.valueSlot(metric));
          if (isLong) {
            longMetric = seen ? combine(primitive.operation(), longMetric, cell) : cell;
          } else {
            final double number = Double.longBitsToDouble(cell);
            doubleMetric = seen ? combine(primitive.operation(), doubleMetric, number) : number;
          }
          seen = true;
        }
        if (advance(parts.get(p), cursor, heads, done, p)) {
          return null;
        }
      }
      if (isLong) {
        if (seen) {
          longs.offer(sequence, longMetric);
        } else {
          longs.offerNull(sequence);
        }
      } else if (seen) {
        doubles.offer(sequence, roundToFloat ? (double) (float) doubleMetric : doubleMetric);
      } else {
        doubles.offerNull(sequence);
      }
      sequence++;
    }
    final int[] kept = new int[keep];
    final boolean[] nulls = new boolean[keep];
    final int count = isLong ? longs.drain(kept, new long[keep], nulls) : doubles.drain(kept, new double[keep], nulls);
    final List<Map.Entry<GroupByEngineKey, Object[]>> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Object[] values = null;
      String value = null;
      for (int p = 0; p < partCount; p++) {
        final int id = idsBySequence[kept[i] * partCount + p];
        if (id < 0) {
          continue;
        }
        final DictionaryGroups part = parts.get(p);
        final Object[] partValues = part.values(id, aggregations.size());
        if (values == null) {
          values = partValues;
          value = part.column().value(id);
        } else {
          for (int a = 0; a < values.length; a++) {
            values[a] = aggregations.get(a).combine(values[a], partValues[a]);
          }
        }
      }
      entries.add(new AbstractMap.SimpleImmutableEntry<>(
          new GroupByEngineKey(first.timeMs(), Collections.singletonList(value)), values));
    }
    return entries;
  }

  /**
   * Moves part {@code p} to its next seen group and its value's bytes; marks it done at the end.
   * Returns true when the value has a byte at or above 0xED (a character at or above U+D000),
   * where dictionary order and code point order may differ.
   */
  private static boolean advance(DictionaryGroups part, int[] cursor, MemorySegment[] heads, boolean[] done,
      int p) {
    final int bound = part.keyBound();
    int id = cursor[p] + 1;
    while (id < bound && part.rows(id) == 0) {
      id++;
    }
    cursor[p] = id;
    if (id >= bound) {
      done[p] = true;
      heads[p] = null;
      return false;
    }
    final StringColumn column = part.column();
    final MemorySegment value = column.valueBytes(id);
    heads[p] = value;
    if (value != null) {
      final long length = value.byteSize();
      for (long i = 0; i < length; i++) {
        if ((value.get(ValueLayout.JAVA_BYTE, i) & 0xFF) >= 0xED) {
          return true;
        }
      }
    }
    return false;
  }

  /** Unsigned byte order (dictionary order for values below U+D000), null first. */
  private static int compare(MemorySegment left, MemorySegment right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    final long mismatch = left.mismatch(right);
    if (mismatch < 0) {
      return 0;
    }
    if (mismatch == left.byteSize() || mismatch == right.byteSize()) {
      return Long.compare(left.byteSize(), right.byteSize());
    }
    return Integer.compare(left.get(ValueLayout.JAVA_BYTE, mismatch) & 0xFF,
        right.get(ValueLayout.JAVA_BYTE, mismatch) & 0xFF);
  }

  private static long combine(Operation operation, long left, long right) {
    return switch (operation == null ? Operation.SUM : operation) {
      case SUM -> left + right;
      case MIN -> Math.min(left, right);
      case MAX -> Math.max(left, right);
    };
  }

  private static double combine(Operation operation, double left, double right) {
    return switch (operation) {
      case SUM -> left + right;
      case MIN -> Math.min(left, right);
      case MAX -> Math.max(left, right);
    };
  }
}
