package io.nemeton.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.codecs.SeededTrials;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector kernels agree with their scalar twins, and both with the packed input, on every width. */
class BitPackedDecoderTest {
  private static final int[] COUNTS = {0, 1, 7, 8, 255, 256, 257, 300, 512, 1023, 1024, 1025, 2000};

  @Test
  void intsAgreeOnEveryWidth() {
    SeededTrials.run("int kernels", 90_000, 3, random -> {
      for (int width = 0; width <= 32; width++) {
        for (int count : COUNTS) {
          final int base = random.nextInt();
          final long[] offsets = offsets(random, count, width);
          final MemorySegment packed = pack(offsets, count, width, random);
          final int[] expected = new int[count];
          for (int i = 0; i < count; i++) {
            expected[i] = (int) offsets[i] + base;
          }
          final int[] scalar = new int[count + 1];
          final int[] vector = new int[count + 1];
          BitPackedScalarDecoder.toInts(packed, 3, count, width, base, scalar);
          BitPackedVectorDecoder.toInts(packed, 3, count, width, base, vector);
          assertArrayEquals(expected, Arrays.copyOf(scalar, count), "scalar width=" + width + " count=" + count);
          assertArrayEquals(expected, Arrays.copyOf(vector, count), "vector width=" + width + " count=" + count);
          assertEquals(0, scalar[count], "scalar wrote past count");
          assertEquals(0, vector[count], "vector wrote past count");
        }
      }
    });
  }

  @Test
  void longsAgreeOnEveryWidth() {
    SeededTrials.run("long kernels", 91_000, 3, random -> {
      for (int width = 0; width <= 64; width++) {
        for (int count : COUNTS) {
          final long base = random.nextInt(4) == 0 ? Long.MAX_VALUE - random.nextInt(3) : random.nextLong();
          final long[] offsets = offsets(random, count, width);
          final MemorySegment packed = pack(offsets, count, width, random);
          final long[] expected = new long[count];
          for (int i = 0; i < count; i++) {
            expected[i] = offsets[i] + base;
          }
          final long[] scalar = new long[count];
          final long[] vector = new long[count];
          BitPackedScalarDecoder.toLongs(packed, 3, count, width, base, scalar);
          BitPackedVectorDecoder.toLongs(packed, 3, count, width, base, vector);
          assertArrayEquals(expected, scalar, "scalar width=" + width + " count=" + count);
          assertArrayEquals(expected, vector, "vector width=" + width + " count=" + count);
        }
      }
    });
  }

  @Test
  void decimalsAgreeOnEveryWidth() {
    SeededTrials.run("decimal kernels", 92_000, 3, random -> {
      for (int width = 0; width <= 52; width++) {
        for (int count : COUNTS) {
          final long base = random.nextBoolean() ? -DecimalScaling.MAX_MAGNITUDE + random.nextInt(5)
              : random.nextLong(1L << 40) - (1L << 39);
          final double divisor = DecimalScaling.divisor(random.nextInt(DecimalScaling.MAX_EXPONENT + 1));
          final long[] offsets = offsets(random, count, width);
          final MemorySegment packed = pack(offsets, count, width, random);
          final double[] scalar = new double[count];
          final double[] vector = new double[count];
          final float[] scalarFloats = new float[count];
          final float[] vectorFloats = new float[count];
          BitPackedScalarDecoder.toDoubles(packed, 3, count, width, base, divisor, scalar);
          BitPackedVectorDecoder.toDoubles(packed, 3, count, width, base, divisor, vector);
          BitPackedScalarDecoder.toFloats(packed, 3, count, width, base, divisor, scalarFloats);
          BitPackedVectorDecoder.toFloats(packed, 3, count, width, base, divisor, vectorFloats);
          for (int i = 0; i < count; i++) {
            final double expected = (double) (base + offsets[i]) / divisor;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(scalar[i]), "scalar " + i);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(vector[i]),
                "vector width=" + width + " count=" + count + " i=" + i);
            assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(scalarFloats[i]));
            assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(vectorFloats[i]),
                "vector float width=" + width + " count=" + count + " i=" + i);
          }
        }
      }
    });
  }

  @Test
  void packedSizesMatchTheLayout() {
    assertEquals(0, PackedLayout.packedBytes(1024, 0));
    assertEquals(1024 * 20 / 8, PackedLayout.packedBytes(1024, 20));
    assertEquals(256 * 3 / 8 + 8, PackedLayout.packedBytes(257, 3));
    assertEquals((1000L * 40 + 63) / 64 * 8, PackedLayout.packedBytes(1000, 40));
    final GrowableBytes out = new GrowableBytes();
    for (int width = 0; width <= 64; width++) {
      out.clear();
      final int written = BitPacker.pack(new long[700], 700, 0, width, out);
      assertEquals(PackedLayout.packedBytes(700, width), written, "width " + width);
    }
  }

  private static long[] offsets(SplittableRandom random, int count, int width) {
    final long[] offsets = new long[count];
    for (int i = 0; i < count; i++) {
      // the extremes of the width are where shifts and masks go wrong
      offsets[i] = switch (random.nextInt(4)) {
        case 0 -> width == 0 ? 0 : width == 64 ? -1L : (1L << width) - 1;
        case 1 -> 0;
        default -> SeededTrials.bits(random, width);
      };
    }
    return offsets;
  }

  /** Packs at byte offset 3 of a segment that ends exactly where the stream ends. */
  private static MemorySegment pack(long[] offsets, int count, int width, SplittableRandom random) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(random.nextInt(256));
    out.writeShort(random.nextInt(65536));
    BitPacker.pack(offsets, count, 0, width, out);
    return MemorySegment.ofArray(out.toByteArray());
  }
}
