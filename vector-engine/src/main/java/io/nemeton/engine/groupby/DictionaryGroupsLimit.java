package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.PrimitiveAggregation;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.query.limit.SortDirection;
import io.nemeton.engine.storage.DictionaryBytes;
import io.nemeton.engine.storage.StringColumn;
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
 * MergeHeads} over {@link StringColumn#dictionaryBytes}: offsets and first words, no slices),
 * never decoded, except the kept ones. Ties go to the smaller merge
 * position, which is dictionary order; that equals Druid's lexicographic (code point) order, and
 * byte order, unless a value holds a character at or above U+D000 (UTF-8 lead byte ED and up,
 * where UTF-16 and code point orders can part), so such values make {@link #top} decline and the
 * general path answer.
 *
 * <p>Stateless; allocates per call (the ids of the groups the top-K took in, the kept entries).
 */
final class DictionaryGroupsLimit {
  /** Larger limits go through the general path (top-K arrays are sized by the limit). */
  static final int MAX_KEEP = 1 << 16;

  /** {@link Operation} ordinals, for the per-group combine. */
  private static final int SUM = Operation.SUM.ordinal();
  private static final int MIN = Operation.MIN.ordinal();

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
    final MergeHeads heads = new MergeHeads(partArray);
    final GroupCells[] cellsOf = new GroupCells[partCount];
    final int[] nonNullSlots = new int[partCount];
    final int[] valueSlots = new int[partCount];
    for (int p = 0; p < partCount; p++) {
      cellsOf[p] = partArray[p].cells();
      nonNullSlots[p] = cellsOf[p].nonNullSlot(metric);
      valueSlots[p] = cellsOf[p].valueSlot(metric);
      if (heads.advance(p)) {
        return null;
      }
    }
    // the operation as a number, so the per-group combine is a branch, not a call
    final int operation = primitive.operation() == null ? 0 : primitive.operation().ordinal();
    // the merge positions the top-K took in (ascending) and, after each, its id in every part
    // (-1: absent), to rebuild the kept groups at the end; most groups never enter, so this stays
    // far smaller than a record of every merge position
    final int[] headIds = new int[partCount];
    int[] taken = new int[64 * (partCount + 1)];
    int takenLength = 0;
    final boolean[] equal = new boolean[partCount];
    final int[] cursor = heads.cursor;
    final boolean[] done = heads.done;
    int sequence = 0;
    while (true) {
      // one comparison per part: the smallest head, and which heads equal it
      int smallest = -1;
      for (int p = 0; p < partCount; p++) {
        if (done[p]) {
          equal[p] = false;
          continue;
        }
        final int byValue = smallest < 0 ? -1 : heads.compare(p, smallest);
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
      boolean seen = false;
      long longMetric = 0;
      double doubleMetric = 0;
      for (int p = 0; p < partCount; p++) {
        if (!equal[p]) {
          headIds[p] = -1;
          continue;
        }
        final int id = cursor[p];
        headIds[p] = id;
        final GroupCells cells = cellsOf[p];
        final int nonNullSlot = nonNullSlots[p];
        if (nonNullSlot < 0 || cells.cell(id, nonNullSlot) != 0) {
          final long cell = cells.cell(id, valueSlots[p]);
          if (isLong) {
            longMetric = !seen ? cell : operation == SUM ? longMetric + cell
                : operation == MIN ? Math.min(longMetric, cell) : Math.max(longMetric, cell);
          } else {
            final double number = Double.longBitsToDouble(cell);
            doubleMetric = !seen ? number : operation == SUM ? doubleMetric + number
                : operation == MIN ? Math.min(doubleMetric, number) : Math.max(doubleMetric, number);
          }
          seen = true;
        }
        if (heads.advance(p)) {
          return null;
        }
      }
      final boolean entered;
      if (isLong) {
        entered = seen ? longs.offer(sequence, longMetric) : longs.offerNull(sequence);
      } else {
        entered = seen ? doubles.offer(sequence, roundToFloat ? (double) (float) doubleMetric : doubleMetric)
            : doubles.offerNull(sequence);
      }
      if (entered) {
        if (takenLength + partCount + 1 > taken.length) {
          if (taken.length > Integer.MAX_VALUE / 2 - 16) {
            return null; // more entries than an array holds: let the general path answer
          }
          taken = java.util.Arrays.copyOf(taken, 2 * taken.length);
        }
        taken[takenLength] = sequence;
        System.arraycopy(headIds, 0, taken, takenLength + 1, partCount);
        takenLength += partCount + 1;
      }
      sequence++;
    }
    final int[] kept = new int[keep];
    final boolean[] nulls = new boolean[keep];
    final int count = isLong ? longs.drain(kept, new long[keep], nulls) : doubles.drain(kept, new double[keep], nulls);
    // where each kept merge position's ids start in taken (positions there ascend)
    final int[] idsAt = new int[count];
    for (int i = 0; i < count; i++) {
      idsAt[i] = takenAt(taken, takenLength, partCount + 1, kept[i]) + 1;
    }
    // each part's kept groups at once, so deferred aggregations are computed for those alone
    final Object[][][] valuesOfPart = new Object[partCount][][];
    final int[] partIds = new int[count];
    for (int p = 0; p < partCount; p++) {
      int n = 0;
      for (int i = 0; i < count; i++) {
        final int id = taken[idsAt[i] + p];
        if (id >= 0) {
          partIds[n++] = id;
        }
      }
      valuesOfPart[p] = partArray[p].valuesOf(partIds, n, aggregations.size());
    }
    final int[] usedOfPart = new int[partCount];
    final List<Map.Entry<GroupByEngineKey, Object[]>> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Object[] values = null;
      String value = null;
      for (int p = 0; p < partCount; p++) {
        final int id = taken[idsAt[i] + p];
        if (id < 0) {
          continue;
        }
        final Object[] partValues = valuesOfPart[p][usedOfPart[p]++];
        if (values == null) {
          values = partValues;
          value = partArray[p].column().value(id);
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

  /** Index in {@code taken} of the record of merge position {@code sequence} (records ascend). */
  private static int takenAt(int[] taken, int length, int recordLength, int sequence) {
    int low = 0;
    int high = length / recordLength - 1;
    while (low <= high) {
      final int middle = (low + high) >>> 1;
      final int at = taken[middle * recordLength];
      if (at < sequence) {
        low = middle + 1;
      } else if (at > sequence) {
        high = middle - 1;
      } else {
        return middle * recordLength;
      }
    }
    throw new IllegalStateException("merge position " + sequence + " was kept by the top-K but never recorded");
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
    final DictionaryBytes dictionary = column.dictionaryBytes();
    final boolean checkEach = dictionary.hasByteFromED();
    final int bound = part.keyBound();
    for (int id = 0; id < bound; id++) {
      if (part.rows(id) == 0) {
        continue;
      }
      if (checkEach && !dictionary.isNull(id)
          && DictionaryBytes.hasByteFromED(dictionary.values(), dictionary.start(id), dictionary.end(id))) {
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

}
