package io.nemeton.segment.format;

import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;

/**
 * Writes a complex column (serialized sketches, one blob per row): a {@code values} region of
 * blocks laid out as {@link ComplexBlockLayout}, each stored with the smallest of no compression,
 * LZ4 and Zstd, and a {@code blocks} directory locating them.
 *
 * <p>Not thread-safe; reusable. Allocates only when a block is larger than any before.
 */
final class ComplexColumnWriter {
  private static final int ROWS = SegmentFileLayout.ROWS_PER_BLOCK;

  private final GrowableBytes payload = new GrowableBytes(1 << 16);
  private final GrowableBytes directory = new GrowableBytes(1 << 12);
  private final CompressionChooser chooser;

  ComplexColumnWriter(CompressionChooser chooser) {
    this.chooser = chooser;
  }

  void write(RegionOutput out, int column, String name, byte[][] values, int rowCount) {
    int blockCount = BlockDirectoryLayout.blockCount(rowCount, ROWS);
    directory.clear();
    directory.writeInt(blockCount);
    directory.writeInt(BlockDirectoryLayout.COMPLEX_ENTRY_BYTES);
    out.begin(column, RegionKind.VALUES);
    for (int b = 0; b < blockCount; b++) {
      final int start = b * ROWS;
      final int n = Math.min(ROWS, rowCount - start);
      payload.clear();
      payload.writeInt(0);
      long total = 0;
      for (int i = 0; i < n; i++) {
        byte[] value = values[start + i];
        if (value == null) {
          throw new IllegalArgumentException("column=" + name + " row=" + (start + i) + ": complex value is null");
        }
        total += value.length;
        if (total > Integer.MAX_VALUE - ComplexBlockLayout.blobsOffset(n)) {
          throw new IllegalArgumentException("column=" + name + " block=" + b + ": values of " + total
              + " bytes exceed the 2 GiB block limit");
        }
        payload.writeInt((int) total);
      }
      for (int i = 0; i < n; i++) {
        payload.write(values[start + i]);
      }
      int size = payload.size();
      Compression compression = chooser.choose(payload.array(), 0, size, size - 1);
      GrowableBytes stored = compression == Compression.NONE ? payload : chooser.compressed();
      directory.writeLong(out.regionBytes());
      directory.writeInt(stored.size());
      directory.writeInt(size);
      directory.writeByte(compression.id());
      directory.writeByte(0);
      directory.writeShort(0);
      directory.writeInt(0);
      out.write(stored);
    }
    out.end();
    out.begin(column, RegionKind.BLOCKS);
    out.write(directory);
    out.end();
  }
}
