package io.nemeton.codecs.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link BitPackedScalarDecoder} for widths 0..32: one 256-bit load of a lane
 * word row feeds eight consecutive values (see {@link PackedLayout}); shifts, mask and the frame of
 * reference are applied to all eight at once. Widths 8 and 16 into int[] go to {@link
 * ByteAlignedVectorDecoder}; the tail after the last whole group and widths above 32 go to the
 * scalar decoder. Results are identical to the scalar decoder for every input.
 *
 * <p>Each kernel is one small method on purpose: in large methods C2 stops inlining Vector API
 * calls (node-count cutoff), and a vector that is not inlined is boxed on the heap, which made a
 * kernel several times slower when tried.
 *
 * <p>Stateless and thread-safe; never allocates once compiled (vectors are scalar-replaced by C2).
 * Same caller obligations as the scalar decoder.
 */
public final class BitPackedVectorDecoder {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_256;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_128;
  private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
  /**
   * Flipping bit 31 maps an unsigned 32-bit offset p to the signed int p - 2^31, so that the signed
   * int-to-double conversion (the only one AVX2 has) can widen it; {@link #SIGN_BIAS} adds 2^31 back.
   */
  private static final int SIGN_FLIP = Integer.MIN_VALUE;
  private static final long SIGN_BIAS = 1L << 31;

  private BitPackedVectorDecoder() {}

  /** Same contract as {@link BitPackedScalarDecoder#toInts}. */
  public static void toInts(MemorySegment in, long dataOffset, int count, int width, int base, int[] destination) {
    if (width == 0) {
      Arrays.fill(destination, 0, count, base);
      return;
    }
    if (width == 8 || width == 16) {
      ByteAlignedVectorDecoder.toInts(in, dataOffset, count, width, base, destination);
      scalarTailInts(in, dataOffset, count, width, base, destination, count >>> 8);
      return;
    }
    final int groups = count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    for (int g = 0; g < groups; g++) {
      long wordOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
      int shift = 0;
      for (int m = 0; m < 32; m++) {
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
        value.and(mask).add(base).intoArray(destination, first + (m << 3));
      }
    }
    scalarTailInts(in, dataOffset, count, width, base, destination, groups);
  }

  /** Same contract as {@link BitPackedScalarDecoder#toLongs}. */
  public static void toLongs(MemorySegment in, long dataOffset, int count, int width, long base,
      long[] destination) {
    if (width == 0 || width > PackedLayout.MAX_LANE_WIDTH) {
      BitPackedScalarDecoder.toLongs(in, dataOffset, count, width, base, destination);
      return;
    }
    final int groups = count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    final LongVector frame = LongVector.broadcast(LONGS, base);
    for (int g = 0; g < groups; g++) {
      long wordOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
      int shift = 0;
      for (int m = 0; m < 32; m++) {
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
        final IntVector offsets = value.and(mask);
        final int at = first + (m << 3);
        ((LongVector) offsets.convertShape(VectorOperators.ZERO_EXTEND_I2L, LONGS, 0)).add(frame)
            .intoArray(destination, at);
        ((LongVector) offsets.convertShape(VectorOperators.ZERO_EXTEND_I2L, LONGS, 1)).add(frame)
            .intoArray(destination, at + 4);
      }
    }
    scalarTailLongs(in, dataOffset, count, width, base, destination, groups);
  }

