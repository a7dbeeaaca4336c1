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
import java.util.LinkedHashMap;
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
    final DictionaryGroups[] partArray = parts.toArray(new DictionaryGroups[0]);
    final GroupCells[] cellsOf = new GroupCells[partCount];
    final int[] nonNullSlots = new int[partCount];
    final int[] valueSlots = new int[partCount];
    final int[] cursor = new int[partCount];
    final MemorySegment[] heads = new MemorySegment[partCount];
    final boolean[] done = new boolean[partCount];
    long bound = 0;
    for (int p = 0; p < partCount; p++) {
      cellsOf[p] = partArray[p].cells();
      nonNullSlots[p] = cellsOf[p].nonNullSlot(metric);
      valueSlots[p] = cellsOf[p].valueSlot(metric);
      bound = Math.max(bound, partArray[p].keyBound());
      cursor[p] = -1;
      if (advance(partArray[p], cursor, heads, done, p)) {
        return null;
      }
    }
    final Operation operation = primitive.operation();
    // merge position -> id in each part (-1: absent), to rebuild the kept groups at the end
    int[] idsBySequence = new int[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, bound + 1) * partCount)];
    final boolean[] equal = new boolean[partCount];
    int sequence = 0;
    while (true) {
      // one comparison per part: the smallest head, and which heads equal it
      int smallest = -1;
      for (int p = 0; p < partCount; p++) {
        if (done[p]) {
          equal[p] = false;
          continue;
        }
        final int byValue = smallest < 0 ? -1 : compare(heads[p], heads[smallest]);
        if (byValue < 0) {
          for (int q = 0; q < p; q++) {
            equal[q] = false;
          }
          smallest = p;
        }
        equal[p] = byValue <= 0;
      }
      if (smallest < 0) {
        break;
      }
      if ((long) (sequence + 1) * partCount > idsBySequence.length) {
        idsBySequence = java.util.Arrays.copyOf(idsBySequence,
            (int) Math.min(Integer.MAX_VALUE - 16, 2L * idsBySequence.length));
      }
      boolean seen = false;
      long longMetric = 0;
      double doubleMetric = 0;
      final int base = sequence * partCount;
      for (int p = 0; p < partCount; p++) {
        if (!equal[p]) {
          idsBySequence[base + p] = -1;
          continue;
        }
        final int id = cursor[p];
        idsBySequence[base + p] = id;
        final GroupCells cells = cellsOf[p];
        final int nonNullSlot = nonNullSlots[p];
        if (nonNullSlot < 0 || cells.cell(id, nonNullSlot) != 0) {
          final long cell = cells.cell(id, valueSlots[p]);
          if (isLong) {
            longMetric = seen ? combine(operation, longMetric, cell) : cell;
          } else {
            final double number = Double.longBitsToDouble(cell);
            doubleMetric = seen ? combine(operation, doubleMetric, number) : number;
          }
          seen = true;
        }
        if (advance(partArray[p], cursor, heads, done, p)) {
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
   * The best {@code keep} groups of one part by cell aggregation {@code metric}, largest or
   * smallest first, nulls lowest, ties to the smaller value, as value to intermediate values;
   * null when the metric is not in cells or a value may order differently by code point.
   */
  static LinkedHashMap<Object, Object[]> topOfPart(DictionaryGroups part, List<Aggregation> aggregations, int metric,
      boolean largest, int keep) {
    final GroupCells cells = part.cells();
    final PrimitiveAggregation primitive = cells.primitive(metric);
    if (primitive == null || keep < 1 || keep > MAX_KEEP) {
      return null;
    }
    final TopKOrder order = largest ? TopKOrder.LARGEST : TopKOrder.SMALLEST;
    final boolean isLong = primitive.type() == PrimitiveAggregation.Type.COUNT
        || primitive.type() == PrimitiveAggregation.Type.LONG;
    final boolean roundToFloat = primitive.type() == PrimitiveAggregation.Type.FLOAT
        && primitive.operation() == Operation.SUM;
    final LongTopK longs = isLong ? new LongTopK(keep, order) : null;
    final DoubleTopK doubles = isLong ? null : new DoubleTopK(keep, order);
    final int nonNullSlot = cells.nonNullSlot(metric);
    final int valueSlot = cells.valueSlot(metric);
    final StringColumn column = part.column();
    final int bound = part.keyBound();
    for (int id = 0; id < bound; id++) {
      if (part.rows(id) == 0) {
        continue;
      }
      final MemorySegment value = column.valueBytes(id);
      if (value != null && hasByteFromED(value)) {
        return null;
      }
      if (nonNullSlot >= 0 && cells.cell(id, nonNullSlot) == 0) {
        if (isLong) {
          longs.offerNull(id);
        } else {
          doubles.offerNull(id);
        }
      } else if (isLong) {
        longs.offer(id, cells.cell(id, valueSlot));
      } else {
        final double number = Double.longBitsToDouble(cells.cell(id, valueSlot));
        doubles.offer(id, roundToFloat ? (double) (float) number : number);
      }
    }
    final int[] kept = new int[keep];
    final boolean[] nulls = new boolean[keep];
    final int count = isLong ? longs.drain(kept, new long[keep], nulls) : doubles.drain(kept, new double[keep], nulls);
    final LinkedHashMap<Object, Object[]> top = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      top.put(column.value(kept[i]), part.values(kept[i], aggregations.size()));
    }
    return top;
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
    return value != null && hasByteFromED(value);
  }

  /**
   * Whether a byte is at or above 0xED. Most values are ASCII, ruled out by OR-ing a few wide reads
   * (overlapping at the end, so a short value costs two reads, not one per byte); only a value with
   * a byte of 0x80 or more is then read byte by byte.
   */
  private static boolean hasByteFromED(MemorySegment value) {
    final long length = value.byteSize();
    final long high;
    if (length >= Long.BYTES) {
      long bits = value.get(ValueLayout.JAVA_LONG_UNALIGNED, length - Long.BYTES);
      for (long i = 0; i + Long.BYTES <= length; i += Long.BYTES) {
        bits |= value.get(ValueLayout.JAVA_LONG_UNALIGNED, i);
      }
      high = bits & 0x8080808080808080L;
    } else if (length >= Integer.BYTES) {
      high = (value.get(ValueLayout.JAVA_INT_UNALIGNED, 0)
          | value.get(ValueLayout.JAVA_INT_UNALIGNED, length - Integer.BYTES)) & 0x80808080;
    } else if (length >= Short.BYTES) {
      high = (value.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0)
          | value.get(ValueLayout.JAVA_SHORT_UNALIGNED, length - Short.BYTES)) & 0x8080;
    } else {
      high = length == 0 ? 0 : value.get(ValueLayout.JAVA_BYTE, 0) & 0x80;
    }
    if (high == 0) {
      return false;
    }
    for (long i = 0; i < length; i++) {
      if ((value.get(ValueLayout.JAVA_BYTE, i) & 0xFF) >= 0xED) {
        return true;
      }
    }
    return false;
  }

  /** Eight bytes read so that unsigned long order is byte order. */
  private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

  /** Common prefixes up to this length are compared here; longer ones by {@code mismatch}. */
  private static final long SHORT_PREFIX = 32;

  /**
   * Unsigned byte order (dictionary order for values below U+D000), null first. Dictionary values
   * are mostly short, where {@code MemorySegment.mismatch}'s setup cost more than the comparison
   * (the largest cost of the merge in profiles), so short prefixes compare eight bytes at a time.
   */
  private static int compare(MemorySegment left, MemorySegment right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    final long leftLength = left.byteSize();
    final long rightLength = right.byteSize();
    final long common = Math.min(leftLength, rightLength);
    if (common > SHORT_PREFIX) {
      final long mismatch = left.mismatch(right);
      if (mismatch < 0) {
        return 0;
      }
      if (mismatch == leftLength || mismatch == rightLength) {
        return Long.compare(leftLength, rightLength);
      }
      return Integer.compare(left.get(ValueLayout.JAVA_BYTE, mismatch) & 0xFF,
          right.get(ValueLayout.JAVA_BYTE, mismatch) & 0xFF);
    }
    long i = 0;
    for (; i + Long.BYTES <= common; i += Long.BYTES) {
      final long a = left.get(BIG_ENDIAN_LONG, i);
      final long b = right.get(BIG_ENDIAN_LONG, i);
      if (a != b) {
        return Long.compareUnsigned(a, b);
      }
    }
    for (; i < common; i++) {
      final int a = left.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
      final int b = right.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return Long.compare(leftLength, rightLength);
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
