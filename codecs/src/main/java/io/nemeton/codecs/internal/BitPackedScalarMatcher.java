package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.INT;

import java.lang.foreign.MemorySegment;

/**
 * Scalar matcher of {@link PackedLayout} streams: finds the positions whose packed offset equals a
 * target, reading each offset where it lies, without decoding the stream to an array. The reference
 * {@link BitPackedVectorMatcher} is tested against, the matcher used where vectors are off, and the
 * one both use for the few positions before and after the vector-aligned part of a range.
 *
 * <p>Stateless and thread-safe; never allocates. Callers have checked that the stream lies inside
 * {@code in}, that {@code [from, to)} lies inside its {@code count} values, that the output bits lie
 * inside {@code words}, and that {@code target} fits in {@code width} bits.
 */
public final class BitPackedScalarMatcher {
  private BitPackedScalarMatcher() {}

  /**
   * ORs bit {@code firstBit + (p - from)} into {@code words} for each position {@code p} in {@code
   * [from, to)} of a stream of {@code count} values of {@code width} (1..32) bits whose offset
   * equals {@code target}; returns how many matched.
   */
  public static int matchEquals(MemorySegment in, long dataOffset, int count, int width, int target, int from,
      int to, long[] words, long firstBit) {
    final int groupEnd = (count >>> 8) << 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    int matched = 0;
    // result bits gather in a register word and reach memory once per 64 positions: a
    // read-modify-write of words[] per position made the loop wait on its own stores
    long bits = 0;
    long bit = firstBit;
    final int lanesEnd = Math.min(to, groupEnd);
    for (int p = from; p < lanesEnd; p++, bit++) {
      final int inGroup = p & 255;
      final int bitInLane = (inGroup >>> 3) * width;
      final long wordOffset = dataOffset + (p >>> 8) * groupBytes + ((bitInLane >>> 5) << 5) + ((inGroup & 7) << 2);
      final int shift = bitInLane & 31;
      int value = in.get(INT, wordOffset) >>> shift;
      if (shift + width > 32) {
        value |= in.get(INT, wordOffset + PackedLayout.ROW_BYTES) << (32 - shift);
      }
      bits |= ((value & mask) == target ? 1L : 0L) << bit;
      if ((bit & 63) == 63) {
        matched += flush(words, bit, bits);
        bits = 0;
      }
    }
    final long tailOffset = dataOffset + (count >>> 8) * groupBytes;
    for (int p = Math.max(from, groupEnd); p < to; p++, bit++) {
      final int value = (int) BitPackedScalarDecoder.readHorizontal(in, tailOffset, p - groupEnd, width);
      bits |= (value == target ? 1L : 0L) << bit;
      if ((bit & 63) == 63) {
        matched += flush(words, bit, bits);
        bits = 0;
      }
    }
    return matched + flush(words, bit - 1, bits);
  }

  /** ORs {@code bits} into the word holding {@code bit}; returns how many it set. */
  static int flush(long[] words, long bit, long bits) {
    if (bits == 0) {
      return 0;
    }
    words[(int) (bit >>> 6)] |= bits;
    return Long.bitCount(bits);
  }
}
