package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;

/**
 * Reads the {@code __time} column: ascending epoch millis in blocks, with each block's first and
 * last time in the directory, so a time range maps to a row range by binary search without
 * decoding more than one block.
 *
 * <p>Immutable and thread-safe; valid while the segment is open. {@link #readBlock} fills the
 * caller's array and allocates nothing.
 */
public final class TimeColumnReader implements ColumnReader {
  private final BlockColumnParts column;
  /** Whether blocks may be Elias–Fano coded (format version 4 on); older files hold long blocks only. */
  private final boolean eliasFano;

  private TimeColumnReader(BlockColumnParts column, boolean eliasFano) {
    this.column = column;
    this.eliasFano = eliasFano;
  }

  static TimeColumnReader open(Region blocksRegion, Region values, int rowCount, int rowsPerBlock, long sizeBytes,
      int formatVersion) {
    BlockColumnParts column = BlockColumnParts.open(blocksRegion, values, rowCount, rowsPerBlock,
        BlockDirectoryLayout.NUMERIC_ENTRY_BYTES, sizeBytes);
    BlockDirectory blocks = column.blocks;
    long previousMax = Long.MIN_VALUE;
    for (int b = 0; b < blocks.blockCount(); b++) {
      long min = blocks.longField(b, BlockDirectoryLayout.NUMERIC_MIN);
      long max = blocks.longField(b, BlockDirectoryLayout.NUMERIC_MAX);
      if (min > max || min < previousMax || blocks.intField(b, BlockDirectoryLayout.NUMERIC_NULL_COUNT) != 0) {
        throw blocksRegion.corrupt("block=" + b + " min=" + min + " max=" + max + " after previous max="
            + previousMax + ": times must ascend and never be null");
      }
      previousMax = max;
    }
    return new TimeColumnReader(column, formatVersion >= SegmentFileLayout.FRONT_CODED_DICTIONARY_VERSION);
  }

  @Override
  public String name() {
    return ColumnarSegment.TIME_COLUMN;
  }

  @Override
  public ColumnType type() {
    return ColumnType.LONG;
  }

  @Override
  public ColumnRole role() {
    return ColumnRole.TIME;
  }

  @Override
  public int rowCount() {
    return column.rowCount();
  }

  @Override
  public int blockCount() {
    return column.blockCount();
  }

  @Override
  public long sizeBytes() {
    return column.sizeBytes();
  }

  public int rowsPerBlock() {
    return column.rowsPerBlock();
  }

  public int blockStartRow(int block) {
    return column.blockStartRow(block);
  }

  public int blockRowCount(int block) {
    return column.blockRowCount(block);
  }

  /** The block's first (smallest) time. */
  public long blockMin(int block) {
    return column.longField(block, BlockDirectoryLayout.NUMERIC_MIN);
  }

  /** The block's last (largest) time. */
  public long blockMax(int block) {
    return column.longField(block, BlockDirectoryLayout.NUMERIC_MAX);
  }

  /** Decodes block {@code block} into {@code destination[0, rows)}; returns rows. */
  public int readBlock(int block, long[] destination) {
    return eliasFano ? column.readTimes(block, destination) : column.readLongs(block, destination);
  }

  /**
   * The first row whose time is {@code >= timeMs}, or {@link #rowCount()} when there is none. Rows
   * {@code [lowerBoundRow(start), lowerBoundRow(end))} are those in {@code [start, end)}. Allocates
   * one block of scratch; use {@link #lowerBoundRow(long, long[])} to supply it.
   */
  public int lowerBoundRow(long timeMs) {
    return lowerBoundRow(timeMs, new long[column.rowsPerBlock()]);
  }

  /** As {@link #lowerBoundRow(long)}, decoding into {@code scratch} (at least rowsPerBlock long). */
  public int lowerBoundRow(long timeMs, long[] scratch) {
    final BlockDirectory blocks = column.blocks;
    int low = 0;
    int high = blocks.blockCount();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (blocks.longField(middle, BlockDirectoryLayout.NUMERIC_MAX) < timeMs) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low == blocks.blockCount()) {
      return blocks.rowCount();
    }
    int block = low;
    if (blocks.longField(block, BlockDirectoryLayout.NUMERIC_MIN) >= timeMs) {
      return blocks.blockStartRow(block);
    }
    int rows = readBlock(block, scratch);
    int first = 0;
    int last = rows;
    while (first < last) {
      int middle = (first + last) >>> 1;
      if (scratch[middle] < timeMs) {
        first = middle + 1;
      } else {
        last = middle;
      }
    }
    return blocks.blockStartRow(block) + first;
  }
}
