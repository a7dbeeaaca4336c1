package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.memory.GrowableBytes;
import org.junit.jupiter.api.Test;

/**
 * One {@link BlockEncoderScratch} reused across blocks of every type, size and shape (so stale
 * contents of a larger earlier block are always present) writes exactly the bytes of the
 * allocating entry points.
 */
class BlockEncoderScratchTest {
  @Test
  void reusedScratchWritesTheSameBytesAsFreshScratch() {
    final BlockEncoderScratch scratch = new BlockEncoderScratch();
    final GrowableBytes fresh = new GrowableBytes();
    final GrowableBytes reused = new GrowableBytes();
    SeededTrials.run("scratch reuse", 31_000, 400, random -> {
      final int count = SeededTrials.blockSize(random);
      final long[] longs = LongGenerators.mixed(random, count);
      fresh.clear();
      reused.clear();
      switch (random.nextInt(4)) {
        case 0 -> {
          LongBlockCodec.encode(longs, count, fresh);
          LongBlockCodec.encode(longs, count, reused, scratch);
        }
        case 1 -> {
          final int[] ints = new int[count];
          final int shift = random.nextInt(33);
          for (int i = 0; i < count; i++) {
            ints[i] = (int) (longs[i] >> shift);
          }
          IntBlockCodec.encode(ints, count, fresh);
          IntBlockCodec.encode(ints, count, reused, scratch);
        }
        case 2 -> {
          final double[] doubles = decimals(longs, count, random.nextInt(6), random.nextInt(4) == 0);
          DoubleBlockCodec.encode(doubles, count, fresh);
          DoubleBlockCodec.encode(doubles, count, reused, scratch);
        }
        default -> {
          final double[] doubles = decimals(longs, count, random.nextInt(4), random.nextInt(4) == 0);
          final float[] floats = new float[count];
          for (int i = 0; i < count; i++) {
            floats[i] = (float) doubles[i];
          }
          FloatBlockCodec.encode(floats, count, fresh);
          FloatBlockCodec.encode(floats, count, reused, scratch);
        }
      }
      assertArrayEquals(fresh.toByteArray(), reused.toByteArray(), "count=" + count);
    });
  }

  @Test
  void lastMinAndMaxAreThoseOfTheLastLongOrTimeBlock() {
    final BlockEncoderScratch scratch = new BlockEncoderScratch();
    final GrowableBytes out = new GrowableBytes();
    SeededTrials.run("last min and max", 32_000, 200, random -> {
      final int count = Math.max(1, SeededTrials.blockSize(random));
      final boolean time = random.nextBoolean();
      final long[] longs = time ? LongGenerators.sortedTimes(random, count) : LongGenerators.mixed(random, count);
      out.clear();
      if (time) {
        TimeBlockCodec.encode(longs, count, out, scratch);
      } else {
        LongBlockCodec.encode(longs, count, out, scratch);
      }
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < count; i++) {
        min = Math.min(min, longs[i]);
        max = Math.max(max, longs[i]);
      }
      assertEquals(min, scratch.lastMin(), "count=" + count);
      assertEquals(max, scratch.lastMax(), "count=" + count);
    });
  }

  /** Values with {@code decimals} decimals (mostly exact-decimal blocks), or arbitrary bit patterns. */
  private static double[] decimals(long[] longs, int count, int decimals, boolean rawBits) {
    final double[] values = new double[count];
    final double divisor = Math.pow(10, decimals);
    for (int i = 0; i < count; i++) {
      values[i] = rawBits ? Double.longBitsToDouble(longs[i]) : (double) (longs[i] % 100_000_000L) / divisor;
    }
    return values;
  }
}
