package io.nemeton.segment.ingest;

/**
 * A stable merge sort of an {@code int[]} range by an {@link IntComparator}, with insertion sort
 * for short runs. Used where order depends on more than the ints themselves (dictionary values,
 * multi-value rows); primitive keys are sorted with {@link java.util.Arrays#sort(long[])} instead.
 *
 * <p>Stateless; allocates one scratch array of the range's length per call.
 */
final class IntMergeSort {
  private static final int INSERTION_LIMIT = 24;

  private IntMergeSort() {}

  static void sort(int[] values, int from, int to, IntComparator comparator) {
    if (to - from <= INSERTION_LIMIT) {
      insertionSort(values, from, to, comparator);
      return;
    }
    final int[] scratch = new int[to - from];
    sort(values, from, to, comparator, scratch);
  }

  private static void sort(int[] values, int from, int to, IntComparator comparator, int[] scratch) {
    if (to - from <= INSERTION_LIMIT) {
      insertionSort(values, from, to, comparator);
      return;
    }
    final int middle = (from + to) >>> 1;
    sort(values, from, middle, comparator, scratch);
    sort(values, middle, to, comparator, scratch);
    if (comparator.compare(values[middle - 1], values[middle]) <= 0) {
      return;
    }
    System.arraycopy(values, from, scratch, 0, middle - from);
    int left = 0;
    final int leftEnd = middle - from;
    int right = middle;
    int out = from;
    while (left < leftEnd && right < to) {
      if (comparator.compare(values[right], scratch[left]) < 0) {
        values[out++] = values[right++];
      } else {
        values[out++] = scratch[left++];
      }
    }
    while (left < leftEnd) {
      values[out++] = scratch[left++];
    }
  }

  static void insertionSort(int[] values, int from, int to, IntComparator comparator) {
    for (int i = from + 1; i < to; i++) {
      final int value = values[i];
      int j = i - 1;
      while (j >= from && comparator.compare(values[j], value) > 0) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = value;
    }
  }
}
