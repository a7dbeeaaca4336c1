package io.nemeton.bitmap;

import io.nemeton.bitmap.internal.PortableRoaringChecker;
import io.nemeton.bitmap.internal.PortableRoaringEncoder;
import io.nemeton.bitmap.internal.PortableRoaringFormat;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * One bitmap on its own in a region, such as the null rows of a numeric column. The region is the
 * bitmap in the portable Roaring format, run-optimized, with nothing around it; a region of zero
 * bytes also reads as the empty bitmap.
 *
 * <p>Stateless and thread-safe. Writing allocates (a run-optimized copy, or the encoder's scratch);
 * mapping allocates a small view and never copies bitmap bytes. A mapped bitmap is valid while the
 * underlying segment is open.
 */
public final class BitmapRegion {
  private static final String THING = "bitmap region";

  private BitmapRegion() {}

  /**
   * Appends {@code bitmap}, run-optimized, to {@code out} and returns the bytes written. The
   * caller's bitmap is left as it was.
   */
  public static int writeBitmap(RoaringBitmap bitmap, GrowableBytes out) {
    Objects.requireNonNull(bitmap, "bitmap");
    final RoaringBitmap optimized = bitmap.clone();
    optimized.runOptimize();
    final int size = optimized.serializedSizeInBytes();
    final int at = out.skip(size);
    optimized.serialize(ByteBuffer.wrap(out.array(), at, size).order(ByteOrder.LITTLE_ENDIAN));
    return size;
  }

  /**
   * Appends the bitmap of {@code rows[0, count)} to {@code out} and returns the bytes written
   * (8 for no rows), without building a bitmap object.
   *
   * @throws IllegalArgumentException when count is outside {@code [0, rows.length]} or the rows are
   *     negative or not ascending; equal neighbours are written once
   */
  public static int writeRows(int[] rows, int count, GrowableBytes out) {
    if (count < 0 || count > rows.length) {
      throw new IllegalArgumentException("count=" + count + " is outside [0, rows length=" + rows.length + "]");
    }
    if (count == 0) {
      out.writeInt(PortableRoaringFormat.COOKIE_NO_RUNS);
      out.writeInt(0);
      return PortableRoaringFormat.EMPTY_BITMAP_BYTES;
    }
    if (rows[0] < 0) {
      throw new IllegalArgumentException("rows[0]=" + rows[0] + " is negative");
    }
    return new PortableRoaringEncoder().write(rows, 0, count, out);
  }

  /**
   * Maps a region written by {@link #writeBitmap} or {@link #writeRows}, checking its container
   * directory (O(containers)).
   *
   * @throws BitmapFormatException when the bytes are not one portable bitmap exactly filling the
   *     region
   */
  public static ImmutableRoaringBitmap mapBitmap(MemorySegment region) {
    Objects.requireNonNull(region, "region");
    final long size = region.byteSize();
    if (size == 0) {
      return Bitmaps.empty();
    }
    if (size > Integer.MAX_VALUE) {
      throw new BitmapFormatException(THING + ": size=" + size + " bytes is above the maximum=" + Integer.MAX_VALUE);
    }
    PortableRoaringChecker.checkStructure(region, 0, size, THING, -1);
    return new ImmutableRoaringBitmap(region.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * Checks every container of the region's bitmap (O(bytes)), for files not yet trusted.
   *
   * @throws BitmapFormatException naming the first malformed container
   */
  public static void verifyBitmap(MemorySegment region) {
    Objects.requireNonNull(region, "region");
    if (region.byteSize() != 0) {
      PortableRoaringChecker.checkContents(region, 0, region.byteSize(), THING, -1);
    }
  }
}
