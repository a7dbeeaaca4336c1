package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.HEADER_BYTES;
import static io.nemeton.codecs.internal.BlockLayout.LONG;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.CodecException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Decodes whole blocks of doubles and floats after checking the header against the segment and the
 * destination. {@code DECIMAL} body after the common header: u8 exponent (0..18), i64 frame of
 * reference (|base| <= 2^52), u8 width (0..64), then the packed scaled offsets. The {@code vector}
 * flag picks the Vector API kernels or their scalar twins; both give the same bits.
 *
 * <p>Stateless and thread-safe; never allocates except to throw.
 */
public final class FloatingBlockDecoder {
  static final String DOUBLE_KIND = "double block";
  static final String FLOAT_KIND = "float block";
  private static final String VALID = "RAW, CONSTANT, DECIMAL";

  private FloatingBlockDecoder() {}

  /** Total bytes of the block at {@code offset}; {@code valueBytes} is 8 for doubles, 4 for floats. */
  public static long encodedLength(MemorySegment in, long offset, int valueBytes) {
    final String kind = valueBytes == 8 ? DOUBLE_KIND : FLOAT_KIND;
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, kind);
    final int count = BlockLayout.count(in, offset, encoding, kind);
    return checkedLength(in, offset, encoding, count, valueBytes, kind);
  }

  /**
   * Adds values {@code [from, to)} of the double block at {@code offset} to eight lane sums, value
   * {@code from + j} to {@code lanes[j % 8]} in order (checked like {@link #decodeDoubles}).
   * Vector-decodable DECIMAL ranges on 256-value groups are summed without writing the values out;
   * anything else is decoded into {@code scratch} (at least the block's count) and added.
   */
  public static void addDoubleLanes(MemorySegment in, long offset, int from, int to, double[] scratch,
      double[] lanes, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, DOUBLE_KIND);
    final int count = BlockLayout.count(in, offset, encoding, DOUBLE_KIND);
    if (from < 0 || from > to || to > count || lanes.length < 8) {
      throw new IllegalArgumentException(DOUBLE_KIND + " at offset=" + offset + ": range from=" + from + " to=" + to
          + " outside count=" + count + " or lanes=" + lanes.length + " < 8");
    }
    checkedLength(in, offset, encoding, count, 8, DOUBLE_KIND);
    final long body = offset + HEADER_BYTES;
    if (encoding == BlockEncoding.DECIMAL && vector && (from & 255) == 0 && (to & 255) == 0) {
      final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 9));
      if (width > 0 && width <= PackedLayout.MAX_LANE_WIDTH) {
        BitPackedVectorDecoder.addDoubleLanes(in, body + DecimalScaling.FIELDS, width, in.get(LONG, body + 1),
            DecimalScaling.divisor(Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body))), from, to, lanes);
        return;
      }
    }
    decodeDoubles(in, offset, scratch, vector);
    for (int i = from; i < to; i++) {
      lanes[(i - from) & 7] += scratch[i];
    }
  }

  /** Decodes the double block at {@code offset} into {@code destination[0, count)}; returns count. */
  public static int decodeDoubles(MemorySegment in, long offset, double[] destination, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, DOUBLE_KIND);
    final int count = BlockLayout.count(in, offset, encoding, DOUBLE_KIND);
    BlockLayout.requireDestination(count, destination.length, offset, encoding, DOUBLE_KIND);
    checkedLength(in, offset, encoding, count, 8, DOUBLE_KIND);
    final long body = offset + HEADER_BYTES;
    switch (encoding) {
      case RAW -> MemorySegment.copy(in, BlockLayout.DOUBLE, body, destination, 0, count);
      case CONSTANT -> Arrays.fill(destination, 0, count, in.get(BlockLayout.DOUBLE, body));
      case DECIMAL -> {
        final double divisor = DecimalScaling.divisor(Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body)));
        final long base = in.get(LONG, body + 1);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 9));
        if (vector) {
          BitPackedVectorDecoder.toDoubles(in, body + DecimalScaling.FIELDS, count, width, base, divisor,
              destination);
        } else {
          BitPackedScalarDecoder.toDoubles(in, body + DecimalScaling.FIELDS, count, width, base, divisor,
              destination);
        }
      }
      case BIT_PACKED, DELTA, RUN_LENGTH -> throw BlockLayout.notValidFor(encoding, offset, DOUBLE_KIND, VALID);
    }
    return count;
  }

  /** Decodes the float block at {@code offset} into {@code destination[0, count)}; returns count. */
  public static int decodeFloats(MemorySegment in, long offset, float[] destination, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, FLOAT_KIND);
    final int count = BlockLayout.count(in, offset, encoding, FLOAT_KIND);
    BlockLayout.requireDestination(count, destination.length, offset, encoding, FLOAT_KIND);
    checkedLength(in, offset, encoding, count, 4, FLOAT_KIND);
    final long body = offset + HEADER_BYTES;
    switch (encoding) {
      case RAW -> MemorySegment.copy(in, BlockLayout.FLOAT, body, destination, 0, count);
      case CONSTANT -> Arrays.fill(destination, 0, count, in.get(BlockLayout.FLOAT, body));
      case DECIMAL -> {
        final double divisor = DecimalScaling.divisor(Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body)));
        final long base = in.get(LONG, body + 1);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 9));
        if (vector) {
          BitPackedVectorDecoder.toFloats(in, body + DecimalScaling.FIELDS, count, width, base, divisor,
              destination);
        } else {
          BitPackedScalarDecoder.toFloats(in, body + DecimalScaling.FIELDS, count, width, base, divisor,
              destination);
        }
      }
      case BIT_PACKED, DELTA, RUN_LENGTH -> throw BlockLayout.notValidFor(encoding, offset, FLOAT_KIND, VALID);
    }
    return count;
  }

  private static long checkedLength(MemorySegment in, long offset, BlockEncoding encoding, int count,
      int valueBytes, String kind) {
    final long length = switch (encoding) {
      case RAW -> HEADER_BYTES + (long) valueBytes * count;
      case CONSTANT -> HEADER_BYTES + valueBytes;
      case DECIMAL -> {
        BlockLayout.requireLength(in, offset, HEADER_BYTES + DecimalScaling.FIELDS, encoding, kind);
        final long body = offset + HEADER_BYTES;
        final int exponent = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body));
        if (exponent > DecimalScaling.MAX_EXPONENT) {
          throw new CodecException(kind + " at offset=" + offset + " encoding=DECIMAL: exponent=" + exponent
              + " exceeds limit=" + DecimalScaling.MAX_EXPONENT);
        }
        final long base = in.get(LONG, body + 1);
        if (base > DecimalScaling.MAX_MAGNITUDE || base < -DecimalScaling.MAX_MAGNITUDE) {
          throw new CodecException(kind + " at offset=" + offset + " encoding=DECIMAL: base=" + base
              + " outside limit=±" + DecimalScaling.MAX_MAGNITUDE);
        }
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 9));
        BlockLayout.requireWidth(width, 64, offset, encoding, kind);
        yield HEADER_BYTES + DecimalScaling.FIELDS + PackedLayout.packedBytes(count, width);
      }
      case BIT_PACKED, DELTA, RUN_LENGTH -> throw BlockLayout.notValidFor(encoding, offset, kind, VALID);
    };
    BlockLayout.requireLength(in, offset, length, encoding, kind);
    return length;
  }
}
