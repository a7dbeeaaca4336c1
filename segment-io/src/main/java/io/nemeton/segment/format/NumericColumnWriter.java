package io.nemeton.segment.format;

import io.nemeton.codecs.BlockEncoderScratch;
import io.nemeton.codecs.DoubleBlockCodec;
import io.nemeton.codecs.FloatBlockCodec;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.codecs.TimeBlockCodec;
import io.nemeton.memory.GrowableBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.roaringbitmap.RoaringBitmap;

/**
 * Writes time, long, float and double columns: a {@code values} region of codec blocks, a {@code
 * blocks} directory with per-block min/max and null counts, and a {@code nulls} bitmap when the
 * column has nulls. Null rows are stored as 0 so they compress and compare the same everywhere.
 *
 * <p>Not thread-safe; reusable. Allocates its scratch once; per column only the directory grows
 * and the null bitmap is copied once. The loops per block copy, zero nulls and take min/max over
 * primitive arrays without allocation or boxing.
 */
final class NumericColumnWriter {
  private static final int ROWS = SegmentFileLayout.ROWS_PER_BLOCK;

  private final long[] longs = new long[ROWS];
  private final float[] floats = new float[ROWS];
  private final double[] doubles = new double[ROWS];
  private final int[] nullPositions = new int[ROWS];
  private final NullRowCursor nulls = new NullRowCursor();
  private final BlockEncoderScratch encoderScratch = new BlockEncoderScratch();
  private final GrowableBytes block = new GrowableBytes(16 * ROWS);
  private final GrowableBytes directory = new GrowableBytes(1 << 12);
  /** Min and max of the block being written, as raw long bits or sortable bits (see below). */
  private long blockMin;
  private long blockMax;

  /** Writes {@code __time} (column 0) after checking it ascends and lies in the interval. */
  void writeTime(RegionOutput out, long[] times, int rowCount, long intervalStartMs, long intervalEndMs,
      boolean eliasFano) {
    int blockCount = BlockDirectoryLayout.blockCount(rowCount, ROWS);
    startDirectory(blockCount);
    out.begin(0, RegionKind.VALUES);
    final long[] scratch = longs;
    long previous = Long.MIN_VALUE;
    for (int b = 0; b < blockCount; b++) {
      final int start = b * ROWS;
      final int n = copyBlock(times, scratch, b, rowCount);
      boolean ascending = scratch[0] >= previous;
      for (int i = 1; i < n; i++) {
        ascending &= scratch[i] >= scratch[i - 1];
      }
      if (!ascending) {
        throw unsorted(times, start, n);
      }
      if (scratch[0] < intervalStartMs || scratch[n - 1] >= intervalEndMs) {
        int row = scratch[0] < intervalStartMs ? start : start + n - 1;
        throw new IllegalArgumentException("column=__time row=" + row + ": time=" + times[row]
            + " outside the segment interval [" + intervalStartMs + ", " + intervalEndMs + ")");
      }
      previous = scratch[n - 1];
      block.clear();
      if (eliasFano) {
        TimeBlockCodec.encode(scratch, n, block, encoderScratch);
      } else {
        LongBlockCodec.encode(scratch, n, block, encoderScratch);
      }
      endBlock(out, n, 0, scratch[0], scratch[n - 1]);
    }
    out.end();
    writeDirectory(out, 0);
  }

