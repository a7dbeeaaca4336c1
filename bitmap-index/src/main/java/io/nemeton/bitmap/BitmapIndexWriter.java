package io.nemeton.bitmap;

import io.nemeton.memory.GrowableBytes;

/**
 * Builds one Roaring bitmap per dictionary id (an inverted index) and writes them in the portable
 * Roaring format. CONTRACT STUB: signatures are fixed, the body may change.
 *
 * <p>Not thread-safe.
 */
public final class BitmapIndexWriter {
  private final org.roaringbitmap.RoaringBitmap[] bitmaps;

  public BitmapIndexWriter(int cardinality) {
    bitmaps = new org.roaringbitmap.RoaringBitmap[cardinality];
    for (int i = 0; i < cardinality; i++) {
      bitmaps[i] = new org.roaringbitmap.RoaringBitmap();
    }
  }

  /** Marks {@code row} as holding value {@code dictionaryId}. Rows arrive in ascending order. */
  public void add(int dictionaryId, int row) {
    bitmaps[dictionaryId].add(row);
  }

  /** Appends the index region to {@code out}; returns bytes written. Layout: see BitmapIndexLayout. */
  public int writeTo(GrowableBytes out) {
    int start = out.size();
    out.writeInt(bitmaps.length);
    int offsetsAt = out.skip(4 * (bitmaps.length + 1));
    int base = out.size();
    for (int i = 0; i < bitmaps.length; i++) {
      out.setInt(offsetsAt + 4 * i, out.size() - base);
      bitmaps[i].runOptimize();
      byte[] serialized = new byte[bitmaps[i].serializedSizeInBytes()];
      bitmaps[i].serialize(java.nio.ByteBuffer.wrap(serialized));
      out.write(serialized);
    }
    out.setInt(offsetsAt + 4 * bitmaps.length, out.size() - base);
    return out.size() - start;
  }
}
