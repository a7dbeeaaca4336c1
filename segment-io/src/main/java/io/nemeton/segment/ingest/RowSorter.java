package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Sorts rows by their key ({@code __time}, then dimensions) into a permutation, stably (equal keys
 * keep input order, which rollup and first/last rely on). It packs as many leading keys as fit,
 * each shifted to its range in the rows being sorted, together with the row's position into one
 * long and sorts those with a radix sort ({@link LongRadixSort}); rows still tied recurse on
 * the next keys. Keys that cannot be packed (multi-value lists, wide numbers) use a merge sort with
 * a row comparator; short ranges use insertion sort.
 *
 * <p>Not thread-safe; reuses its scratch arrays between sorts.
 */
final class RowSorter {
  private static final int INSERTION_LIMIT = 24;
  private static final int LEVEL_TIME = -1;

  private final RowKeys keys;
  private RowStore rows;
  private int[] order = new int[0];
  private long[] packed = new long[0];
  private int[] scratch = new int[0];
  private boolean[] hasLists = new boolean[0];
  private final LongRadixSort radix = new LongRadixSort();

  RowSorter(RowKeys keys) {
    this.keys = keys;
  }

  /**
   * Sorts rows {@code [0, count)} of {@code columns}; returns the permutation (owned by the sorter,
   * valid until the next sort). {@code keys} must be refreshed.
   */
  int[] sort(RowStore columns, int count) {
    return sort(columns, count, null, 0);
  }

  /**
   * Sorts rows {@code [0, count)} already grouped by time ({@link TimeGroups}): each group {@code
   * [groupEnds[g - 1], groupEnds[g])} on its own, which is the whole order since the groups hold
   * increasing, disjoint time ranges. {@code groupEnds} null sorts the rows as one group.
   */
  int[] sort(RowStore columns, int count, int[] groupEnds, int groups) {
    rows = columns;
    if (order.length < count) {
      order = new int[count];
      packed = new long[count];
      scratch = new int[count];
    }
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    hasLists = new boolean[keys.count];
    for (int k = 0; k < keys.count; k++) {
      // a field that never made a list has no negative code: skip a pass over every row
      if (keys.kinds[k] == RowKeys.STRING && keys.fields[k].lists.count() > 0) {
        final int column = keys.columns[k];
        for (int i = 0; i < count; i++) {
          if (columns.code(column, i) < 0) {
            hasLists[k] = true;
            break;
          }
        }
      }
    }
    if (groupEnds == null) {
      sortRange(0, count, LEVEL_TIME);
    } else {
      int from = 0;
      for (int g = 0; g < groups; g++) {
        sortRange(from, groupEnds[g], LEVEL_TIME);
        from = groupEnds[g];
      }
      if (from != count) {
        throw new IllegalArgumentException("groups end at row=" + from + " but rows=" + count);
      }
    }
    rows = null;
    return order;
  }

  private void sortRange(int from, int to, int level) {
    final int size = to - from;
    if (size < 2 || level == keys.count) {
      return;
    }
    if (size <= INSERTION_LIMIT) {
      insertionSort(from, to, level);
      return;
    }
    final int indexBits = 64 - Long.numberOfLeadingZeros(size - 1);
    int available = 63 - indexBits;
    int end = level;
    final long[] minimums = new long[keys.count + 1];
    final int[] widths = new int[keys.count + 1];
    while (end < keys.count) {
      // once the packed keys can take 8 times more values than there are rows, ties are rare:
      // packing more levels would cost a pass per level (and more radix passes) for the few ties
      // the recursion handles
      if (end > level && 63 - available - indexBits >= indexBits + 3) {
        break;
      }
      final long[] range = range(end, from, to, available);
      if (range == null) {
        break;
      }
      final long span = range[1] - range[0];
      if (span < 0) {
        break;
      }
      final int width = 64 - Long.numberOfLeadingZeros(span);
      if (width > available) {
        break;
      }
      available -= width;
      minimums[end + 1] = range[0];
      widths[end + 1] = width;
      end++;
    }
    if (end == level) {
      mergeSort(from, to, level);
      return;
    }
    final int keyBits = 63 - available;
    final long[] keysPacked = packed;
    Arrays.fill(keysPacked, 0, size, 0L);
    for (int k = level; k < end; k++) {
      pack(k, from, size, minimums[k + 1], widths[k + 1]);
    }
    for (int i = 0; i < size; i++) {
      keysPacked[i] = (keysPacked[i] << indexBits) | i;
    }
    radix.sort(keysPacked, size, keyBits, indexBits);
    final int indexMask = (int) ((1L << indexBits) - 1);
    for (int i = 0; i < size; i++) {
      scratch[i] = order[from + (int) (keysPacked[i] & indexMask)];
    }
    System.arraycopy(scratch, 0, order, from, size);
    if (end == keys.count) {
      return;
    }
    // collect tied runs before recursing: recursion reuses the packed scratch
    int[] runs = null;
    int runCount = 0;
    int runStart = 0;
    for (int i = 1; i <= size; i++) {
      if (i == size || (keysPacked[i] >>> indexBits) != (keysPacked[runStart] >>> indexBits)) {
        if (i - runStart > 1) {
          if (runs == null) {
            runs = new int[16];
          } else if (runCount * 2 == runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
          }
          runs[runCount * 2] = from + runStart;
          runs[runCount * 2 + 1] = from + i;
          runCount++;
        }
        runStart = i;
      }
    }
    for (int r = 0; r < runCount; r++) {
      sortRange(runs[r * 2], runs[r * 2 + 1], end);
    }
  }