  void writeLong(RegionOutput out, int column, String name, long[] values, RoaringBitmap nullRows, int rowCount) {
    int blockCount = prepare(out, column, name, nullRows, rowCount);
    final long[] scratch = longs;
    for (int b = 0; b < blockCount; b++) {
      final int n = copyBlock(values, scratch, b, rowCount);
      final int nullCount = nulls.collect(b * ROWS, b * ROWS + n, nullPositions);
      if (nullCount == 0) {
        // without nulls the codec's statistics are the block's: one pass over the values, not two
        block.clear();
        LongBlockCodec.encode(scratch, n, block, encoderScratch);
        endBlock(out, n, 0, encoderScratch.lastMin(), encoderScratch.lastMax());
        continue;
      }
      blockMin = Long.MAX_VALUE;
      blockMax = Long.MIN_VALUE;
      int from = 0;
      for (int k = 0; k < nullCount; k++) {
        final int to = nullPositions[k];
        scratch[to] = 0;
        longRange(scratch, from, to);
        from = to + 1;
      }
      longRange(scratch, from, n);
      block.clear();
      LongBlockCodec.encode(scratch, n, block, encoderScratch);
      endBlock(out, n, nullCount, blockMin, blockMax);
    }
    finish(out, column, nullRows);
  }

  void writeFloat(RegionOutput out, int column, String name, float[] values, RoaringBitmap nullRows, int rowCount) {
    int blockCount = prepare(out, column, name, nullRows, rowCount);
    final float[] scratch = floats;
    for (int b = 0; b < blockCount; b++) {
      final int n = copyBlock(values, scratch, b, rowCount);
      final int nullCount = nulls.collect(b * ROWS, b * ROWS + n, nullPositions);
      blockMin = Integer.MAX_VALUE;
      blockMax = Integer.MIN_VALUE;
      int from = 0;
      for (int k = 0; k < nullCount; k++) {
        final int to = nullPositions[k];
        scratch[to] = 0;
        floatRange(scratch, from, to);
        from = to + 1;
      }
      floatRange(scratch, from, n);
      block.clear();
      FloatBlockCodec.encode(scratch, n, block, encoderScratch);
      // The directory holds float min/max widened to double, like every floating column.
      double min = Float.intBitsToFloat(floatFromSortable((int) blockMin));
      double max = Float.intBitsToFloat(floatFromSortable((int) blockMax));
      endBlock(out, n, nullCount, Double.doubleToRawLongBits(min), Double.doubleToRawLongBits(max));
    }
    finish(out, column, nullRows);
  }

  void writeDouble(RegionOutput out, int column, String name, double[] values, RoaringBitmap nullRows, int rowCount) {
    int blockCount = prepare(out, column, name, nullRows, rowCount);
    final double[] scratch = doubles;
    for (int b = 0; b < blockCount; b++) {
      final int n = copyBlock(values, scratch, b, rowCount);
      final int nullCount = nulls.collect(b * ROWS, b * ROWS + n, nullPositions);
      blockMin = Long.MAX_VALUE;
      blockMax = Long.MIN_VALUE;
      int from = 0;
      for (int k = 0; k < nullCount; k++) {
        final int to = nullPositions[k];
        scratch[to] = 0;
        doubleRange(scratch, from, to);
        from = to + 1;
      }
      doubleRange(scratch, from, n);
      block.clear();
      DoubleBlockCodec.encode(scratch, n, block, encoderScratch);
      endBlock(out, n, nullCount, doubleFromSortable(blockMin), doubleFromSortable(blockMax));
    }
    finish(out, column, nullRows);
  }

