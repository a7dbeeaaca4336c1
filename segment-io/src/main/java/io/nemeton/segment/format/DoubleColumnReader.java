package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reads a double column block by block. Null rows read as 0; {@link #nullRows()} says which they
 * are. Per-block min/max cover the non-null values in {@link Double#compare} order (NaN above
 * +Infinity, -0.0 below 0.0), for pruning.
 *
 * <p>Immutable and thread-safe; valid while the segment is open. {@link #readBlock} fills the
 * caller's array and allocates nothing.
 */
public final class DoubleColumnReader implements ColumnReader {
  private final NumericColumnParts parts;
  private final BlockColumnParts column;

  DoubleColumnReader(NumericColumnParts parts) {
    this.parts = parts;
    this.column = parts.column;
  }

  @Override
  public String name() {
    return parts.name();
  }

  @Override
  public ColumnType type() {
    return ColumnType.DOUBLE;
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
  public double blockMin(int block) {
    return column.doubleField(block, BlockDirectoryLayout.NUMERIC_MIN);
  }

  /** Largest non-null value of the block; 0 when every row is null. */
  public double blockMax(int block) {
    return column.doubleField(block, BlockDirectoryLayout.NUMERIC_MAX);
  }

  /** Decodes block {@code block} into {@code destination[0, rows)}; returns rows. */
  public int readBlock(int block, double[] destination) {
    return column.readDoubles(block, destination);
  }

  /**
   * Adds rows {@code [from, to)} of block {@code block} (null rows as their stored 0) to eight lane
   * sums, row {@code from + j} to {@code lanes[j % 8]} in row order, from the encoded form where the
   * codec can ({@code DoubleBlockCodec.addLaneSums}); {@code scratch} (at least the block's rows)
   * may be overwritten. Allocates nothing.
   */
  public void addLaneSums(int block, int from, int to, double[] scratch, double[] lanes) {
    column.addDoubleLanes(block, from, to, scratch, lanes);
  }
}
