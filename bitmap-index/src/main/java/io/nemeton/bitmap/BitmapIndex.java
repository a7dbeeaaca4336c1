package io.nemeton.bitmap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A read-only view of an inverted index region written by {@link BitmapIndexWriter}: one
 * {@link ImmutableRoaringBitmap} per dictionary id, read straight from the (mapped) segment without
 * copying. CONTRACT STUB: signatures are fixed, the body may change.
 *
 * <p>Thread-safe. Returned bitmaps are valid while the underlying segment is open.
 */
public final class BitmapIndex {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private final MemorySegment region;
  private final int cardinality;

  private BitmapIndex(MemorySegment region, int cardinality) {
    this.region = region;
    this.cardinality = cardinality;
  }

  public static BitmapIndex wrap(MemorySegment region) {
    return new BitmapIndex(region, region.get(INT, 0));
  }

  public int cardinality() {
    return cardinality;
  }

  public ImmutableRoaringBitmap bitmap(int dictionaryId) {
    long base = 4L + 4L * (cardinality + 1);
    int start = region.get(INT, 4L + 4L * dictionaryId);
    int end = region.get(INT, 4L + 4L * (dictionaryId + 1));
    return new ImmutableRoaringBitmap(
        region.asSlice(base + start, end - start).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
  }
}
