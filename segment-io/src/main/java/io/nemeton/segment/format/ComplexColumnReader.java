package io.nemeton.segment.format;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.CodecException;
import io.nemeton.codecs.Compression;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.lang.foreign.MemorySegment;

/**
 * Reads a complex column (serialized sketches) block by block into a {@link ComplexBlock}.
 *
 * <p>Immutable and thread-safe; valid while the segment is open. Reading an uncompressed block
 * allocates nothing; a compressed one is inflated into the holder's reusable buffer.
 */
public final class ComplexColumnReader implements ColumnReader {
  private static final int MAX_COMPRESSION_ID = 2;

  private final ColumnDescriptor descriptor;
  private final BlockColumnParts column;

  private ComplexColumnReader(ColumnDescriptor descriptor, BlockColumnParts column) {
    this.descriptor = descriptor;
    this.column = column;
  }

  static ComplexColumnReader open(ColumnDescriptor descriptor, Region blocksRegion, Region values, int rowCount,
      int rowsPerBlock, long sizeBytes) {
    BlockColumnParts column = BlockColumnParts.open(blocksRegion, values, rowCount, rowsPerBlock,
        BlockDirectoryLayout.COMPLEX_ENTRY_BYTES, sizeBytes);
    BlockDirectory blocks = column.blocks;
    for (int b = 0; b < blocks.blockCount(); b++) {
      long offset = blocks.offset(b);
      long stored = Integer.toUnsignedLong(blocks.intField(b, BlockDirectoryLayout.COMPLEX_STORED_BYTES));
      int uncompressed = blocks.intField(b, BlockDirectoryLayout.COMPLEX_UNCOMPRESSED_BYTES);
      int compression = Byte.toUnsignedInt(blocks.byteField(b, BlockDirectoryLayout.COMPLEX_COMPRESSION));
      long next = column.blockEndLimit(b);
      boolean valid = offset + stored <= next && compression <= MAX_COMPRESSION_ID
          && uncompressed >= ComplexBlockLayout.blobsOffset(blocks.blockRowCount(b))
          && (compression != Compression.NONE.id() || stored == uncompressed)
          && SegmentFileLayout.inflationAllowed(stored, uncompressed);
      if (!valid) {
        throw blocksRegion.corrupt("block=" + b + " offset=" + offset + " storedBytes=" + stored + " uncompressedBytes="
            + uncompressed + " compression=" + compression + " invalid before offset=" + next);
      }
    }
    return new ComplexColumnReader(descriptor, column);
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  @Override
  public ColumnType type() {
    return ColumnType.COMPLEX;
  }

  @Override
  public ColumnRole role() {
    return descriptor.role();
  }

  /** The complex type name, e.g. {@code HLLSketch}, {@code thetaSketch}, {@code KllDoublesSketch}. */
  public String typeName() {
    return descriptor.complexTypeName();
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

  /** Reads block {@code block} into {@code destination}; returns its rows. */
  public int readBlock(int block, ComplexBlock destination) {
    final BlockDirectory blocks = column.blocks;
    final Region values = column.data;
    int rows = column.blockRowCount(block);
    MemorySegment data = values.verified();
    long offset = blocks.offset(block);
    int stored = blocks.intField(block, BlockDirectoryLayout.COMPLEX_STORED_BYTES);
    int uncompressed = blocks.intField(block, BlockDirectoryLayout.COMPLEX_UNCOMPRESSED_BYTES);
    int compressionId = Byte.toUnsignedInt(blocks.byteField(block, BlockDirectoryLayout.COMPLEX_COMPRESSION));
    boolean valid;
    if (compressionId == Compression.NONE.id()) {
      valid = destination.wrap(data, offset, rows, uncompressed);
    } else {
      Compression compression = Compression.fromId(compressionId);
      byte[] buffer = destination.heapBuffer(uncompressed);
      try {
        BlockCompression.decompress(compression, data, offset, stored, buffer, uncompressed);
      } catch (CodecException | IndexOutOfBoundsException e) {
        throw new SegmentCorruptException(values.file(), values.name(), "block=" + block + ": cannot decompress "
            + compression + ": " + e.getMessage(), e);
      }
      valid = destination.wrap(destination.heapSegment(), 0, rows, uncompressed);
    }
    if (!valid) {
      throw values.corrupt("block=" + block + ": value offsets do not fit the block's " + uncompressed + " bytes");
    }
    return rows;
  }
}
