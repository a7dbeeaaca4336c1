package io.nemeton.codecs;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Encodes a block of doubles into a self-describing byte block and decodes it whole into a double[]
 * batch. CONTRACT STUB: raw little-endian values only; real encodings replace the body, not the
 * signatures.
 *
 * <p>Stateless and thread-safe; does not allocate on decode.
 */
public final class DoubleBlockCodec {
  private DoubleBlockCodec() {}

  /** Appends the encoded block of {@code values[0, count)} to {@code out}; returns bytes written. */
  public static int encode(double[] values, int count, GrowableBytes out) {
    int start = out.size();
    out.writeByte(0);
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      out.writeDouble(values[i]);
    }
    return out.size() - start;
  }

  /** Number of values in the block at {@code offset}. */
  public static int valueCount(MemorySegment in, long offset) {
    return in.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), offset + 1);
  }

  /**
   * Decodes the block at {@code offset} into {@code destination[0, count)}; returns count.
   *
   * @throws CodecException when the block is not a valid encoded block
   */
  public static int decode(MemorySegment in, long offset, double[] destination) {
    int count = valueCount(in, offset);
    MemorySegment.copy(in, ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN),
        offset + 5, destination, 0, count);
    return count;
  }
}
