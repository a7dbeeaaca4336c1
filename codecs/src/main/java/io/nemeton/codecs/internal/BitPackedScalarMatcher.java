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
    final long delta = firstBit - from;
    int matched = 0;
    final int lanesEnd = Math.min(to, groupEnd);
    for (int p = from; p < lanesEnd; p++) {
      final int inGroup = p & 255;
      final int bitInLane = (inGroup >>> 3) * width;
      final long wordOffset = dataOffset + (p >>> 8) * groupBytes + ((bitInLane >>> 5) << 5) + ((inGroup & 7) << 2);
      final int shift = bitInLane & 31;
      int value = in.get(INT, wordOffset) >>> shift;
      if (shift + width > 32) {
        value |= in.get(INT, wordOffset + PackedLayout.ROW_BYTES) << (32 - shift);
      }
      final long hit = (value & mask) == target ? 1L : 0L;
      final long bit = delta + p;
      words[(int) (bit >>> 6)] |= hit << bit;
      matched += (int) hit;
    }
    final long tailOffset = dataOffset + (count >>> 8) * groupBytes;
    for (int p = Math.max(from, groupEnd); p < to; p++) {
      final int value = (int) BitPackedScalarDecoder.readHorizontal(in, tailOffset, p - groupEnd, width);
      final long hit = value == target ? 1L : 0L;
      final long bit = delta + p;
      words[(int) (bit >>> 6)] |= hit << bit;
      matched += (int) hit;
    }
    return matched;
  }
}
