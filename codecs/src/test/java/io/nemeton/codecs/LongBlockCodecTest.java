package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class LongBlockCodecTest {
  private static final BlockEncoding[] LONG_ENCODINGS = {
      BlockEncoding.RAW, BlockEncoding.BIT_PACKED, BlockEncoding.DELTA, BlockEncoding.RUN_LENGTH};

  @Test
  void everyWidthRoundTripsInEveryEncoding() {
    SeededTrials.run("long widths", 1_000, 3, random -> {
      for (int width = 0; width <= 64; width++) {
        final int count = SeededTrials.blockSize(random);
        final long base = random.nextLong();
        final long[] values = new long[count];
        for (int i = 0; i < count; i++) {
          values[i] = base + SeededTrials.bits(random, width);
        }
        EncodedBlocks.roundTrip(values, count, null);
        for (BlockEncoding encoding : LONG_ENCODINGS) {
          EncodedBlocks.roundTrip(values, count, encoding);
        }
      }
    });
  }

  @Test
  void bitPackedWidthIsTheRangeWidth() {
    for (int width = 0; width <= 64; width++) {
      final long[] values = new long[1024];
      final long top = width == 64 ? -1L : width == 0 ? 0 : (1L << width) - 1;
      for (int i = 0; i < values.length; i++) {
        values[i] = Long.MIN_VALUE + (i % 2 == 0 ? 0 : top);
      }
      final GrowableBytes out = new GrowableBytes();
      LongBlockCodec.encode(values, values.length, BlockEncoding.BIT_PACKED, out);
      assertEquals(width, Byte.toUnsignedInt(out.array()[5 + 8]), "stored width");
      assertEquals(5 + 8 + 1 + 1024 / 8 * width, out.size(), "size at width " + width);
      EncodedBlocks.roundTrip(values, values.length, BlockEncoding.BIT_PACKED);
    }
  }

  @Test
  void extremesRoundTrip() {
    final long[][] blocks = {
        {Long.MIN_VALUE, Long.MAX_VALUE},
        {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 1},
        {-1, -2, -3, Long.MIN_VALUE},
        {Long.MAX_VALUE - 1, Long.MAX_VALUE},
        {Long.MIN_VALUE, Long.MIN_VALUE + 1},
        {7},
        {},
        {0, 0, 0, 0},
        {-5, -5, -5},
    };
    for (long[] block : blocks) {
      EncodedBlocks.roundTrip(block, block.length, null);
      for (BlockEncoding encoding : LONG_ENCODINGS) {
        EncodedBlocks.roundTrip(block, block.length, encoding);
      }
    }
    final long[] alternating = new long[1024];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    for (BlockEncoding encoding : LONG_ENCODINGS) {
      EncodedBlocks.roundTrip(alternating, alternating.length, encoding);
    }
  }

  @Test
  void choosesTheLightestEncoding() {
    final long[] constant = new long[1024];
    java.util.Arrays.fill(constant, -42);
    assertEquals(BlockEncoding.CONSTANT, EncodedBlocks.roundTrip(constant, 1024, null));
    assertEquals(BlockEncoding.RAW, EncodedBlocks.roundTrip(new long[0], 0, null));
    assertEquals(BlockEncoding.CONSTANT, EncodedBlocks.roundTrip(new long[] {99}, 1, null));

    final SplittableRandom random = new SplittableRandom(7);
    final long[] time = new long[1024];
    long now = 1_442_016_000_000L;
    for (int i = 0; i < time.length; i++) {
      now += random.nextInt(3);
      time[i] = now;
    }
    assertEquals(BlockEncoding.DELTA, EncodedBlocks.roundTrip(time, 1024, null), "sorted time column");

    final long[] small = new long[1024];
    for (int i = 0; i < small.length; i++) {
      small[i] = 1000 + random.nextInt(1000);
    }
    assertEquals(BlockEncoding.BIT_PACKED, EncodedBlocks.roundTrip(small, 1024, null), "narrow random values");

    final long[] runs = new long[1024];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = (i / 100) * 1_000_003L + Long.MIN_VALUE / 3;
    }
    assertEquals(BlockEncoding.RUN_LENGTH, EncodedBlocks.roundTrip(runs, 1024, null), "few long runs");

    final long[] wide = new long[1024];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = random.nextLong();
    }
    assertEquals(BlockEncoding.RAW, EncodedBlocks.roundTrip(wide, 1024, null), "random 64-bit values");
  }

  @Test
  void chosenIsNeverLargerThanAnyForcedEncoding() {
    SeededTrials.run("long smallest", 2_000, 40, random -> {
      final int count = SeededTrials.blockSize(random);
      final long[] values = LongGenerators.mixed(random, count);
      final GrowableBytes chosen = new GrowableBytes();
      LongBlockCodec.encode(values, count, chosen);
      for (BlockEncoding encoding : LONG_ENCODINGS) {
        final GrowableBytes forced = new GrowableBytes();
        LongBlockCodec.encode(values, count, encoding, forced);
        if (encoding != BlockEncoding.RUN_LENGTH) {
          assertTrue(chosen.size() <= forced.size(), "chosen " + chosen.size() + " > " + encoding + " " + forced.size());
        }
      }
      EncodedBlocks.roundTrip(values, count, null);
    });
  }

  @Test
  void randomBlocksRoundTrip() {
    SeededTrials.run("long random", 3_000, 60, random -> {
      final int count = SeededTrials.blockSize(random);
      final long[] values = LongGenerators.mixed(random, count);
      EncodedBlocks.roundTrip(values, count, null);
      EncodedBlocks.roundTrip(values, count, LONG_ENCODINGS[random.nextInt(LONG_ENCODINGS.length)]);
    });
  }

  @Test
  void refusesEncodingsThatDoNotApply() {
    final GrowableBytes out = new GrowableBytes();
    final IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
        () -> LongBlockCodec.encode(new long[] {1, 2}, 2, BlockEncoding.CONSTANT, out));
    assertEquals("long block: encoding=CONSTANT does not apply to these values", constant.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LongBlockCodec.encode(new long[] {1}, 1, BlockEncoding.DECIMAL, out));
    final IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> LongBlockCodec.encode(new long[3], 4, out));
    assertEquals("long block: count=4 outside 0..min(values.length=3, 65536)", count.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LongBlockCodec.encode(new long[70_000], 65_537, out));
  }
}
