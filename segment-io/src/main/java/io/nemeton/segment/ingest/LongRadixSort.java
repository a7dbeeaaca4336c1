package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Sorts non-negative longs whose values fit in a known number of bits with a least-significant-
 * digit radix sort: 11-bit digits (2048 counters stay in the first-level cache), one read to count
 * every digit, then one scatter per digit, skipping digits every key shares and the low bits that
 * already increase (a row index packed below the key). For the sort keys of a time group of a row
 * buffer (about 20 bits of time above 12 bits of index) that is two sequential passes, several
 * times faster than a comparison sort. Small arrays use {@link Arrays#sort(long[], int, int)}.
 *
 * <p>Not thread-safe: keeps its scratch arrays.
 */
final class LongRadixSort {
  private static final int DIGIT_BITS = 11;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final int SMALL = 2048;

  private long[] scratch = new long[0];
  /** Counters of every pass a 63-bit key can need, so a sort never grows them. */
  private int[] counts = new int[(63 + DIGIT_BITS - 1) / DIGIT_BITS * RADIX];

  /** Sorts {@code keys[0, count)}, all in {@code [0, 2^bits)}. */
  void sort(long[] keys, int count, int bits) {
    sort(keys, count, bits, 0);
  }

  /**
   * Sorts {@code keys[0, count)}, all in {@code [0, 2^bits)}, whose lowest {@code sortedBits} bits
   * already increase with the position (a row index packed below the key): the sort being stable,
   * those bits need no pass of their own, which saves a pass or two per sort of packed row keys.
   */
  void sort(long[] keys, int count, int bits, int sortedBits) {
    if (count < SMALL || bits <= sortedBits) {
      Arrays.sort(keys, 0, count);
      return;
    }
    final int low = sortedBits;
    final int passes = (bits - low + DIGIT_BITS - 1) / DIGIT_BITS;
    if (scratch.length < count) {
      scratch = new long[count];
    }
    if (counts.length < passes * RADIX) {
      counts = new int[passes * RADIX];
    } else {
      Arrays.fill(counts, 0, passes * RADIX, 0);
    }
    final int[] histogram = counts;
    for (int i = 0; i < count; i++) {
      long key = keys[i] >>> low;
      for (int p = 0; p < passes; p++) {
        histogram[p * RADIX + (int) (key & (RADIX - 1))]++;
        key >>>= DIGIT_BITS;
      }
    }
    long[] source = keys;
    long[] target = scratch;
    for (int p = 0; p < passes; p++) {
      final int base = p * RADIX;
      final int shift = low + p * DIGIT_BITS;
      if (histogram[base + (int) ((keys[0] >>> shift) & (RADIX - 1))] == count) {
        continue;
      }
      int offset = 0;
      for (int d = 0; d < RADIX; d++) {
        final int digitCount = histogram[base + d];
        histogram[base + d] = offset;
        offset += digitCount;
      }
      for (int i = 0; i < count; i++) {
        final long key = source[i];
        target[histogram[base + (int) ((key >>> shift) & (RADIX - 1))]++] = key;
      }
      final long[] swap = source;
      source = target;
      target = swap;
    }
    if (source != keys) {
      System.arraycopy(source, 0, keys, 0, count);
    }
  }
}
