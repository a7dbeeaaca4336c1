package io.nemeton.codecs;

import io.nemeton.codecs.internal.BlockLayout;
import io.nemeton.codecs.internal.EncoderScratch;
import io.nemeton.codecs.internal.IntBlockDecoder;
import io.nemeton.codecs.internal.IntBlockEncoder;
import io.nemeton.codecs.internal.IntBlockMatcher;
import io.nemeton.codecs.internal.LongBlockEncoder;
import io.nemeton.codecs.internal.LongStatistics;
import io.nemeton.codecs.internal.VectorSupport;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;

/**
 * Encodes a block of ints (0..65536 values; dictionary ids or any int) into a self-describing byte
 * block and decodes it whole into an int[] batch. {@link #encode(int[], int, GrowableBytes)} picks
 * the smallest of {@link BlockEncoding#RAW}, {@link BlockEncoding#CONSTANT}, {@link
 * BlockEncoding#BIT_PACKED} and {@link BlockEncoding#RUN_LENGTH} (run-length only when runs average
 * four or more values); ties go to the faster decode. Layouts: {@code codecs/README.md}.
 *
 * <p>Stateless and thread-safe. Encoding allocates scratch unless given a {@link
 * BlockEncoderScratch}; decoding never allocates (except to throw)
 * and writes only {@code destination[0, count)}. Decoding checks the header against the segment and
 * the destination and throws {@link CodecException} on a bad block; it never reads outside {@code in}.
 */
public final class IntBlockCodec {
  private static final String KIND = "int block";

  private IntBlockCodec() {}

  /** Appends the encoded block of {@code values[0, count)} to {@code out}; returns bytes written. */
  public static int encode(int[] values, int count, GrowableBytes out) {
    return encode(values, count, out, new BlockEncoderScratch());
  }

  /**
   * As {@link #encode(int[], int, GrowableBytes)} (same bytes), allocating nothing once {@code
   * scratch} has grown to the block size.
   */
  public static int encode(int[] values, int count, GrowableBytes out, BlockEncoderScratch scratch) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    final EncoderScratch arrays = scratch.arrays();
    final long[] wide = IntBlockEncoder.widen(values, count, arrays);
    final LongStatistics statistics = arrays.statistics().computeWithoutDeltas(wide, count);
    return IntBlockEncoder.write(wide, count, statistics, IntBlockEncoder.choose(statistics), out, arrays);
  }

  /**
   * Appends {@code values[0, count)} in the given encoding; returns bytes written.
   *
   * @throws IllegalArgumentException when the encoding does not apply (CONSTANT over different
   *     values, DELTA, DECIMAL)
   */
  public static int encode(int[] values, int count, BlockEncoding encoding, GrowableBytes out) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    final EncoderScratch arrays = new EncoderScratch();
    final long[] wide = IntBlockEncoder.widen(values, count, arrays);
    final LongStatistics statistics = arrays.statistics().compute(wide, count);
    if (IntBlockEncoder.encodedBytes(statistics, encoding) < 0) {
      throw new IllegalArgumentException(KIND + ": encoding=" + encoding + " does not apply to these values");
    }
    return IntBlockEncoder.write(wide, count, statistics, encoding, out, arrays);
  }

  /** The encoding {@link #encode(int[], int, GrowableBytes)} would choose for {@code values[0, count)}. */
  public static BlockEncoding chooseEncoding(int[] values, int count) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    return IntBlockEncoder.choose(LongStatistics.of(IntBlockEncoder.widen(values, count, new EncoderScratch()), count));
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
    return IntBlockDecoder.encodedLength(in, offset);
  }

  /**
   * Decodes the block at {@code offset} into {@code destination[0, count)}; returns count.
   *
   * @throws CodecException when the block is not a valid encoded int block, lies partly outside
   *     {@code in}, or holds more values than {@code destination}
   */
  public static int decode(MemorySegment in, long offset, int[] destination) {
    return IntBlockDecoder.decode(in, offset, destination, VectorSupport.ENABLED);
  }

  /**
   * ORs into {@code words} bit {@code firstBit + (p - from)} — bit {@code b} is {@code words[b >>> 6]
   * & (1L << b)} — for each position {@code p} in {@code [from, to)} of the encoded int block at
   * {@code offset} whose value equals {@code value}; returns how many matched. Any encoding is accepted; bit-packed blocks are matched without
   * decoding them to ints.
   *
   * <p>Paths, chosen once per call: a value outside a bit-packed block's frame of reference ({@code
   * base .. base + 2^width - 1}) returns 0 without reading the packed bits; constant blocks and
   * width-0 blocks set the whole range or nothing; run-length blocks set whole runs; bit-packed
   * blocks compare eight packed offsets per vector step where vectors are enabled. Never allocates
   * except to throw; other bits of {@code words} are left as they were.
   *
   * @throws CodecException when the block is not a valid encoded int block or lies partly outside
   *     {@code in}
   * @throws IllegalArgumentException when {@code [from, to)} is not inside {@code [0, count]}, or the
   *     bits {@code [firstBit, firstBit + to - from)} are not inside {@code words}
   */
  public static int matchEquals(MemorySegment in, long offset, int from, int to, int value, long[] words,
      long firstBit) {
    return IntBlockMatcher.matchEquals(in, offset, from, to, value, words, firstBit, VectorSupport.ENABLED);
  }
}