  /** {min, max} of key {@code level} over the range (null as min - 1), or null if it cannot pack. */
  private long[] range(int level, int from, int to, int available) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    if (level == LEVEL_TIME) {
      final RowStore store = rows;
      for (int i = from; i < to; i++) {
        final long t = store.time(order[i]);
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
      return new long[] {min, max};
    }
    final int column = keys.columns[level];
    switch (keys.kinds[level]) {
      case RowKeys.STRING -> {
        // ranks run up to the dictionary size: when even that does not fit, skip ranking at all
        if (hasLists[level] || 64 - Long.numberOfLeadingZeros(keys.fields[level].dictionary.size()) > available) {
          return null;
        }
        final RowStore store = rows;
        final int[] rank = keys.ranks(level);
        for (int i = from; i < to; i++) {
          final int r = rank[store.code(column, order[i])];
          min = Math.min(min, r);
          max = Math.max(max, r);
        }
        return new long[] {min, max};
      }
      case RowKeys.LONG -> {
        final RowStore store = rows;
        final int nullColumn = keys.nullColumns[level];
        boolean anyNull = false;
        for (int i = from; i < to; i++) {
          final int row = order[i];
          if (store.isNull(nullColumn, row) != 0) {
            anyNull = true;
          } else {
            final long value = store.longValue(column, row);
            min = Math.min(min, value);
            max = Math.max(max, value);
          }
        }
        return numericRange(min, max, anyNull);
      }
      default -> {
        final RowStore store = rows;
        final int nullColumn = keys.nullColumns[level];
        boolean anyNull = false;
        for (int i = from; i < to; i++) {
          final int row = order[i];
          if (store.isNull(nullColumn, row) != 0) {
            anyNull = true;
          } else {
            final long sortable = sortable(store.doubleValue(column, row));
            min = Math.min(min, sortable);
            max = Math.max(max, sortable);
          }
        }
        return numericRange(min, max, anyNull);
      }
    }
  }

  private static long[] numericRange(long min, long max, boolean anyNull) {
    if (min > max) {
      return new long[] {0, 0};
    }
    if (!anyNull) {
      return new long[] {min, max};
    }
    if (min == Long.MIN_VALUE) {
      return null;
    }
    return new long[] {min - 1, max};
  }

  /** A long whose signed order is {@link Double#compare} order. */
  static long sortable(double value) {
    final long bits = Double.doubleToLongBits(value);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  private void pack(int level, int from, int size, long minimum, int width) {
    final long[] keysPacked = packed;
    final int[] rowOrder = order;
    final RowStore store = rows;
    if (level == LEVEL_TIME) {
      for (int i = 0; i < size; i++) {
        keysPacked[i] = (keysPacked[i] << width) | (store.time(rowOrder[from + i]) - minimum);
      }
      return;
    }
    final int column = keys.columns[level];
    switch (keys.kinds[level]) {
      case RowKeys.STRING -> {
        final int[] rank = keys.ranks(level);
        for (int i = 0; i < size; i++) {
          keysPacked[i] = (keysPacked[i] << width) | (rank[store.code(column, rowOrder[from + i])] - minimum);
        }
      }
      case RowKeys.LONG -> {
        final int nullColumn = keys.nullColumns[level];
        for (int i = 0; i < size; i++) {
          final int row = rowOrder[from + i];
          final long key = store.isNull(nullColumn, row) != 0 ? 0 : store.longValue(column, row) - minimum;
          keysPacked[i] = (keysPacked[i] << width) | key;
        }
      }
      default -> {
        final int nullColumn = keys.nullColumns[level];
        for (int i = 0; i < size; i++) {
          final int row = rowOrder[from + i];
          final long key = store.isNull(nullColumn, row) != 0 ? 0 : sortable(store.doubleValue(column, row)) - minimum;
          keysPacked[i] = (keysPacked[i] << width) | key;
        }
      }
    }
  }

  private int compare(int rowA, int rowB, int level) {
    if (level == LEVEL_TIME) {
      return keys.compare(rows, rowA, rows, rowB);
    }
    return keys.compareDimensions(level, rows, rowA, rows, rowB);
  }

  private void insertionSort(int from, int to, int level) {
    for (int i = from + 1; i < to; i++) {
      final int row = order[i];
      int j = i - 1;
      while (j >= from && compare(order[j], row, level) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
  }

  private void mergeSort(int from, int to, int level) {
    if (to - from <= INSERTION_LIMIT) {
      insertionSort(from, to, level);
      return;
    }
    final int middle = (from + to) >>> 1;
    mergeSort(from, middle, level);
    mergeSort(middle, to, level);
    if (compare(order[middle - 1], order[middle], level) <= 0) {
      return;
    }
    System.arraycopy(order, from, scratch, from, middle - from);
    int left = from;
    int right = middle;
    int out = from;
    while (left < middle && right < to) {
      if (compare(order[right], scratch[left], level) < 0) {
        order[out++] = order[right++];
      } else {
        order[out++] = scratch[left++];
      }
    }
    while (left < middle) {
      order[out++] = scratch[left++];
    }
  }
}
