package io.nemeton.bitmap.internal;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.bitmap.RowIdMatcher;
import io.nemeton.memory.GrowableBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.roaringbitmap.buffer.BufferBitSetUtil;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Turns a decoded chunk list into rows by asking the column's ids which rows of each chunk hold
 * the value ({@link RowIdMatcher}); also encodes a row array as a small heap bitmap.
 *
 * <p>Stateless and thread-safe. {@link #bitmap} allocates its result and either a word bitmap of
 * the segment's rows (many chunks) or one chunk's words plus a row array (few chunks).
 */
final class ChunkRefinement {
  private ChunkRefinement() {}

  /** ORs into {@code words} (row r is bit r of the words) the rows of {@code chunks} holding {@code id}. */
  static void match(RowIdMatcher ids, int id, int[] chunks, int chunkShift, int rowLimit, long[] words) {
    final int chunkRows = 1 << chunkShift;
    for (int k = 0; k < chunks.length; k++) {
      final int from = chunks[k] << chunkShift;
      final int to = (int) Math.min((long) from + chunkRows, rowLimit);
      ids.matchRows(id, from, to, words, from);
    }
  }

  /**
   * The rows of {@code chunks} holding {@code id}: into a word bitmap of U bits when the chunks
   * cover at least U / 64 rows (no bigger than the rows), else chunk by chunk through one chunk's
   * words into a row array.
   */
  static ImmutableRoaringBitmap bitmap(RowIdMatcher ids, int id, int[] chunks, int chunkShift, int rowLimit) {
    final int c = chunks.length;
    if (((long) c << chunkShift) >= rowLimit >>> 6) {
      final long[] words = new long[CompactIndexReader.wordCount(rowLimit)];
      match(ids, id, chunks, chunkShift, rowLimit, words);
      return BufferBitSetUtil.bitmapOf(words);
    }
    final int chunkRows = 1 << chunkShift;
    final long[] scratch = new long[CompactIndexReader.wordCount(chunkRows)];
    final int[] rows = new int[(int) Math.min((long) c << chunkShift, rowLimit)];
    int n = 0;
    for (int k = 0; k < c; k++) {
      final int from = chunks[k] << chunkShift;
      final int to = (int) Math.min((long) from + chunkRows, rowLimit);
      Arrays.fill(scratch, 0L);
      ids.matchRows(id, from, to, scratch, 0);
      for (int w = 0; w < scratch.length; w++) {
        long bits = scratch[w];
        while (bits != 0) {
          rows[n++] = from + (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
        }
      }
    }
    return heapBitmap(rows, n);
  }

  /** The n ascending rows as a portable bitmap on the heap; the shared empty bitmap for none. */
  static ImmutableRoaringBitmap heapBitmap(int[] rows, int n) {
    if (n == 0) {
      return Bitmaps.empty();
    }
    final GrowableBytes bytes = new GrowableBytes(16 + 4 * n);
    new PortableRoaringEncoder().write(rows, 0, n, bytes);
    return new ImmutableRoaringBitmap(ByteBuffer.wrap(bytes.array(), 0, bytes.size()).slice().order(ByteOrder.LITTLE_ENDIAN));
  }
}
