package io.nemeton.codecs.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Whole groups of the lane-interleaved layout into int[] at the byte-aligned widths 8 and 16, where
 * every word row holds exactly 4 or 2 values per lane at constant shifts: no value straddles rows,
 * so each row is loaded once and split with constant shifts, about twice the general kernel's speed
 * (see {@code codecs/README.md}). Into long[] the widening stores dominate and the general kernel is
 * as fast, so there is no long twin. Part of {@link BitPackedVectorDecoder}, which also decodes the
 * tail; same results as {@link BitPackedScalarDecoder}.
 *
 * <p>Stateless and thread-safe; never allocates once compiled.
 */
final class ByteAlignedVectorDecoder {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
  private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private ByteAlignedVectorDecoder() {}

  /** Whole groups only, width 8 or 16. */
  static void toInts(MemorySegment in, long dataOffset, int count, int width, int base, int[] destination) {
    // one small method per width: C2 stops inlining the vector operations in large methods
    if (width == 8) {
      ints8(in, dataOffset, count >>> 8, base, destination);
    } else {
      ints16(in, dataOffset, count >>> 8, base, destination);
    }
  }

  private static void ints8(MemorySegment in, long dataOffset, int groups, int base, int[] destination) {
    final int rows = groups * 8;
    for (int row = 0, at = 0; row < rows; row++, at += 32) {
      final IntVector words = IntVector.fromMemorySegment(INTS, in, dataOffset + 32L * row, ORDER);
      words.and(0xFF).add(base).intoArray(destination, at);
      words.lanewise(VectorOperators.LSHR, 8).and(0xFF).add(base).intoArray(destination, at + 8);
      words.lanewise(VectorOperators.LSHR, 16).and(0xFF).add(base).intoArray(destination, at + 16);
      words.lanewise(VectorOperators.LSHR, 24).add(base).intoArray(destination, at + 24);
    }
  }

  private static void ints16(MemorySegment in, long dataOffset, int groups, int base, int[] destination) {
    final int rows = groups * 16;
    for (int row = 0, at = 0; row < rows; row++, at += 16) {
      final IntVector words = IntVector.fromMemorySegment(INTS, in, dataOffset + 32L * row, ORDER);
      words.and(0xFFFF).add(base).intoArray(destination, at);
      words.lanewise(VectorOperators.LSHR, 16).add(base).intoArray(destination, at + 8);
    }
  }
}
