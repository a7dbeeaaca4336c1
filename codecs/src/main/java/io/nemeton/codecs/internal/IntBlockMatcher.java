package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.HEADER_BYTES;
import static io.nemeton.codecs.internal.BlockLayout.INT;
import static io.nemeton.codecs.internal.BlockLayout.LONG;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.CodecException;
import java.lang.foreign.MemorySegment;

/**
 * Finds the positions of an encoded int block whose value equals a given value and ORs them into a
 * bit set, choosing the path once per call from the block's encoding: a constant block (or a
 * bit-packed one of width 0) sets the whole range or nothing; a bit-packed block answers "none"
 * from its frame of reference alone when the value is below the base or above {@code base + 2^width
 * - 1}, and otherwise compares packed offsets in place ({@link BitPackedVectorMatcher} or its scalar
 * twin); a run-length block sets whole runs; a raw block compares value by value.
 *
 * <p>Checks the header like {@link IntBlockDecoder} and the range and bit set like a boundary
 * should. Stateless and thread-safe; never allocates except to throw.
 */
public final class IntBlockMatcher {
  private static final String KIND = IntBlockDecoder.KIND;

  private IntBlockMatcher() {}

  /** See {@code IntBlockCodec.matchEquals}; {@code vector} picks the Vector API kernel or its scalar twin. */
  public static int matchEquals(MemorySegment in, long offset, int from, int to, int value, long[] words,
      long firstBit, boolean vector) {
    final BlockEncoding encoding = BlockLayout.encoding(in, offset, KIND);
    final int count = BlockLayout.count(in, offset, encoding, KIND);
    checkRange(offset, count, from, to, value, words.length, firstBit);
    IntBlockDecoder.checkedLength(in, offset, encoding, count);
    final long body = offset + HEADER_BYTES;
    return switch (encoding) {
      case CONSTANT -> matchConstant(in.get(INT, body), from, to, value, words, firstBit);
      case BIT_PACKED -> matchBitPacked(in, body, count, from, to, value, words, firstBit, vector);
      case RUN_LENGTH -> matchRuns(in, offset, count, from, to, value, words, firstBit);
      case RAW -> matchRaw(in, body, from, to, value, words, firstBit);
      case DELTA, DECIMAL -> throw new IllegalStateException("checkedLength accepted encoding=" + encoding);
    };
  }

  private static void checkRange(long offset, int count, int from, int to, int value, int wordCount,
      long firstBit) {
    if (from < 0 || from > to || to > count) {
      throw new IllegalArgumentException(KIND + " at offset=" + offset + ": match value=" + value + " range from="
          + from + " to=" + to + " outside count=" + count);
    }
    if (firstBit < 0 || firstBit > ((long) wordCount << 6) - (to - from)) {
      throw new IllegalArgumentException(KIND + " at offset=" + offset + ": match value=" + value + " needs bits ["
          + firstBit + ", " + (firstBit + to - from) + ") but words hold bits=" + ((long) wordCount << 6));
    }
  }

  private static int matchConstant(int constant, int from, int to, int value, long[] words, long firstBit) {
    if (constant != value) {
      return 0;
    }
    MatchBits.setRange(words, firstBit, to - from);
    return to - from;
  }

  private static int matchBitPacked(MemorySegment in, long body, int count, int from, int to, int value,
      long[] words, long firstBit, boolean vector) {
    final int base = in.get(INT, body);
    final int width = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 4));
    final int target = value - base;
    if (width < 32 && (target >>> width) != 0) {
      // value - base wraps to an offset no packed value can hold: the value lies outside [min, max]
      return 0;
    }
    if (width == 0) {
      MatchBits.setRange(words, firstBit, to - from);
      return to - from;
    }
    final long data = body + IntBlockEncoder.BIT_PACKED_FIELDS;
    return vector
        ? BitPackedVectorMatcher.matchEquals(in, data, count, width, target, from, to, words, firstBit)
        : BitPackedScalarMatcher.matchEquals(in, data, count, width, target, from, to, words, firstBit);
  }

  private static int matchRuns(MemorySegment in, long offset, int count, int from, int to, int value,
      long[] words, long firstBit) {
    final long body = offset + HEADER_BYTES;
    final int runs = in.get(INT, body);
    final long base = in.get(LONG, body + 4);
    final int valueWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 12));
    final int lengthWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, body + 13));
    final long valuesOffset = body + LongBlockEncoder.RUN_LENGTH_FIELDS;
    final long lengthsOffset = valuesOffset + PackedLayout.horizontalBytes(runs, valueWidth);
    int matched = 0;
    int position = 0;
    // every run is read, even past `to`, so that a block whose runs do not cover it is refused as decode does
    for (int run = 0; run < runs; run++) {
      final int length = (int) BitPackedScalarDecoder.readHorizontal(in, lengthsOffset, run, lengthWidth) + 1;
      if (length > count - position) {
        throw new CodecException(KIND + " at offset=" + offset + " encoding=RUN_LENGTH: run=" + run + " length="
            + length + " at value=" + position + " passes value count=" + count);
      }
      final int start = Math.max(position, from);
      final int end = Math.min(position + length, to);
      if (start < end
          && (int) (base + BitPackedScalarDecoder.readHorizontal(in, valuesOffset, run, valueWidth)) == value) {
        MatchBits.setRange(words, firstBit + (start - from), end - start);
        matched += end - start;
      }
      position += length;
    }
    if (position != count) {
      throw new CodecException(KIND + " at offset=" + offset + " encoding=RUN_LENGTH: runs cover values="
          + position + " but value count=" + count);
    }
    return matched;
  }

  private static int matchRaw(MemorySegment in, long body, int from, int to, int value, long[] words,
      long firstBit) {
    int matched = 0;
    long bits = 0;
    long bit = firstBit;
    for (int p = from; p < to; p++, bit++) {
      bits |= (in.get(INT, body + 4L * p) == value ? 1L : 0L) << bit;
      if ((bit & 63) == 63) {
        matched += BitPackedScalarMatcher.flush(words, bit, bits);
        bits = 0;
      }
    }
    return matched + BitPackedScalarMatcher.flush(words, bit - 1, bits);
  }
}
