package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.HEADER_BYTES;
import static io.nemeton.codecs.internal.BlockLayout.INT;

import io.nemeton.codecs.BlockEncoding;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Decodes a whole block of ints after checking its header against the segment and the destination.
 * The {@code vector} flag picks the Vector API kernel or its scalar twin; both give the same values.
 *
 * <p>Stateless and thread-safe; never allocates except to throw.
 */
public final class IntBlockDecoder {
  static final String KIND = "int block";
  private static final String VALID = "RAW, CONSTANT, BIT_PACKED, RUN_LENGTH";

  private IntBlockDecoder() {}

  /** Total bytes of the block at {@code offset}, header included, after checking they lie in {@code in}. */
  public static long encodedLength(MemorySegment in, long offset) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, KIND);
    final int count = BlockLayout.count(in, offset, encoding, KIND);
    return checkedLength(in, offset, encoding, count);
  }

  /** Decodes the block at {@code offset} into {@code destination[0, count)}; returns count. */
  public static int decode(MemorySegment in, long offset, int[] destination, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, KIND);
    final int count = BlockLayout.count(in, offset, encoding, KIND);
    BlockLayout.requireDestination(count, destination.length, offset, encoding, KIND);
    checkedLength(in, offset, encoding, count);
    final long body = offset + HEADER_BYTES;
    switch (encoding) {
      case RAW -> MemorySegment.copy(in, INT, body, destination, 0, count);
      case CONSTANT -> Arrays.fill(destination, 0, count, in.get(INT, body));
      case BIT_PACKED -> {
        final int base = in.get(INT, body);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 4));
        if (vector) {
          BitPackedVectorDecoder.toInts(in, body + IntBlockEncoder.BIT_PACKED_FIELDS, count, width, base,
              destination);
        } else {
          BitPackedScalarDecoder.toInts(in, body + IntBlockEncoder.BIT_PACKED_FIELDS, count, width, base,
              destination);
        }
      }
      case RUN_LENGTH -> RunLengthDecoder.toInts(in, offset, count, destination);
      case DELTA, DECIMAL -> throw BlockLayout.notValidFor(encoding, offset, KIND, VALID);
    }
    return count;
  }

  /** Validates the encoding's fixed fields and returns the block's total length in bytes. */
  static long checkedLength(MemorySegment in, long offset, BlockEncoding encoding, int count) {
    final long length = switch (encoding) {
      case RAW -> HEADER_BYTES + 4L * count;
      case CONSTANT -> HEADER_BYTES + 4L;
      case BIT_PACKED -> {
        BlockLayout.requireLength(in, offset, HEADER_BYTES + IntBlockEncoder.BIT_PACKED_FIELDS, encoding, KIND);
        final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, offset + HEADER_BYTES + 4));
        BlockLayout.requireWidth(width, 32, offset, encoding, KIND);
        yield HEADER_BYTES + IntBlockEncoder.BIT_PACKED_FIELDS + PackedLayout.packedBytes(count, width);
      }
      case RUN_LENGTH -> RunLengthDecoder.checkedLength(in, offset, encoding, count, 32, KIND);
      case DELTA, DECIMAL -> throw BlockLayout.notValidFor(encoding, offset, KIND, VALID);
    };
    BlockLayout.requireLength(in, offset, length, encoding, KIND);
    return length;
  }
}
