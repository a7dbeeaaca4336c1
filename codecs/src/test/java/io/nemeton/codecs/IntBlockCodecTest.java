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
class IntBlockCodecTest {
  private static final BlockEncoding[] INT_ENCODINGS = {
      BlockEncoding.RAW, BlockEncoding.BIT_PACKED, BlockEncoding.RUN_LENGTH};

  @Test
  void everyWidthRoundTripsInEveryEncoding() {
    SeededTrials.run("int widths", 10_000, 4, random -> {
      for (int width = 0; width <= 32; width++) {
        final int count = SeededTrials.blockSize(random);
        final int base = random.nextBoolean() ? 0 : random.nextInt();
        final int[] values = new int[count];
        for (int i = 0; i < count; i++) {
          values[i] = base + (int) SeededTrials.bits(random, width);
        }
        EncodedBlocks.roundTrip(values, count, null);
        for (BlockEncoding encoding : INT_ENCODINGS) {
          EncodedBlocks.roundTrip(values, count, encoding);
        }
      }
    });
  }

  @Test
  void dictionaryIdsPackToTheirWidth() {
    final SplittableRandom random = new SplittableRandom(11);
    final int[] ids = new int[1024];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = random.nextInt(1 << 20);
    }
    ids[0] = 0;
    ids[1] = (1 << 20) - 1;
    final GrowableBytes out = new GrowableBytes();
    IntBlockCodec.encode(ids, ids.length, out);
    assertEquals(BlockEncoding.BIT_PACKED, IntBlockCodec.encoding(out.asSegment(), 0));
    assertEquals(5 + 4 + 1 + 1024 * 20 / 8, out.size());
    EncodedBlocks.roundTrip(ids, ids.length, null);
  }

  @Test
  void extremesRoundTrip() {
    final int[][] blocks = {
        {Integer.MIN_VALUE, Integer.MAX_VALUE},
        {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 1, Integer.MAX_VALUE},
        {-1}, {}, {0, 0, 0}, {Integer.MAX_VALUE, Integer.MAX_VALUE - 1},
    };
    for (int[] block : blocks) {
      EncodedBlocks.roundTrip(block, block.length, null);
      for (BlockEncoding encoding : INT_ENCODINGS) {
        EncodedBlocks.roundTrip(block, block.length, encoding);
      }
    }
  }

  @Test
  void choosesConstantRunLengthOrPacking() {
    final int[] constant = new int[1024];
    java.util.Arrays.fill(constant, 5);
    assertEquals(BlockEncoding.CONSTANT, EncodedBlocks.roundTrip(constant, 1024, null));
    final int[] runs = new int[1024];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = 17 + (i / 256) * 100_000;
    }
    assertEquals(BlockEncoding.RUN_LENGTH, EncodedBlocks.roundTrip(runs, 1024, null));
    final SplittableRandom random = new SplittableRandom(3);
    final int[] shortRuns = new int[1024];
    for (int i = 0; i < shortRuns.length; i++) {
      shortRuns[i] = i % 2 == 0 ? random.nextInt(1 << 20) : shortRuns[i - 1];
    }
    assertEquals(BlockEncoding.BIT_PACKED, EncodedBlocks.roundTrip(shortRuns, 1024, null),
        "runs of two are not worth run-length's slower decode");
    final int[] random32 = new int[1024];
    for (int i = 0; i < random32.length; i++) {
      random32[i] = random.nextInt();
    }
    random32[0] = Integer.MIN_VALUE;
    random32[1] = Integer.MAX_VALUE;
    assertEquals(BlockEncoding.RAW, EncodedBlocks.roundTrip(random32, 1024, null), "full range ints");
  }

  @Test
  void randomBlocksRoundTripAndChosenIsSmallest() {
    SeededTrials.run("int random", 11_000, 60, random -> {
      final int count = SeededTrials.blockSize(random);
      final long[] wide = LongGenerators.mixed(random, count);
      final int[] values = new int[count];
      final int shift = random.nextInt(33);
      for (int i = 0; i < count; i++) {
        values[i] = (int) (wide[i] >> shift);
      }
      final GrowableBytes chosen = new GrowableBytes();
      IntBlockCodec.encode(values, count, chosen);
      for (BlockEncoding encoding : new BlockEncoding[] {BlockEncoding.RAW, BlockEncoding.BIT_PACKED}) {
        final GrowableBytes forced = new GrowableBytes();
        IntBlockCodec.encode(values, count, encoding, forced);
        assertTrue(chosen.size() <= forced.size(), "chosen " + chosen.size() + " > " + encoding + " " + forced.size());
      }
      EncodedBlocks.roundTrip(values, count, null);
      EncodedBlocks.roundTrip(values, count, INT_ENCODINGS[random.nextInt(INT_ENCODINGS.length)]);
    });
  }

  @Test
  void refusesEncodingsThatDoNotApply() {
    final GrowableBytes out = new GrowableBytes();
    assertThrows(IllegalArgumentException.class, () -> IntBlockCodec.encode(new int[] {1}, 1, BlockEncoding.DELTA, out));
    assertThrows(IllegalArgumentException.class,
        () -> IntBlockCodec.encode(new int[] {1}, 1, BlockEncoding.DECIMAL, out));
    assertThrows(IllegalArgumentException.class,
        () -> IntBlockCodec.encode(new int[] {1, 2}, 2, BlockEncoding.CONSTANT, out));
  }
}
