package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Sorts non-negative longs whose values fit in a known number of bits with a least-significant-
 * digit radix sort: 11-bit digits (2048 counters stay in the first-level cache), one read to count
 * every digit, then one scatter per digit, skipping digits every key shares. For the sort keys of
 * a row buffer (about 50 bits) that is five sequential passes, several times faster than a
 * comparison sort. Small arrays use {@link Arrays#sort(long[], int, int)}.
 *
 * <p>Not thread-safe: keeps its scratch arrays.
 */
final class LongRadixSort {
  private static final int DIGIT_BITS = 11;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final int SMALL = 2048;

  private long[] scratch = new long[0];
  private int[] counts = new int[0];

  /** Sorts {@code keys[0, count)}, all in {@code [0, 2^bits)}. */
  void sort(long[] keys, int count, int bits) {
    if (count < SMALL || bits <= 0) {
      Arrays.sort(keys, 0, count);
      return;
    }
    final int passes = (bits + DIGIT_BITS - 1) / DIGIT_BITS;
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
      long key = keys[i];
      for (int p = 0; p < passes; p++) {
        histogram[p * RADIX + (int) (key & (RADIX - 1))]++;
        key >>>= DIGIT_BITS;
      }
    }
    long[] source = keys;
    long[] target = scratch;
    for (int p = 0; p < passes; p++) {
      final int base = p * RADIX;
      final int shift = p * DIGIT_BITS;
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
