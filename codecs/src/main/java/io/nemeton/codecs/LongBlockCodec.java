package io.nemeton.codecs;

import io.nemeton.codecs.internal.BlockLayout;
import io.nemeton.codecs.internal.EncoderScratch;
import io.nemeton.codecs.internal.LongBlockDecoder;
import io.nemeton.codecs.internal.LongBlockEncoder;
import io.nemeton.codecs.internal.LongStatistics;
import io.nemeton.codecs.internal.VectorSupport;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;

/**
 * Encodes a block of longs (0..65536 values) into a self-describing byte block and decodes it whole
 * into a long[] batch. {@link #encode(long[], int, GrowableBytes)} picks the smallest of {@link
 * BlockEncoding#RAW}, {@link BlockEncoding#CONSTANT}, {@link BlockEncoding#BIT_PACKED}, {@link
 * BlockEncoding#DELTA} and {@link BlockEncoding#RUN_LENGTH} (run-length only when runs average four
 * or more values); ties go to the faster decode. Layouts: {@code codecs/README.md}.
 *
 * <p>Stateless and thread-safe. Encoding allocates scratch unless given a {@link
 * BlockEncoderScratch}; decoding never allocates (except to throw)
 * and writes only {@code destination[0, count)}. Decoding checks the header against the segment and
 * the destination and throws {@link CodecException} on a bad block; it never reads outside {@code in}.
 */
public final class LongBlockCodec {
  private static final String KIND = "long block";

  private LongBlockCodec() {}

  /** Appends the encoded block of {@code values[0, count)} to {@code out}; returns bytes written. */
  public static int encode(long[] values, int count, GrowableBytes out) {
    return encode(values, count, out, new BlockEncoderScratch());
  }

  /**
   * As {@link #encode(long[], int, GrowableBytes)} (same bytes), allocating nothing once {@code
   * scratch} has grown to the block size.
   */
  public static int encode(long[] values, int count, GrowableBytes out, BlockEncoderScratch scratch) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    final EncoderScratch arrays = scratch.arrays();
    final LongStatistics statistics = arrays.statistics().compute(values, count);
    return LongBlockEncoder.write(values, count, statistics, LongBlockEncoder.choose(statistics), out, arrays);
  }

  /**
   * Appends {@code values[0, count)} in the given encoding (for tests and for writers that know
   * better); returns bytes written.
   *
   * @throws IllegalArgumentException when the encoding does not apply (CONSTANT over different
   *     values, DECIMAL)
   */
  public static int encode(long[] values, int count, BlockEncoding encoding, GrowableBytes out) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    final LongStatistics statistics = LongStatistics.of(values, count);
    if (LongBlockEncoder.encodedBytes(statistics, encoding) < 0) {
      throw new IllegalArgumentException(KIND + ": encoding=" + encoding + " does not apply to these values");
    }
    return LongBlockEncoder.write(values, count, statistics, encoding, out, new EncoderScratch());
  }

  /** The encoding {@link #encode(long[], int, GrowableBytes)} would choose for {@code values[0, count)}. */
  public static BlockEncoding chooseEncoding(long[] values, int count) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    return LongBlockEncoder.choose(LongStatistics.of(values, count));
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
    return LongBlockDecoder.encodedLength(in, offset);
  }

  /**
   * The sum of values {@code [from, to)} of the block at {@code offset}, wrapping like Java {@code
   * long} addition (so equal to summing {@link #decode}'s values in any order). Bit-packed and
   * constant blocks are summed without writing the values out when {@code from} and {@code to} fall
   * on 256-value groups (or {@code to} is the block's end); otherwise the block is decoded into
   * {@code scratch}, which must hold its count.
   *
   * @throws CodecException as {@link #decode} does
   * @throws IllegalArgumentException when {@code [from, to)} is not inside {@code [0, count]}
   */
  public static long sumRange(MemorySegment in, long offset, int from, int to, long[] scratch) {
    return LongBlockDecoder.sumRange(in, offset, from, to, scratch, VectorSupport.ENABLED);
  }

  /**
   * Decodes the block at {@code offset} into {@code destination[0, count)}; returns count.
   *
   * @throws CodecException when the block is not a valid encoded long block, lies partly outside
   *     {@code in}, or holds more values than {@code destination}
   */
  public static int decode(MemorySegment in, long offset, long[] destination) {
    return LongBlockDecoder.decode(in, offset, destination, VectorSupport.ENABLED);
  }
}
