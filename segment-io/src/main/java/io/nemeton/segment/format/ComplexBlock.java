package io.nemeton.segment.format;

import java.lang.foreign.MemorySegment;

/**
 * A reusable holder for one decoded block of a complex column: the serialized value (for example a
 * DataSketches sketch) of each row of the block, as ranges of one memory segment. Blocks stored
 * uncompressed are read in place from the mapping; compressed ones are inflated into this holder's
 * own heap buffer, which grows to the largest block seen and is then reused.
 *
 * <p>Not thread-safe: one holder per reading thread. Everything it returns is valid until the next
 * {@link ComplexColumnReader#readBlock} into this holder, and never after the segment closes.
 */
public final class ComplexBlock {
  private int[] offsets = new int[SegmentFileLayout.ROWS_PER_BLOCK + 1];
  private byte[] heap = new byte[0];
  private MemorySegment heapSegment = MemorySegment.ofArray(heap);
  private MemorySegment bytes = heapSegment;
  private long blobsOffset;
  private int rows;

  /** Rows in the block last read. */
  public int rowCount() {
    return rows;
  }

  /** The segment holding the block's values; see {@link #valueOffset}. */
  public MemorySegment bytes() {
    return bytes;
  }

  /** Where row {@code row}'s value starts in {@link #bytes()}. */
  public long valueOffset(int row) {
    checkRow(row);
    return blobsOffset + offsets[row];
  }

  public int valueSizeBytes(int row) {
    checkRow(row);
    return offsets[row + 1] - offsets[row];
  }

  /** Row {@code row}'s value as a slice; allocates only the slice object. */
  public MemorySegment value(int row) {
    checkRow(row);
    return bytes.asSlice(blobsOffset + offsets[row], offsets[row + 1] - offsets[row]);
  }

  /** A heap copy of row {@code row}'s value. */
  public byte[] copyValue(int row) {
    return value(row).toArray(LittleEndian.BYTE);
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("row=" + row + " outside the block's [0, " + rows + ")");
    }
  }

  /** A heap buffer of at least {@code sizeBytes} for an inflated block. */
  byte[] heapBuffer(int sizeBytes) {
    if (heap.length < sizeBytes) {
      heap = new byte[Math.max(sizeBytes, heap.length + heap.length / 2)];
      heapSegment = MemorySegment.ofArray(heap);
    }
    return heap;
  }

  MemorySegment heapSegment() {
    return heapSegment;
  }

  /**
   * Points the holder at a block of {@code rowCount} rows whose offset table starts at {@code
   * tableOffset} in {@code source}, checking the table against the block's {@code blockBytes}.
   * Returns false (leaving the holder empty) when the table is inconsistent.
   */
  boolean wrap(MemorySegment source, long tableOffset, int rowCount, int blockBytes) {
    if (offsets.length < rowCount + 1) {
      offsets = new int[rowCount + 1];
    }
    final int[] table = offsets;
    MemorySegment.copy(source, LittleEndian.INT, tableOffset, table, 0, rowCount + 1);
    int tableBytes = ComplexBlockLayout.blobsOffset(rowCount);
    boolean valid = table[0] == 0 && table[rowCount] == blockBytes - tableBytes;
    for (int i = 0; i < rowCount; i++) {
      valid &= table[i + 1] >= table[i];
    }
    if (!valid) {
      rows = 0;
      return false;
    }
    bytes = source;
    blobsOffset = tableOffset + tableBytes;
    rows = rowCount;
    return true;
  }
}
