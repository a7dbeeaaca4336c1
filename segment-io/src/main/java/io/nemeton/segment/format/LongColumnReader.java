package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.lang.foreign.MemorySegment;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reads a long column block by block. Null rows read as 0; {@link #nullRows()} says which they
 * are. Per-block min/max cover the non-null values, for pruning.
 *
 * <p>Immutable and thread-safe; valid while the segment is open. {@link #readBlock} fills the
 * caller's array and allocates nothing.
 */
public final class LongColumnReader implements ColumnReader {
  private final NumericColumnParts parts;

  LongColumnReader(NumericColumnParts parts) {
    this.parts = parts;
  }

  @Override
  public String name() {
    return parts.name();
  }

  @Override
  public ColumnType type() {
    return ColumnType.LONG;
  }

  @Override
  public ColumnRole role() {
    return parts.role();
  }

  @Override
  public int rowCount() {
    return parts.blocks.rowCount();
  }

  @Override
  public int blockCount() {
    return parts.blocks.blockCount();
  }

  @Override
  public long sizeBytes() {
    return parts.sizeBytes;
  }

  public int rowsPerBlock() {
    return parts.blocks.rowsPerBlock();
  }

  public int blockStartRow(int block) {
    parts.blocks.checkBlock(block);
    return parts.blocks.blockStartRow(block);
  }

  public int blockRowCount(int block) {
    parts.blocks.checkBlock(block);
    return parts.blocks.blockRowCount(block);
  }

  public boolean hasNulls() {
    return parts.hasNulls();
  }

  /** Rows whose value is null, read from the mapping without copying; empty when there are none. */
  public ImmutableRoaringBitmap nullRows() {
    return parts.nullRows;
  }

  /** Null rows in the block; equal to its row count when every row is null. */
  public int blockNullCount(int block) {
    parts.blocks.checkBlock(block);
    return parts.blocks.intField(block, BlockDirectoryLayout.NUMERIC_NULL_COUNT);
  }

  /** Smallest non-null value of the block; 0 when every row is null. */
  public long blockMin(int block) {
    parts.blocks.checkBlock(block);
    return parts.blocks.longField(block, BlockDirectoryLayout.NUMERIC_MIN);
  }

  /** Largest non-null value of the block; 0 when every row is null. */
  public long blockMax(int block) {
    parts.blocks.checkBlock(block);
    return parts.blocks.longField(block, BlockDirectoryLayout.NUMERIC_MAX);
  }

  /** Decodes block {@code block} into {@code destination[0, rows)}; returns rows. */
  public int readBlock(int block, long[] destination) {
    MemorySegment data = parts.prepareRead(block, destination.length);
    int rows = parts.blocks.blockRowCount(block);
    BlockDecoder.longs(parts.values, data, block, parts.blocks.offset(block), rows, destination);
    return rows;
  }
}
