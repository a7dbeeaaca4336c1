package io.nemeton.codecs;

import io.nemeton.codecs.internal.BlockLayout;
import io.nemeton.codecs.internal.EncoderScratch;
import io.nemeton.codecs.internal.FloatingBlockDecoder;
import io.nemeton.codecs.internal.FloatingBlockEncoder;
import io.nemeton.codecs.internal.VectorSupport;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;

/**
 * Encodes a block of floats (0..65536 values) into a self-describing byte block and decodes it whole
 * into a float[] batch, bit for bit (NaN payloads, infinities and -0.0 included). {@link
 * #encode(float[], int, GrowableBytes)} picks the smallest of {@link BlockEncoding#RAW}, {@link
 * BlockEncoding#CONSTANT} and {@link BlockEncoding#DECIMAL} (values that are exact decimals, scaled
 * to longs, then frame of reference and bit-packing); ties go to the faster decode. Layouts: {@code
 * codecs/README.md}.
 *
 * <p>Stateless and thread-safe. Encoding allocates scratch unless given a {@link
 * BlockEncoderScratch}; decoding never allocates (except to throw)
 * and writes only {@code destination[0, count)}. Decoding checks the header against the segment and
 * the destination and throws {@link CodecException} on a bad block; it never reads outside {@code in}.
 */
public final class FloatBlockCodec {
  private static final String KIND = "float block";

  private FloatBlockCodec() {}

  /** Appends the encoded block of {@code values[0, count)} to {@code out}; returns bytes written. */
  public static int encode(float[] values, int count, GrowableBytes out) {
    return FloatingBlockEncoder.encodeFloats(values, count, null, out, new EncoderScratch());
  }

  /**
   * As {@link #encode(float[], int, GrowableBytes)} (same bytes), allocating nothing once {@code
   * scratch} has grown to the block size.
   */
  public static int encode(float[] values, int count, GrowableBytes out, BlockEncoderScratch scratch) {
    return FloatingBlockEncoder.encodeFloats(values, count, null, out, scratch.arrays());
  }

  /**
   * Appends {@code values[0, count)} in the given encoding; returns bytes written.
   *
   * @throws IllegalArgumentException when the encoding does not apply (CONSTANT over different bit
   *     patterns, DECIMAL over values that are not exact decimals, any integer encoding)
   */
  public static int encode(float[] values, int count, BlockEncoding encoding, GrowableBytes out) {
    if (encoding == null) {
      throw new IllegalArgumentException(KIND + ": encoding must not be null");
    }
    return FloatingBlockEncoder.encodeFloats(values, count, encoding, out, new EncoderScratch());
  }

  /** Number of values in the block at {@code offset}; checks the header. */
  public static int valueCount(MemorySegment in, long offset) {
    return BlockLayout.count(in, offset, BlockLayout.encoding(in, offset, KIND), KIND);
  }

  /** The encoding of the block at {@code offset}; checks the header. */
  public static BlockEncoding encoding(MemorySegment in, long offset) {
    return BlockLayout.encoding(in, offset, KIND);
  }

  /** Total bytes of the block at {@code offset} (header included), checked to lie inside {@code in}. */
  public static long encodedLength(MemorySegment in, long offset) {
    return FloatingBlockDecoder.encodedLength(in, offset, 4);
  }

  /**
   * Decodes the block at {@code offset} into {@code destination[0, count)}; returns count.
   *
   * @throws CodecException when the block is not a valid encoded float block, lies partly outside
   *     {@code in}, or holds more values than {@code destination}
   */
  public static int decode(MemorySegment in, long offset, float[] destination) {
    return FloatingBlockDecoder.decodeFloats(in, offset, destination, VectorSupport.ENABLED);
  }
}
