package io.nemeton.segment.format;

import io.nemeton.bitmap.BitmapIndexFormat;
import io.nemeton.bitmap.BitmapIndexScratch;
import io.nemeton.bitmap.BitmapIndexWriter;
import io.nemeton.codecs.BlockEncoderScratch;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.segment.ColumnarSegment.StringColumn;
import java.util.Arrays;

/**
 * Writes a string column: an {@code ids} region of codec blocks (for multi-value columns a block of
 * per-row value counts then a block of ids), a {@code blocks} directory with min/max id per block,
 * the {@code dictionary} and the {@code bitmaps} inverted index. A multi-value row sets each of its
 * distinct values once in the index.
 *
 * <p>Not thread-safe; reusable. A single-value column's index is built in working memory kept from
 * column to column; a multi-value column allocates its bitmap index writer. The block loops
 * allocate nothing.
 */
final class StringColumnWriter {
  private static final int ROWS = SegmentFileLayout.ROWS_PER_BLOCK;

  private final int[] ids = new int[ROWS];
  private final int[] lengths = new int[ROWS];
  private int[] blockIds = new int[ROWS * 4];
  private int[] lastRowOfId = new int[0];
  private final GrowableBytes block = new GrowableBytes(8 * ROWS);
  private final BlockEncoderScratch encoderScratch = new BlockEncoderScratch();
  private final GrowableBytes directory = new GrowableBytes(1 << 12);
  private final GrowableBytes index = new GrowableBytes(1 << 12);
  private final BitmapIndexScratch bitmapScratch = new BitmapIndexScratch();
  private final DictionaryWriter dictionaryWriter;
  private final BitmapIndexFormat bitmapFormat;

  StringColumnWriter(CompressionChooser chooser, BitmapIndexFormat bitmapFormat, boolean frontCoding) {
    this.dictionaryWriter = new DictionaryWriter(chooser, frontCoding);
    this.bitmapFormat = bitmapFormat;
  }

  void write(RegionOutput out, int column, StringColumn data, int rowCount) {
    String name = data.name();
    int cardinality = data.cardinality();
    // single-value columns build the index in bulk from the ids after the block loop checked them;
    // multi-value rows are added one by one, each distinct value once
    BitmapIndexWriter bitmaps = data.multiValue() ? new BitmapIndexWriter(cardinality, bitmapFormat) : null;
    int blockCount = BlockDirectoryLayout.blockCount(rowCount, ROWS);
    directory.clear();
    directory.writeInt(blockCount);
    directory.writeInt(BlockDirectoryLayout.STRING_ENTRY_BYTES);
    out.begin(column, RegionKind.IDS);
    if (data.multiValue()) {
      checkRowStarts(name, data.rowStarts(), data.ids().length, rowCount);
      if (lastRowOfId.length < cardinality) {
        lastRowOfId = new int[cardinality];
      }
      Arrays.fill(lastRowOfId, 0, cardinality, -1);
      for (int b = 0; b < blockCount; b++) {
        writeMultiValueBlock(out, name, data, b * ROWS, Math.min(ROWS, rowCount - b * ROWS), cardinality, bitmaps);
      }
    } else {
      for (int b = 0; b < blockCount; b++) {
        writeSingleValueBlock(out, name, data.ids(), b * ROWS, Math.min(ROWS, rowCount - b * ROWS), cardinality);
      }
    }
    out.end();
    out.begin(column, RegionKind.BLOCKS);
    out.write(directory);
    out.end();
    if (data.utf8() != null) {
      dictionaryWriter.write(out, column, name, data.utf8());
    } else {
      dictionaryWriter.write(out, column, name, data.dictionary());
    }
    index.clear();
    if (bitmaps != null) {
      bitmaps.writeTo(index);
    } else {
      BitmapIndexWriter.writeSingleValued(data.ids(), rowCount, cardinality, bitmapFormat, index, bitmapScratch);
    }
    out.begin(column, RegionKind.BITMAPS);
    out.write(index);
    out.end();
  }

