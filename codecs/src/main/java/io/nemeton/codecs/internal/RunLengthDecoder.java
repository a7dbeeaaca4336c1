package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.HEADER_BYTES;
import static io.nemeton.codecs.internal.BlockLayout.INT;
import static io.nemeton.codecs.internal.BlockLayout.LONG;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.CodecException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Decodes {@code RUN_LENGTH} blocks of longs and ints. Body after the common header:
 *
 * <pre>
 *   +0   i32  run count (1..count, or 0 for an empty block)
 *   +4   i64  value base (block minimum)
 *   +12  u8   value width (0..64 for longs, 0..32 for ints)
 *   +13  u8   length width (0..16)
 *   +14  ...  run values - base, horizontal stream of 64-bit words
 *   ...  ...  run lengths - 1, horizontal stream of 64-bit words
 * </pre>
 *
 * Runs are checked to cover exactly the block's values. Stateless and thread-safe; never allocates
 * except to throw.
 */
public final class RunLengthDecoder {
  /** Run lengths are at most {@link BlockLayout#MAX_VALUES}, so length - 1 takes at most 16 bits. */
  public static final int MAX_LENGTH_WIDTH = 16;

  private RunLengthDecoder() {}

  /** Checks the fixed fields; returns the block's total length in bytes. */
  public static long checkedLength(MemorySegment in, long offset, BlockEncoding encoding, int count,
      int maxValueWidth, String kind) {
    BlockLayout.requireLength(in, offset, HEADER_BYTES + LongBlockEncoder.RUN_LENGTH_FIELDS, encoding, kind);
    final long body = offset + HEADER_BYTES;
    final int runs = in.get(INT, body);
    if (runs < 0 || runs > count || (runs == 0 && count > 0)) {
      throw new CodecException(kind + " at offset=" + offset + " encoding=" + encoding + ": run count=" + runs
          + " outside " + (count == 0 ? 0 : 1) + ".." + count);
    }
    final int valueWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 12));
    final int lengthWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 13));
    BlockLayout.requireWidth(valueWidth, maxValueWidth, offset, encoding, kind);
    BlockLayout.requireWidth(lengthWidth, MAX_LENGTH_WIDTH, offset, encoding, kind);
    return HEADER_BYTES + LongBlockEncoder.RUN_LENGTH_FIELDS + PackedLayout.horizontalBytes(runs, valueWidth)
        + PackedLayout.horizontalBytes(runs, lengthWidth);
  }

  /** Decodes a checked long block into {@code destination[0, count)}. */
  public static void toLongs(MemorySegment in, long offset, int count, long[] destination) {
    final long body = offset + HEADER_BYTES;
    final int runs = in.get(INT, body);
    final long base = in.get(LONG, body + 4);
    final int valueWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 12));
    final int lengthWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 13));
    final long valuesOffset = body + LongBlockEncoder.RUN_LENGTH_FIELDS;
    final long lengthsOffset = valuesOffset + PackedLayout.horizontalBytes(runs, valueWidth);
    int position = 0;
    for (int run = 0; run < runs; run++) {
      final long value = base + BitPackedScalarDecoder.readHorizontal(in, valuesOffset, run, valueWidth);
      final int length = (int) BitPackedScalarDecoder.readHorizontal(in, lengthsOffset, run, lengthWidth) + 1;
      if (length > count - position) {
        throw overrun(offset, run, length, position, count, "long block");
      }
      Arrays.fill(destination, position, position + length, value);
      position += length;
    }
    if (position != count) {
      throw underrun(offset, position, count, "long block");
    }
  }

  /** Decodes a checked int block into {@code destination[0, count)}. */
  public static void toInts(MemorySegment in, long offset, int count, int[] destination) {
    final long body = offset + HEADER_BYTES;
    final int runs = in.get(INT, body);
    final long base = in.get(LONG, body + 4);
    final int valueWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 12));
    final int lengthWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 13));
    final long valuesOffset = body + LongBlockEncoder.RUN_LENGTH_FIELDS;
    final long lengthsOffset = valuesOffset + PackedLayout.horizontalBytes(runs, valueWidth);
    int position = 0;
    for (int run = 0; run < runs; run++) {
      final int value = (int) (base + BitPackedScalarDecoder.readHorizontal(in, valuesOffset, run, valueWidth));
      final int length = (int) BitPackedScalarDecoder.readHorizontal(in, lengthsOffset, run, lengthWidth) + 1;
      if (length > count - position) {
        throw overrun(offset, run, length, position, count, "int block");
      }
      Arrays.fill(destination, position, position + length, value);
      position += length;
    }
    if (position != count) {
      throw underrun(offset, position, count, "int block");
    }
  }

  private static CodecException overrun(long offset, int run, int length, int position, int count, String kind) {
    return new CodecException(kind + " at offset=" + offset + " encoding=RUN_LENGTH: run=" + run + " length="
        + length + " at value=" + position + " passes value count=" + count);
  }

  private static CodecException underrun(long offset, int position, int count, String kind) {
    return new CodecException(kind + " at offset=" + offset + " encoding=RUN_LENGTH: runs cover values="
        + position + " but value count=" + count);
  }
}
