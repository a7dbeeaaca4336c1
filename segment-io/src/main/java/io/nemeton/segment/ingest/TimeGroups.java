package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Moves the rows of a buffer into groups of consecutive time ranges (the top bits of {@code time -
 * min}), keeping input order within a group, before they are sorted. Each group then holds about
 * {@link #GROUP_ROWS} rows (256 KiB of 64-byte rows), so sorting a group and gathering its rows in
 * sorted order read the processor's cache instead of missing on every row of a million-row buffer.
 * Rows of equal time always share a group, so sorting each group on its own gives the buffer's
 * order, ties in input order, as rollup needs.
 *
 * <p>One pass to find the time range, one to count, one to copy each row once, sequentially. Not
 * thread-safe; keeps its counters between calls.
 */
final class TimeGroups {
  /** Rows a group aims at: small enough for the cache, large enough for the radix sort. */
  static final int GROUP_ROWS = 4096;
  private static final int MAX_GROUP_BITS = 12;

  private int[] ends = new int[1 << MAX_GROUP_BITS];
  private int[] next = new int[1 << MAX_GROUP_BITS];
  private int groups;

  /**
   * Copies rows {@code [0, count)} of {@code source} into {@code target} (same layout, room for
   * {@code count} rows) grouped by time, and returns true; returns false and copies nothing when
   * there are too few rows or a single time. Sketch states move with their rows; {@code source}'s
   * are cleared.
   */
  boolean group(RowStore source, int count, RowStore target) {
    groups = 0;
    if (count < 2 * GROUP_ROWS) {
      return false;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int r = 0; r < count; r++) {
      final long time = source.time(r);
      min = Math.min(min, time);
      max = Math.max(max, time);
    }
    final long span = max - min;
    if (span <= 0) {
      // one time, or a span past Long.MAX_VALUE (times at both ends of the range): sort as is
      return false;
    }
    final int groupBits = Math.min(MAX_GROUP_BITS, 32 - Integer.numberOfLeadingZeros((count - 1) / GROUP_ROWS));
    final int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(span) - groupBits);
    final int groupCount = (int) (span >>> shift) + 1;
    final int[] counts = next;
    Arrays.fill(counts, 0, groupCount, 0);
    for (int r = 0; r < count; r++) {
      counts[(int) ((source.time(r) - min) >>> shift)]++;
    }
    int offset = 0;
    for (int g = 0; g < groupCount; g++) {
      final int rows = counts[g];
      counts[g] = offset;
      offset += rows;
      ends[g] = offset;
    }
    for (int r = 0; r < count; r++) {
      final int g = (int) ((source.time(r) - min) >>> shift);
      target.copyRow(source, r, counts[g]++);
    }
    source.clearObjects(0, count);
    groups = groupCount;
    return true;
  }

  /** Groups made by the last {@link #group}; 0 when it returned false. */
  int count() {
    return groups;
  }

  /** Row after the last of each group: {@code ends()[g]}, {@code g < count()}; owned by this object. */
  int[] ends() {
    return ends;
  }
}
