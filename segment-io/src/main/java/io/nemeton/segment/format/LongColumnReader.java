package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
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
  private final BlockColumnParts column;

  LongColumnReader(NumericColumnParts parts) {
    this.parts = parts;
    this.column = parts.column;
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

  public boolean hasNulls() {
    return parts.hasNulls();
  }

  /** Rows whose value is null, read from the mapping without copying; empty when there are none. */
  public ImmutableRoaringBitmap nullRows() {
    return parts.nullRows;
  }

  /** Null rows in the block; equal to its row count when every row is null. */
  public int blockNullCount(int block) {
    return parts.blockNullCount(block);
  }

  /** Smallest non-null value of the block; 0 when every row is null. */
  public long blockMin(int block) {
    return column.longField(block, BlockDirectoryLayout.NUMERIC_MIN);
  }

  /** Largest non-null value of the block; 0 when every row is null. */
  public long blockMax(int block) {
    return column.longField(block, BlockDirectoryLayout.NUMERIC_MAX);
  }

  /** Decodes block {@code block} into {@code destination[0, rows)}; returns rows. */
  public int readBlock(int block, long[] destination) {
    return column.readLongs(block, destination);
  }

  /**
   * The wrapping sum of rows {@code [from, to)} (positions inside block {@code block}; null rows
   * count as their stored 0), summed in the encoded form where the codec can (see {@code
   * LongBlockCodec.sumRange}); {@code scratch} (at least the block's rows) may be overwritten.
   * Allocates nothing.
   */
  public long sumBlock(int block, int from, int to, long[] scratch) {
    return column.sumLongs(block, from, to, scratch);
  }
}
