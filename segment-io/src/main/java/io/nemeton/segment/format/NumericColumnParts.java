package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * What the long, float and double column readers share: the {@link BlockColumnParts} (directory and
 * lazily verified values region), the null-row bitmap, and the open-time checks that tie them
 * together (null counts per block agree with the bitmap; min is not above max).
 *
 * <p>Immutable and thread-safe; valid while the segment is open.
 */
final class NumericColumnParts {
  private static final ImmutableRoaringBitmap NO_ROWS = new MutableRoaringBitmap().toImmutableRoaringBitmap();

  final ColumnDescriptor descriptor;
  final BlockColumnParts column;
  final ImmutableRoaringBitmap nullRows;

  private NumericColumnParts(ColumnDescriptor descriptor, BlockColumnParts column, ImmutableRoaringBitmap nullRows) {
    this.descriptor = descriptor;
    this.column = column;
    this.nullRows = nullRows;
  }

  /** Opens the parts; {@code nulls} is null when the column has no null rows. */
  static NumericColumnParts open(ColumnDescriptor descriptor, Region blocksRegion, Region values, Region nulls,
      int rowCount, int rowsPerBlock, long sizeBytes) {
    BlockColumnParts column = BlockColumnParts.open(blocksRegion, values, rowCount, rowsPerBlock,
        BlockDirectoryLayout.NUMERIC_ENTRY_BYTES, sizeBytes);
    BlockDirectory blocks = column.blocks;
    ImmutableRoaringBitmap nullRows = nulls == null ? NO_ROWS : nullBitmap(nulls, rowCount);
    for (int b = 0; b < blocks.blockCount(); b++) {
      int nullCount = blocks.intField(b, BlockDirectoryLayout.NUMERIC_NULL_COUNT);
      long start = blocks.blockStartRow(b);
      long inBitmap = nullCount(nulls, nullRows, start, start + blocks.blockRowCount(b));
      if (nullCount != inBitmap) {
        throw blocksRegion.corrupt("block=" + b + " nullCount=" + nullCount + " but the null bitmap has " + inBitmap);
      }
      if (nullCount < blocks.blockRowCount(b) && !minNotAboveMax(descriptor.type(), blocks, b)) {
        throw blocksRegion.corrupt("block=" + b + " min is above max");
      }
    }
    return new NumericColumnParts(descriptor, column, nullRows);
  }

  private static boolean minNotAboveMax(ColumnType type, BlockDirectory blocks, int b) {
    if (type == ColumnType.LONG) {
      return blocks.longField(b, BlockDirectoryLayout.NUMERIC_MIN) <= blocks.longField(b, BlockDirectoryLayout.NUMERIC_MAX);
    }
    return Double.compare(blocks.doubleField(b, BlockDirectoryLayout.NUMERIC_MIN),
        blocks.doubleField(b, BlockDirectoryLayout.NUMERIC_MAX)) <= 0;
  }

  /** Null rows in [start, end); a bitmap that cannot be walked is a corrupt region. */
  private static long nullCount(Region nulls, ImmutableRoaringBitmap nullRows, long start, long end) {
    try {
      return nullRows.rangeCardinality(start, end);
    } catch (RuntimeException e) {
      throw new SegmentCorruptException(nulls.file(), nulls.name(), "not a Roaring bitmap: " + e, e);
    }
  }

  private static ImmutableRoaringBitmap nullBitmap(Region nulls, int rowCount) {
    MemorySegment bytes = nulls.verified();
    ImmutableRoaringBitmap bitmap;
    try {
      bitmap = new ImmutableRoaringBitmap(bytes.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
      if (bitmap.serializedSizeInBytes() != bytes.byteSize()) {
        throw nulls.corrupt("bitmap of " + bitmap.serializedSizeInBytes() + " bytes in a region of " + bytes.byteSize());
      }
    } catch (RuntimeException e) {
      if (e instanceof SegmentCorruptException corrupt) {
        throw corrupt;
      }
      throw new SegmentCorruptException(nulls.file(), nulls.name(), "not a Roaring bitmap: " + e, e);
    }
    if (bitmap.isEmpty() || Integer.toUnsignedLong(bitmap.last()) >= rowCount) {
      throw nulls.corrupt("null rows must be non-empty and below rowCount=" + rowCount);
    }
    return bitmap;
  }

  String name() {
    return descriptor.name();
  }

  ColumnRole role() {
    return descriptor.role();
  }

  boolean hasNulls() {
    return !nullRows.isEmpty();
  }

  /** Null rows in the block; equal to its row count when every row is null. */
  int blockNullCount(int block) {
    return column.intField(block, BlockDirectoryLayout.NUMERIC_NULL_COUNT);
  }
}