  /**
   * Same contract as {@link BitPackedScalarDecoder#toDoubles}, and the caller has also checked
   * |base| <= 2^52 so that {@code base + 2^31} and every result before the division are exact.
   */
  public static void toDoubles(MemorySegment in, long dataOffset, int count, int width, long base, double divisor,
      double[] destination) {
    if (width == 0 || width > PackedLayout.MAX_LANE_WIDTH) {
      BitPackedScalarDecoder.toDoubles(in, dataOffset, count, width, base, divisor, destination);
      return;
    }
    final int groups = count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    final DoubleVector biasedBase = DoubleVector.broadcast(DOUBLES, (double) (base + SIGN_BIAS));
    final DoubleVector scale = DoubleVector.broadcast(DOUBLES, divisor);
    for (int g = 0; g < groups; g++) {
      long wordOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
      int shift = 0;
      for (int m = 0; m < 32; m++) {
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
        final IntVector signed = value.and(mask).lanewise(VectorOperators.XOR, SIGN_FLIP);
        final int at = first + (m << 3);
        ((DoubleVector) signed.convertShape(VectorOperators.I2D, DOUBLES, 0)).add(biasedBase).div(scale)
            .intoArray(destination, at);
        ((DoubleVector) signed.convertShape(VectorOperators.I2D, DOUBLES, 1)).add(biasedBase).div(scale)
            .intoArray(destination, at + 4);
      }
    }
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = done; i < count; i++) {
      destination[i] = (double) (base + BitPackedScalarDecoder.readHorizontal(in, tailOffset, i - done, width))
          / divisor;
    }
  }

  /** Same contract as {@link #toDoubles}, rounding each quotient to float. */
  public static void toFloats(MemorySegment in, long dataOffset, int count, int width, long base, double divisor,
      float[] destination) {
    if (width == 0 || width > PackedLayout.MAX_LANE_WIDTH) {
      BitPackedScalarDecoder.toFloats(in, dataOffset, count, width, base, divisor, destination);
      return;
    }
    final int groups = count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    final DoubleVector biasedBase = DoubleVector.broadcast(DOUBLES, (double) (base + SIGN_BIAS));
    final DoubleVector scale = DoubleVector.broadcast(DOUBLES, divisor);
    for (int g = 0; g < groups; g++) {
      long wordOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
      int shift = 0;
      for (int m = 0; m < 32; m++) {
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
        final IntVector signed = value.and(mask).lanewise(VectorOperators.XOR, SIGN_FLIP);
        final int at = first + (m << 3);
        ((FloatVector) ((DoubleVector) signed.convertShape(VectorOperators.I2D, DOUBLES, 0)).add(biasedBase)
            .div(scale).convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(destination, at);
        ((FloatVector) ((DoubleVector) signed.convertShape(VectorOperators.I2D, DOUBLES, 1)).add(biasedBase)
            .div(scale).convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(destination, at + 4);
      }
    }
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = done; i < count; i++) {
      destination[i] = (float) ((double) (base
          + BitPackedScalarDecoder.readHorizontal(in, tailOffset, i - done, width)) / divisor);
    }
  }

  private static void scalarTailInts(MemorySegment in, long dataOffset, int count, int width, int base,
      int[] destination, int groups) {
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * PackedLayout.groupBytes(width);
    for (int i = done; i < count; i++) {
      destination[i] = (int) BitPackedScalarDecoder.readHorizontal(in, tailOffset, i - done, width) + base;
    }
  }

  /**
   * The wrapping sum of values {@code [from, to)} of a packed block of {@code count} values, {@code
   * width} 1..32 bits plus {@code base}, without writing them out: the offsets are widened and
   * added in registers. {@code from} is a multiple of 256 and {@code to} is a multiple of 256 or
   * {@code count}, so the range is whole groups plus, at the end, the horizontal tail.
   */
  public static long sumLongs(MemorySegment in, long dataOffset, int count, int width, long base, int from, int to) {
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    final int firstGroup = from >>> 8;
    final int endGroup = to >>> 8;
    LongVector low = LongVector.zero(LONGS);
    LongVector high = LongVector.zero(LONGS);
    for (int g = firstGroup; g < endGroup; g++) {
      long wordOffset = dataOffset + g * groupBytes;
      IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
      int shift = 0;
      for (int m = 0; m < 32; m++) {
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
        final IntVector offsets = value.and(mask);
        low = low.add((LongVector) offsets.convertShape(VectorOperators.ZERO_EXTEND_I2L, LONGS, 0));
        high = high.add((LongVector) offsets.convertShape(VectorOperators.ZERO_EXTEND_I2L, LONGS, 1));
      }
    }
    long sum = low.add(high).reduceLanes(VectorOperators.ADD) + (long) (endGroup - firstGroup) * 256 * base;
    final int groups = count >>> 8;
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = Math.max(done, from); i < to; i++) {
      sum += BitPackedScalarDecoder.readHorizontal(in, tailOffset, i - done, width) + base;
    }
    return sum;
  }

  /**
   * Adds the decimal-scaled values of whole groups {@code [from, to)} (both multiples of 256) to
   * eight lane sums, value {@code j} of the range to {@code lanes[j % 8]}, in range order, without
   * writing the values out; each value has exactly the bits {@link #toDoubles} gives it.
   */
  public static void addDoubleLanes(MemorySegment in, long dataOffset, int width, long base, double divisor,
      int from, int to, double[] lanes) {
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    final DoubleVector biasedBase = DoubleVector.broadcast(DOUBLES, (double) (base + SIGN_BIAS));
    final DoubleVector scale = DoubleVector.broadcast(DOUBLES, divisor);
    DoubleVector low = DoubleVector.fromArray(DOUBLES, lanes, 0);
    DoubleVector high = DoubleVector.fromArray(DOUBLES, lanes, 4);
    for (int g = from >>> 8; g < to >>> 8; g++) {
      long wordOffset = dataOffset + g * groupBytes;
      IntVector current = IntVector.fromMemorySegment(INTS, in, wordOffset, ORDER);
      int shift = 0;
      for (int m = 0; m < 32; m++) {
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
        final IntVector signed = value.and(mask).lanewise(VectorOperators.XOR, SIGN_FLIP);
        low = low.add(((DoubleVector) signed.convertShape(VectorOperators.I2D, DOUBLES, 0)).add(biasedBase).div(scale));
        high = high.add(((DoubleVector) signed.convertShape(VectorOperators.I2D, DOUBLES, 1)).add(biasedBase)
            .div(scale));
      }
    }
    low.intoArray(lanes, 0);
    high.intoArray(lanes, 4);
  }

  private static void scalarTailLongs(MemorySegment in, long dataOffset, int count, int width, long base,
      long[] destination, int groups) {
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * PackedLayout.groupBytes(width);
    for (int i = done; i < count; i++) {
      destination[i] = BitPackedScalarDecoder.readHorizontal(in, tailOffset, i - done, width) + base;
    }
  }
}
