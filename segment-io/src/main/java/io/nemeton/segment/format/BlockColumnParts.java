package io.nemeton.segment.format;

/**
 * The bookkeeping every block-wise column reader shares: its validated {@link BlockDirectory}, the
 * data region the directory points into (verified the first time a block is read), and the
 * column's size in the file. Each block accessor checks the block number first. The decoders stay
 * one static, type-specific call per block ({@code readLongs}, {@code readFloats}, ...), so every
 * call site is monomorphic.
 *
 * <p>Immutable and thread-safe; allocates nothing unless it throws; valid while the segment is
 * open.
 */
final class BlockColumnParts {
  final BlockDirectory blocks;
  final Region data;
  private final long sizeBytes;

  private BlockColumnParts(BlockDirectory blocks, Region data, long sizeBytes) {
    this.blocks = blocks;
    this.data = data;
    this.sizeBytes = sizeBytes;
  }

  /** Opens and validates the directory in {@code blocksRegion} whose offsets point into {@code data}. */
  static BlockColumnParts open(Region blocksRegion, Region data, int rowCount, int rowsPerBlock, int entryBytes,
      long sizeBytes) {
    BlockDirectory blocks = BlockDirectory.open(blocksRegion, rowCount, rowsPerBlock, entryBytes, data.sizeBytes());
    return new BlockColumnParts(blocks, data, sizeBytes);
  }

  int rowCount() {
    return blocks.rowCount();
  }

  int blockCount() {
    return blocks.blockCount();
  }

  int rowsPerBlock() {
    return blocks.rowsPerBlock();
  }

  long sizeBytes() {
    return sizeBytes;
  }

  int blockStartRow(int block) {
    blocks.checkBlock(block);
    return blocks.blockStartRow(block);
  }

  int blockRowCount(int block) {
    blocks.checkBlock(block);
    return blocks.blockRowCount(block);
  }

  /** The directory's int field of a checked block. */
  int intField(int block, int fieldOffset) {
    blocks.checkBlock(block);
    return blocks.intField(block, fieldOffset);
  }

  /** The directory's long field of a checked block. */
  long longField(int block, int fieldOffset) {
    blocks.checkBlock(block);
    return blocks.longField(block, fieldOffset);
  }

  /** The directory's double field of a checked block. */
  double doubleField(int block, int fieldOffset) {
    blocks.checkBlock(block);
    return blocks.doubleField(block, fieldOffset);
  }

  /** Where block {@code block}'s bytes must end: the next block's offset, or the end of the data. */
  long blockEndLimit(int block) {
    return block + 1 < blocks.blockCount() ? blocks.offset(block + 1) : data.sizeBytes();
  }

  /** Decodes long block {@code block} into {@code destination[0, rows)}; returns rows. */
  int readLongs(int block, long[] destination) {
    final int rows = checkedRows(block, destination.length);
    BlockDecoder.longs(data, data.verified(), block, blocks.offset(block), rows, destination);
    return rows;
  }

  /** As {@link #readLongs}, for time blocks that may be Elias–Fano coded (format version 4 on). */
  int readTimes(int block, long[] destination) {
    final int rows = checkedRows(block, destination.length);
    BlockDecoder.times(data, data.verified(), block, blocks.offset(block), rows, destination);
    return rows;
  }

  /** Sums rows {@code [from, to)} of long block {@code block}; {@code scratch} holds a block if needed. */
  long sumLongs(int block, int from, int to, long[] scratch) {
    final int rows = checkedRows(block, scratch.length);
    return BlockDecoder.sumLongs(data, data.verified(), block, blocks.offset(block), rows, from, to, scratch);
  }

  /** Adds rows {@code [from, to)} of double block {@code block} to eight lane sums (see the codec). */
  void addDoubleLanes(int block, int from, int to, double[] scratch, double[] lanes) {
    final int rows = checkedRows(block, scratch.length);
    BlockDecoder.addDoubleLanes(data, data.verified(), block, blocks.offset(block), rows, from, to, scratch, lanes);
  }

  /** Decodes float block {@code block} into {@code destination[0, rows)}; returns rows. */
  int readFloats(int block, float[] destination) {
    final int rows = checkedRows(block, destination.length);
    BlockDecoder.floats(data, data.verified(), block, blocks.offset(block), rows, destination);
    return rows;
  }

  /** Decodes double block {@code block} into {@code destination[0, rows)}; returns rows. */
  int readDoubles(int block, double[] destination) {
    final int rows = checkedRows(block, destination.length);
    BlockDecoder.doubles(data, data.verified(), block, blocks.offset(block), rows, destination);
    return rows;
  }

  /** Checks {@code block} and that a destination of {@code destinationLength} holds its rows; returns rows. */
  private int checkedRows(int block, int destinationLength) {
    blocks.checkBlock(block);
    int rows = blocks.blockRowCount(block);
    if (destinationLength < rows) {
      throw new IllegalArgumentException(data.name() + " block=" + block + ": destination length="
          + destinationLength + " < block rows=" + rows);
    }
    return rows;
  }
}
