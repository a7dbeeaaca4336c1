package io.nemeton.segment.format;

import io.nemeton.segment.ColumnType;

/**
 * Opens the reader of one column of a segment from its regions: picks the reader class from the
 * column's type once, and lets it validate its directory and dictionary.
 *
 * <p>Stateless and thread-safe.
 */
final class ColumnOpener {
  private ColumnOpener() {}

  static ColumnReader open(Segment segment, int index) {
    ColumnDescriptor descriptor = segment.toc().columns().get(index);
    int rows = segment.rowCount();
    int rowsPerBlock = segment.rowsPerBlock();
    long sizeBytes = segment.toc().columnSizeBytes(index);
    Region blocks = segment.region(index, RegionKind.BLOCKS);
    if (index == 0) {
      return TimeColumnReader.open(blocks, segment.region(index, RegionKind.VALUES), rows, rowsPerBlock, sizeBytes,
          segment.formatVersion());
    }
    if (descriptor.type() == ColumnType.STRING) {
      return StringColumnReader.open(descriptor, segment.region(index, RegionKind.DICTIONARY), blocks,
          segment.region(index, RegionKind.IDS), segment.region(index, RegionKind.BITMAPS), rows, rowsPerBlock,
          sizeBytes, segment.formatVersion(), segment.decodedMemory());
    }
    Region values = segment.region(index, RegionKind.VALUES);
    if (descriptor.type() == ColumnType.COMPLEX) {
      return ComplexColumnReader.open(descriptor, blocks, values, rows, rowsPerBlock, sizeBytes);
    }
    NumericColumnParts parts = NumericColumnParts.open(descriptor, blocks, values,
        segment.region(index, RegionKind.NULLS), rows, rowsPerBlock, sizeBytes);
    return switch (descriptor.type()) {
      case LONG -> new LongColumnReader(parts);
      case FLOAT -> new FloatColumnReader(parts);
      case DOUBLE -> new DoubleColumnReader(parts);
      case STRING, COMPLEX -> throw new IllegalStateException("handled above: " + descriptor.type());
    };
  }
}
