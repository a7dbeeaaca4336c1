package io.nemeton.bitmap;

import java.nio.ByteBuffer;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Set operations over row bitmaps of one segment, whose rows are all in {@code [0, rowCount)}.
 * Each operation short-cuts the cases that need no work: no inputs, an empty input, an input
 * holding every row; a single remaining input is returned as it is.
 *
 * <p>Stateless and thread-safe. A result may be one of the inputs (then valid as long as that
 * input, e.g. while its segment is open), the shared {@link #empty()} bitmap, or a new on-heap
 * bitmap; treat every result as read-only. The work allocates the result and, for unions and
 * intersections of several bitmaps, one array of the non-trivial inputs.
 */
public final class Bitmaps {
  /** The portable form of the empty bitmap: the no-runs cookie 12346 and zero containers. */
  private static final ImmutableRoaringBitmap EMPTY =
      new ImmutableRoaringBitmap(ByteBuffer.wrap(new byte[] {0x3A, 0x30, 0, 0, 0, 0, 0, 0}).asReadOnlyBuffer());

  private Bitmaps() {}

  /** The empty bitmap, shared and immutable. */
  public static ImmutableRoaringBitmap empty() {
    return EMPTY;
  }

  /** Every row in {@code [0, rowCount)}: one run per 65536 rows. */
  public static ImmutableRoaringBitmap allRows(int rowCount) {
    checkRowCount(rowCount);
    return rowCount == 0 ? EMPTY : MutableRoaringBitmap.bitmapOfRange(0, rowCount);
  }

  /** Whether {@code bitmap} holds every row of {@code [0, rowCount)}; O(containers). */
  public static boolean isAllRows(ImmutableRoaringBitmap bitmap, int rowCount) {
    return bitmap.getLongCardinality() >= rowCount;
  }

  /** The rows in any of {@code bitmaps[0, count)}. */
  public static ImmutableRoaringBitmap union(ImmutableRoaringBitmap[] bitmaps, int count, int rowCount) {
    checkInputs(bitmaps, count, rowCount);
    int nonEmpty = 0;
    ImmutableRoaringBitmap last = EMPTY;
    for (int i = 0; i < count; i++) {
      final ImmutableRoaringBitmap bitmap = bitmaps[i];
      if (!bitmap.isEmpty()) {
        if (isAllRows(bitmap, rowCount)) {
          return bitmap;
        }
        nonEmpty++;
        last = bitmap;
      }
    }
    if (nonEmpty <= 1) {
      return last;
    }
    final ImmutableRoaringBitmap[] inputs = new ImmutableRoaringBitmap[nonEmpty];
    int next = 0;
    for (int i = 0; i < count; i++) {
      if (!bitmaps[i].isEmpty()) {
        inputs[next++] = bitmaps[i];
      }
    }
    return BufferFastAggregation.or(inputs);
  }

  /** The rows in every one of {@code bitmaps[0, count)}; every row when count is 0. */
  public static ImmutableRoaringBitmap intersection(ImmutableRoaringBitmap[] bitmaps, int count, int rowCount) {
    checkInputs(bitmaps, count, rowCount);
    int notFull = 0;
    ImmutableRoaringBitmap last = null;
    for (int i = 0; i < count; i++) {
      final ImmutableRoaringBitmap bitmap = bitmaps[i];
      if (bitmap.isEmpty()) {
        return EMPTY;
      }
      if (!isAllRows(bitmap, rowCount)) {
        notFull++;
        last = bitmap;
      }
    }
    if (notFull == 0) {
      return count == 0 ? allRows(rowCount) : bitmaps[0];
    }
    if (notFull == 1) {
      return last;
    }
    final ImmutableRoaringBitmap[] inputs = new ImmutableRoaringBitmap[notFull];
    int next = 0;
    for (int i = 0; i < count; i++) {
      if (!isAllRows(bitmaps[i], rowCount)) {
        inputs[next++] = bitmaps[i];
      }
    }
    return BufferFastAggregation.and(inputs);
  }

  /** The rows in {@code left} and not in {@code right}. */
  public static ImmutableRoaringBitmap difference(
      ImmutableRoaringBitmap left, ImmutableRoaringBitmap right, int rowCount) {
    checkRowCount(rowCount);
    if (left.isEmpty() || (!right.isEmpty() && isAllRows(right, rowCount))) {
      return EMPTY;
    }
    if (right.isEmpty()) {
      return left;
    }
    if (isAllRows(left, rowCount)) {
      return complement(right, rowCount);
    }
    return ImmutableRoaringBitmap.andNot(left, right);
  }

  /**
   * The rows of {@code [0, rowCount)} not in {@code bitmap}.
   *
   * @throws IllegalArgumentException when the bitmap holds a row at or past rowCount
   */
  public static ImmutableRoaringBitmap complement(ImmutableRoaringBitmap bitmap, int rowCount) {
    checkRowCount(rowCount);
    if (bitmap.isEmpty()) {
      return allRows(rowCount);
    }
    final int lastRow = bitmap.last();
    if (lastRow < 0 || lastRow >= rowCount) {
      throw new IllegalArgumentException(
          "bitmap holds row=" + Integer.toUnsignedString(lastRow) + ", outside [0, rowCount=" + rowCount + ")");
    }
    if (isAllRows(bitmap, rowCount)) {
      return EMPTY;
    }
    return ImmutableRoaringBitmap.flip(bitmap, 0L, rowCount);
  }

  private static void checkInputs(ImmutableRoaringBitmap[] bitmaps, int count, int rowCount) {
    checkRowCount(rowCount);
    if (count < 0 || count > bitmaps.length) {
      throw new IllegalArgumentException("count=" + count + " is outside [0, bitmaps length=" + bitmaps.length + "]");
    }
  }

  private static void checkRowCount(int rowCount) {
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount=" + rowCount + " is negative");
    }
  }
}