  private void longRange(long[] values, int from, int to) {
    long min = blockMin;
    long max = blockMax;
    for (int i = from; i < to; i++) {
      final long v = values[i];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    blockMin = min;
    blockMax = max;
  }

  /**
   * Float min/max in {@link Float#compare} order: canonical bits with the magnitude bits of
   * negatives flipped compare as signed ints in that order (NaN highest, -0.0 below 0.0).
   */
  private void floatRange(float[] values, int from, int to) {
    int min = (int) blockMin;
    int max = (int) blockMax;
    for (int i = from; i < to; i++) {
      int bits = Float.floatToIntBits(values[i]);
      bits ^= (bits >> 31) & Integer.MAX_VALUE;
      min = Math.min(min, bits);
      max = Math.max(max, bits);
    }
    blockMin = min;
    blockMax = max;
  }

  /** Double min/max in {@link Double#compare} order, the same trick on 64 bits. */
  private void doubleRange(double[] values, int from, int to) {
    long min = blockMin;
    long max = blockMax;
    for (int i = from; i < to; i++) {
      long bits = Double.doubleToLongBits(values[i]);
      bits ^= (bits >> 63) & Long.MAX_VALUE;
      min = Math.min(min, bits);
      max = Math.max(max, bits);
    }
    blockMin = min;
    blockMax = max;
  }

  private static int floatFromSortable(int sortable) {
    return sortable ^ ((sortable >> 31) & Integer.MAX_VALUE);
  }

  private static long doubleFromSortable(long sortable) {
    return sortable ^ ((sortable >> 63) & Long.MAX_VALUE);
  }

  /** Checks the null rows, starts the directory and opens the values region; returns blocks. */
  private int prepare(RegionOutput out, int column, String name, RoaringBitmap nullRows, int rowCount) {
    if (nullRows != null && !nullRows.isEmpty() && Integer.toUnsignedLong(nullRows.last()) >= rowCount) {
      throw new IllegalArgumentException("column=" + name + ": null row="
          + Integer.toUnsignedString(nullRows.last()) + " >= rowCount=" + rowCount);
    }
    nulls.reset(nullRows);
    int blockCount = BlockDirectoryLayout.blockCount(rowCount, ROWS);
    startDirectory(blockCount);
    out.begin(column, RegionKind.VALUES);
    return blockCount;
  }

  /** Copies block {@code b} of {@code values} into {@code scratch} (arrays of one type); returns its rows. */
  private static int copyBlock(Object values, Object scratch, int b, int rowCount) {
    final int start = b * ROWS;
    final int n = Math.min(ROWS, rowCount - start);
    System.arraycopy(values, start, scratch, 0, n);
    return n;
  }

  /**
   * Appends the encoded block to the values region and its directory entry; a block whose rows are
   * all null stores min = max = 0 whatever the statistics say.
   */
  private void endBlock(RegionOutput out, int n, int nullCount, long minBits, long maxBits) {
    long offset = out.regionBytes();
    out.write(block);
    boolean allNull = nullCount == n;
    entry(offset, allNull ? 0 : minBits, allNull ? 0 : maxBits, nullCount);
  }

  private void finish(RegionOutput out, int column, RoaringBitmap nullRows) {
    out.end();
    writeDirectory(out, column);
    if (nullRows != null && !nullRows.isEmpty()) {
      RoaringBitmap compact = nullRows.clone();
      compact.runOptimize();
      byte[] bytes = new byte[compact.serializedSizeInBytes()];
      compact.serialize(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
      out.begin(column, RegionKind.NULLS);
      out.write(bytes, 0, bytes.length);
      out.end();
    }
  }

  private void startDirectory(int blockCount) {
    directory.clear();
    directory.writeInt(blockCount);
    directory.writeInt(BlockDirectoryLayout.NUMERIC_ENTRY_BYTES);
  }

  private void entry(long offset, long minBits, long maxBits, int nullCount) {
    directory.writeLong(offset);
    directory.writeLong(minBits);
    directory.writeLong(maxBits);
    directory.writeInt(nullCount);
    directory.writeInt(0);
  }

  private void writeDirectory(RegionOutput out, int column) {
    out.begin(column, RegionKind.BLOCKS);
    out.write(directory);
    out.end();
  }

  private static IllegalArgumentException unsorted(long[] times, int start, int n) {
    int row = start > 0 && times[start] < times[start - 1] ? start : start + 1;
    while (row < start + n - 1 && times[row] >= times[row - 1]) {
      row++;
    }
    return new IllegalArgumentException("column=__time row=" + row + ": time=" + times[row]
        + " is before the previous row's time=" + times[row - 1] + " (rows must be sorted by time)");
  }
}
