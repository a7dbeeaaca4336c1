package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.HEADER_BYTES;
import static io.nemeton.codecs.internal.BlockLayout.LONG;

import io.nemeton.codecs.BlockEncoding;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Decodes a whole block of longs after checking its header against the segment and the
 * destination. The {@code vector} flag picks the Vector API kernels or their scalar twins; both give
 * the same values for every block.
 *
 * <p>Stateless and thread-safe; never allocates except to throw.
 */
public final class LongBlockDecoder {
  static final String KIND = "long block";
  private static final String VALID = "RAW, CONSTANT, BIT_PACKED, DELTA, RUN_LENGTH";

  private LongBlockDecoder() {}

  /** Total bytes of the block at {@code offset}, header included, after checking they lie in {@code in}. */
  public static long encodedLength(MemorySegment in, long offset) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, KIND);
    final int count = BlockLayout.count(in, offset, encoding, KIND);
    return checkedLength(in, offset, encoding, count);
  }

  /** Decodes the block at {@code offset} into {@code destination[0, count)}; returns count. */
  public static int decode(MemorySegment in, long offset, long[] destination, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, KIND);
    final int count = BlockLayout.count(in, offset, encoding, KIND);
    BlockLayout.requireDestination(count, destination.length, offset, encoding, KIND);
    checkedLength(in, offset, encoding, count);
    final long body = offset + HEADER_BYTES;
    switch (encoding) {
      case RAW -> MemorySegment.copy(in, LONG, body, destination, 0, count);
      case CONSTANT -> Arrays.fill(destination, 0, count, in.get(LONG, body));
      case BIT_PACKED -> {
        final long base = in.get(LONG, body);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 8));
        if (vector) {
          BitPackedVectorDecoder.toLongs(in, body + LongBlockEncoder.BIT_PACKED_FIELDS, count, width, base,
              destination);
        } else {
          BitPackedScalarDecoder.toLongs(in, body + LongBlockEncoder.BIT_PACKED_FIELDS, count, width, base,
              destination);
        }
      }
      case DELTA -> {
        final long start = in.get(LONG, body);
        final long deltaBase = in.get(LONG, body + 8);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 16));
        if (vector) {
          BitPackedVectorDecoder.toLongs(in, body + LongBlockEncoder.DELTA_FIELDS, count, width, deltaBase,
              destination);
        } else {
          BitPackedScalarDecoder.toLongs(in, body + LongBlockEncoder.DELTA_FIELDS, count, width, deltaBase,
              destination);
        }
        LongPrefixSum.scalar(destination, count, start);
      }
      case RUN_LENGTH -> RunLengthDecoder.toLongs(in, offset, count, destination);
      case DECIMAL -> throw BlockLayout.notValidFor(encoding, offset, KIND, VALID);
    }
    return count;
  }

  /**
   * The wrapping sum of values {@code [from, to)} of the block at {@code offset}, checked like
   * {@link #decode}. Constant blocks and vector-decodable bit-packed ranges that start on a
   * 256-value group and end on one (or at the block's end) are summed without writing the values
   * out; anything else is decoded into {@code scratch} (at least the block's count long) and summed.
   */
  public static long sumRange(MemorySegment in, long offset, int from, int to, long[] scratch, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, KIND);
    final int count = BlockLayout.count(in, offset, encoding, KIND);
    if (from < 0 || from > to || to > count) {
      throw new IllegalArgumentException(KIND + " at offset=" + offset + ": range from=" + from + " to=" + to
          + " outside count=" + count);
    }
    checkedLength(in, offset, encoding, count);
    final long body = offset + HEADER_BYTES;
    if (encoding == BlockEncoding.CONSTANT) {
      return (long) (to - from) * in.get(LONG, body);
    }
    if (encoding == BlockEncoding.BIT_PACKED && vector && (from & 255) == 0 && ((to & 255) == 0 || to == count)) {
      final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 8));
      if (width > 0 && width <= PackedLayout.MAX_LANE_WIDTH) {
        return BitPackedVectorDecoder.sumLongs(in, body + LongBlockEncoder.BIT_PACKED_FIELDS, count, width,
            in.get(LONG, body), from, to);
      }
    }
    decode(in, offset, scratch, vector);
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += scratch[i];
    }
    return sum;
  }

  /** Validates the encoding's fixed fields and returns the block's total length in bytes. */
  private static long checkedLength(MemorySegment in, long offset, BlockEncoding encoding, int count) {
    final long body = offset + HEADER_BYTES;
    final long length = switch (encoding) {
      case RAW -> HEADER_BYTES + 8L * count;
      case CONSTANT -> HEADER_BYTES + 8L;
      case BIT_PACKED -> {
        BlockLayout.requireLength(in, offset, HEADER_BYTES + LongBlockEncoder.BIT_PACKED_FIELDS, encoding, KIND);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 8));
        BlockLayout.requireWidth(width, 64, offset, encoding, KIND);
        yield HEADER_BYTES + LongBlockEncoder.BIT_PACKED_FIELDS + PackedLayout.packedBytes(count, width);
      }
      case DELTA -> {
        BlockLayout.requireLength(in, offset, HEADER_BYTES + LongBlockEncoder.DELTA_FIELDS, encoding, KIND);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 16));
        BlockLayout.requireWidth(width, 64, offset, encoding, KIND);
        yield HEADER_BYTES + LongBlockEncoder.DELTA_FIELDS + PackedLayout.packedBytes(count, width);
      }
      case RUN_LENGTH -> RunLengthDecoder.checkedLength(in, offset, encoding, count, 64, KIND);
      case DECIMAL -> throw BlockLayout.notValidFor(encoding, offset, KIND, VALID);
    };
    BlockLayout.requireLength(in, offset, length, encoding, KIND);
    return length;
  }
}