  private void writeSingleValueBlock(RegionOutput out, String name, int[] values, int start, int n,
      int cardinality) {
    final int[] scratch = ids;
    System.arraycopy(values, start, scratch, 0, n);
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      final int id = scratch[i];
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    if (min < 0 || max >= cardinality) {
      throw idOutOfRange(name, scratch, 0, n, start, cardinality);
    }
    long offset = out.regionBytes();
    block.clear();
    IntBlockCodec.encode(scratch, n, block, encoderScratch);
    out.write(block);
    entry(offset, offset, min, max, n);
  }

  private void writeMultiValueBlock(RegionOutput out, String name, StringColumn data, int start, int n,
      int cardinality, BitmapIndexWriter bitmaps) {
    final int[] rowStarts = data.rowStarts();
    final int first = rowStarts[start];
    final int count = rowStarts[start + n] - first;
    if (count > BlockDirectoryLayout.MAX_BLOCK_VALUES) {
      throw new IllegalArgumentException("column=" + name + " rows [" + start + ", " + (start + n) + "): " + count
          + " values exceed the per-block limit of " + BlockDirectoryLayout.MAX_BLOCK_VALUES);
    }
    if (blockIds.length < count) {
      blockIds = new int[Math.max(count, blockIds.length * 2)];
    }
    final int[] scratch = blockIds;
    final int[] rowLengths = lengths;
    System.arraycopy(data.ids(), first, scratch, 0, count);
    for (int i = 0; i < n; i++) {
      rowLengths[i] = rowStarts[start + i + 1] - rowStarts[start + i];
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int j = 0; j < count; j++) {
      final int id = scratch[j];
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    if (count > 0 && (min < 0 || max >= cardinality)) {
      throw idOutOfRange(name, scratch, 0, count, -1, cardinality);
    }
    final int[] lastRow = lastRowOfId;
    int j = 0;
    for (int i = 0; i < n; i++) {
      final int row = start + i;
      final int end = j + rowLengths[i];
      for (; j < end; j++) {
        final int id = scratch[j];
        if (lastRow[id] != row) {
          lastRow[id] = row;
          bitmaps.add(id, row);
        }
      }
    }
    long offset = out.regionBytes();
    block.clear();
    IntBlockCodec.encode(rowLengths, n, block, encoderScratch);
    out.write(block);
    long idsOffset = out.regionBytes();
    block.clear();
    IntBlockCodec.encode(scratch, count, block, encoderScratch);
    out.write(block);
    entry(offset, idsOffset, count == 0 ? 0 : min, count == 0 ? -1 : max, count);
  }

  private void entry(long offset, long idsOffset, int minId, int maxId, int valueCount) {
    directory.writeLong(offset);
    directory.writeLong(idsOffset);
    directory.writeInt(minId);
    directory.writeInt(maxId);
    directory.writeInt(valueCount);
    directory.writeInt(0);
  }

  private static void checkRowStarts(String name, int[] rowStarts, int idCount, int rowCount) {
    if (rowStarts[0] < 0 || rowStarts[rowCount] > idCount) {
      throw new IllegalArgumentException("column=" + name + ": rowStarts span [" + rowStarts[0] + ", "
          + rowStarts[rowCount] + ") outside ids length=" + idCount);
    }
    for (int r = 0; r < rowCount; r++) {
      if (rowStarts[r + 1] < rowStarts[r]) {
        throw new IllegalArgumentException("column=" + name + " row=" + r + ": rowStarts decrease from "
            + rowStarts[r] + " to " + rowStarts[r + 1]);
      }
    }
  }

  private static IllegalArgumentException idOutOfRange(String name, int[] values, int from, int to, int startRow,
      int cardinality) {
    for (int i = from; i < to; i++) {
      if (values[i] < 0 || values[i] >= cardinality) {
        String where = startRow >= 0 ? " row=" + (startRow + i) : "";
        return new IllegalArgumentException("column=" + name + where + ": dictionary id=" + values[i]
            + " outside [0, " + cardinality + ")");
      }
    }
    throw new IllegalStateException("no id out of range");
  }
}
