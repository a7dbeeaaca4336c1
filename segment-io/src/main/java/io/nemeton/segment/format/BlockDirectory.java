package io.nemeton.segment.format;

import java.lang.foreign.MemorySegment;

/**
 * A flyweight over a column's verified {@code blocks} region ({@link BlockDirectoryLayout}),
 * checked at open: block count, entry size, and that block offsets ascend inside the data region.
 * Field reads are plain loads from the mapping.
 *
 * <p>Immutable and thread-safe; valid while the segment is open.
 */
final class BlockDirectory {
  private final Region region;
  private final MemorySegment bytes;
  private final int blockCount;
  private final int entryBytes;
  private final int rowsPerBlock;
  private final int rowCount;

  private BlockDirectory(Region region, int blockCount, int entryBytes, int rowsPerBlock, int rowCount) {
    this.region = region;
    this.bytes = region.verified();
    this.blockCount = blockCount;
    this.entryBytes = entryBytes;
    this.rowsPerBlock = rowsPerBlock;
    this.rowCount = rowCount;
  }

  /**
   * Opens and validates the directory of a column of {@code rowCount} rows whose entries are
   * {@code entryBytes} long and whose data region is {@code dataBytes} long.
   */
  static BlockDirectory open(Region region, int rowCount, int rowsPerBlock, int entryBytes, long dataBytes) {
    MemorySegment bytes = region.verified();
    int expectedBlocks = BlockDirectoryLayout.blockCount(rowCount, rowsPerBlock);
    if (bytes.byteSize() < BlockDirectoryLayout.ENTRIES_OFFSET) {
      throw region.corrupt("length=" + bytes.byteSize() + " shorter than its " + BlockDirectoryLayout.ENTRIES_OFFSET
          + "-byte header");
    }
    int blockCount = bytes.get(LittleEndian.INT, BlockDirectoryLayout.BLOCK_COUNT_OFFSET);
    int storedEntryBytes = bytes.get(LittleEndian.INT, BlockDirectoryLayout.ENTRY_BYTES_OFFSET);
    if (blockCount != expectedBlocks || storedEntryBytes != entryBytes) {
      throw region.corrupt("blockCount=" + blockCount + " entryBytes=" + storedEntryBytes + " expected blockCount="
          + expectedBlocks + " entryBytes=" + entryBytes + " for rowCount=" + rowCount);
    }
    long expectedLength = BlockDirectoryLayout.regionBytes(blockCount, entryBytes);
    if (bytes.byteSize() != expectedLength) {
      throw region.corrupt("length=" + bytes.byteSize() + " expected=" + expectedLength);
    }
    BlockDirectory directory = new BlockDirectory(region, blockCount, entryBytes, rowsPerBlock, rowCount);
    long previous = 0;
    for (int b = 0; b < blockCount; b++) {
      long offset = directory.offset(b);
      if (offset < previous || offset >= dataBytes) {
        throw region.corrupt("block=" + b + " offset=" + offset + " not ascending inside data length=" + dataBytes);
      }
      previous = offset;
    }
    return directory;
  }

  int blockCount() {
    return blockCount;
  }

  int rowsPerBlock() {
    return rowsPerBlock;
  }

  int rowCount() {
    return rowCount;
  }

  int blockStartRow(int block) {
    return block * rowsPerBlock;
  }

  int blockRowCount(int block) {
    return Math.min(rowsPerBlock, rowCount - block * rowsPerBlock);
  }

  /** The first field of every entry: the block's offset in the data region. */
  long offset(int block) {
    return bytes.get(LittleEndian.LONG, BlockDirectoryLayout.ENTRIES_OFFSET + (long) block * entryBytes);
  }

  long longField(int block, int fieldOffset) {
    return bytes.get(LittleEndian.LONG, BlockDirectoryLayout.ENTRIES_OFFSET + (long) block * entryBytes + fieldOffset);
  }

  double doubleField(int block, int fieldOffset) {
    return bytes.get(LittleEndian.DOUBLE,
        BlockDirectoryLayout.ENTRIES_OFFSET + (long) block * entryBytes + fieldOffset);
  }

  int intField(int block, int fieldOffset) {
    return bytes.get(LittleEndian.INT, BlockDirectoryLayout.ENTRIES_OFFSET + (long) block * entryBytes + fieldOffset);
  }

  byte byteField(int block, int fieldOffset) {
    return bytes.get(LittleEndian.BYTE, BlockDirectoryLayout.ENTRIES_OFFSET + (long) block * entryBytes + fieldOffset);
  }

  /** Throws naming the column's directory region when {@code block} is not a block of it. */
  void checkBlock(int block) {
    if (block < 0 || block >= blockCount) {
      throw new IndexOutOfBoundsException(region.name() + ": block=" + block + " outside [0, " + blockCount + ")");
    }
  }
}
