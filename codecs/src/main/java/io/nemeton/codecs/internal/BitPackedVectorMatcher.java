package io.nemeton.codecs.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link BitPackedScalarMatcher}: in the lane-interleaved groups of a {@link
 * PackedLayout} stream, one 256-bit row load feeds eight consecutive positions; their offsets are
 * cut out, compared with the target at once, and the comparison's lane mask is already the eight
 * result bits in position order (position {@code 8*m + j} is lane {@code j}). Eight such masks make
 * one 64-bit word of the result. Widths 1..{@link BitPackedNarrowMatcher#MAX_WIDTH} go, for whole
 * 64-position chunks, to the generated kernels of {@link BitPackedNarrowMatcher} (every shift a
 * constant; about 3x faster than this loop, whose shift is carried from row to row). Positions
 * before the first multiple of 8, after the last one, and in the horizontal tail go to the scalar
 * matcher. Results are identical to it for every input.
 *
 * <p>Stateless and thread-safe; never allocates once compiled. Same caller obligations as the
 * scalar matcher.
 */
public final class BitPackedVectorMatcher {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
  private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private BitPackedVectorMatcher() {}

  /** Same contract as {@link BitPackedScalarMatcher#matchEquals}. */
  public static int matchEquals(MemorySegment in, long dataOffset, int count, int width, int target, int from,
      int to, long[] words, long firstBit) {
    if (width <= BitPackedNarrowMatcher.MAX_WIDTH) {
      final int chunkFrom = (from + 63) & -64;
      final int chunkTo = Math.min(to, (count >>> 8) << 8) & -64;
      if (chunkFrom < chunkTo) {
        return matchRows(in, dataOffset, count, width, target, from, chunkFrom, words, firstBit)
            + BitPackedNarrowMatcher.matchChunks(in, dataOffset, width, target, chunkFrom >>> 6, chunkTo >>> 6, words,
                firstBit + (chunkFrom - from))
            + matchRows(in, dataOffset, count, width, target, chunkTo, to, words, firstBit + (chunkTo - from));
      }
    }
    return matchRows(in, dataOffset, count, width, target, from, to, words, firstBit);
  }

  /**
   * Any width 1..32: the vector loop over whole value rows (eight positions) with the shift carried
   * from row to row, the scalar matcher for the positions around them.
   */
  private static int matchRows(MemorySegment in, long dataOffset, int count, int width, int target, int from,
      int to, long[] words, long firstBit) {
    if (from >= to) {
      return 0;
    }
    final int vectorFrom = (from + 7) & -8;
    final int vectorTo = Math.min(to, (count >>> 8) << 8) & -8;
    if (vectorFrom >= vectorTo) {
      return BitPackedScalarMatcher.matchEquals(in, dataOffset, count, width, target, from, to, words, firstBit);
    }
    final long delta = firstBit - from;
    int matched = BitPackedScalarMatcher.matchEquals(in, dataOffset, count, width, target, from, vectorFrom, words,
        firstBit);
    final long groupBytes = PackedLayout.groupBytes(width);
    final int firstGroup = vectorFrom >>> 8;
    final int lastGroup = (vectorTo - 1) >>> 8;
    for (int g = firstGroup; g <= lastGroup; g++) {
      final int startRow = g == firstGroup ? (vectorFrom & 255) >>> 3 : 0;
      final int endRow = g == lastGroup ? (((vectorTo - 1) & 255) >>> 3) + 1 : 32;
      matched += matchGroup(in, dataOffset + g * groupBytes, width, target, startRow, endRow, words,
          delta + ((long) g << 8));
    }
    return matched + BitPackedScalarMatcher.matchEquals(in, dataOffset, count, width, target, vectorTo, to, words,
        delta + vectorTo);
  }

  /**
   * Matches positions {@code 8*startValueRow .. 8*endValueRow - 1} of one group; position {@code q}
   * of the group goes to bit {@code groupBit + q}. Kept small so that C2 inlines every vector call.
   */
  private static int matchGroup(MemorySegment in, long groupOffset, int width, int target, int startValueRow,
      int endValueRow, long[] words, long groupBit) {
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    final IntVector wanted = IntVector.broadcast(INTS, target);
    final int startBit = startValueRow * width;
    long wordOffset = groupOffset + ((long) (startBit >>> 5) << 5);
    int shift = startBit & 31;
    IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
    int matched = 0;
    long bits = 0;
    long outBit = groupBit + ((long) startValueRow << 3);
    for (int m = startValueRow; m < endValueRow; m++) {
      IntVector value = current.lanewise(VectorOperators.LSHR, shift);
      shift += width;
      if (shift >= 32 && m < 31) {
        shift -= 32;
        wordOffset += PackedLayout.ROW_BYTES;
        current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
        if (shift > 0) {
          value = value.or(current.lanewise(VectorOperators.LSHL, width - shift));
        }
      }
      final int slot = (m - startValueRow) & 7;
      bits |= value.and(mask).compare(VectorOperators.EQ, wanted).toLong() << (slot << 3);
      if (slot == 7) {
        matched += MatchBits.orBits(words, outBit, bits);
        outBit += 64;
        bits = 0;
      }
    }
    return matched + MatchBits.orBits(words, outBit, bits);
  }
}
