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
class FloatingBlockCodecTest {
  private static final double[] SPECIAL_DOUBLES = {
      Double.NaN, Double.longBitsToDouble(0x7ff8_0000_0000_1234L), Double.longBitsToDouble(0xfff0_0000_0000_0001L),
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
      Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e300, 1e-300, 0.1, 4503599627370497.0};
  private static final float[] SPECIAL_FLOATS = {
      Float.NaN, Float.intBitsToFloat(0x7fc0_1234), Float.intBitsToFloat(0xff80_0001), Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL,
      0.1f, 16777217.0f};

  @Test
  void pricesScaleToFewBytes() {
    final SplittableRandom random = new SplittableRandom(5);
    final double[] prices = new double[1024];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = (1000 + random.nextInt(99_000)) / 100.0; // 10.00 .. 999.99
    }
    final GrowableBytes out = new GrowableBytes();
    DoubleBlockCodec.encode(prices, prices.length, out);
    assertEquals(BlockEncoding.DECIMAL, DoubleBlockCodec.encoding(out.asSegment(), 0));
    assertEquals(2, out.array()[5], "exponent");
    assertTrue(out.size() <= 5 + 10 + 1024 * 17 / 8, "17 bits a price, size=" + out.size());
    EncodedBlocks.roundTrip(prices, prices.length, null);

    final float[] floats = new float[1024];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) ((random.nextInt(20_000) - 10_000) / 10.0);
    }
    assertEquals(BlockEncoding.DECIMAL, EncodedBlocks.roundTrip(floats, floats.length, null));
  }

  @Test
  void specialValuesRoundTripBitExactly() {
    for (double special : SPECIAL_DOUBLES) {
      final double[] block = {1.5, special, 2.25};
      EncodedBlocks.roundTrip(block, block.length, null);
      EncodedBlocks.roundTrip(block, block.length, BlockEncoding.RAW);
      final double[] constant = {special, special, special};
      assertEquals(BlockEncoding.CONSTANT, EncodedBlocks.roundTrip(constant, 3, null));
    }
    assertEquals(BlockEncoding.RAW, EncodedBlocks.roundTrip(new double[] {-0.0, 1.0, 2.0, 3.0}, 4, null),
        "-0.0 does not scale");
    assertEquals(BlockEncoding.RAW, EncodedBlocks.roundTrip(SPECIAL_DOUBLES, SPECIAL_DOUBLES.length, null));
    for (float special : SPECIAL_FLOATS) {
      final float[] block = {1.5f, special, 2.25f};
      EncodedBlocks.roundTrip(block, block.length, null);
      final float[] constant = {special, special};
      assertEquals(BlockEncoding.CONSTANT, EncodedBlocks.roundTrip(constant, 2, null));
    }
    EncodedBlocks.roundTrip(SPECIAL_FLOATS, SPECIAL_FLOATS.length, null);
    assertThrows(IllegalArgumentException.class,
        () -> DoubleBlockCodec.encode(new double[] {Double.NaN}, 1, BlockEncoding.DECIMAL, new GrowableBytes()));
  }

  @Test
  void everyExponentAndWidthRoundTrips() {
    SeededTrials.run("decimal exponents", 20_000, 2, random -> {
      for (int exponent = 0; exponent <= 18; exponent++) {
        for (int width = 0; width <= 52; width += 1 + random.nextInt(4)) {
          final int count = SeededTrials.blockSize(random);
          final long base = random.nextLong(1L << 50) - (1L << 49);
          final double power = Math.pow(10, exponent);
          final double[] doubles = new double[count];
          final float[] floats = new float[count];
          for (int i = 0; i < count; i++) {
            final long scaled = base + (SeededTrials.bits(random, width) >>> 2);
            doubles[i] = scaled / power;
            floats[i] = (float) (scaled / power);
          }
          EncodedBlocks.roundTrip(doubles, count, null);
          EncodedBlocks.roundTrip(floats, count, null);
        }
      }
    });
  }

  @Test
  void randomBlocksRoundTripInEveryEncoding() {
    SeededTrials.run("floating random", 21_000, 80, random -> {
      final int count = SeededTrials.blockSize(random);
      final double[] doubles = new double[count];
      final float[] floats = new float[count];
      final int shape = random.nextInt(5);
      final int decimals = random.nextInt(6);
      for (int i = 0; i < count; i++) {
        doubles[i] = switch (shape) {
          case 0 -> Double.longBitsToDouble(random.nextLong());
          case 1 -> SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)];
          case 2 -> random.nextInt(1_000_000) / Math.pow(10, decimals);
          case 3 -> random.nextDouble() * 1e6;
          default -> (random.nextInt(2_000) - 1_000) / 8.0;
        };
        floats[i] = shape == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) doubles[i];
      }
      final BlockEncoding chosen = EncodedBlocks.roundTrip(doubles, count, null);
      EncodedBlocks.roundTrip(doubles, count, BlockEncoding.RAW);
      EncodedBlocks.roundTrip(floats, count, null);
      EncodedBlocks.roundTrip(floats, count, BlockEncoding.RAW);
      if (chosen == BlockEncoding.DECIMAL) {
        final GrowableBytes decimal = new GrowableBytes();
        final GrowableBytes raw = new GrowableBytes();
        DoubleBlockCodec.encode(doubles, count, BlockEncoding.DECIMAL, decimal);
        DoubleBlockCodec.encode(doubles, count, BlockEncoding.RAW, raw);
        assertTrue(decimal.size() < raw.size());
      }
      if (shape == 2 || shape == 4) {
        assertTrue(chosen != BlockEncoding.RAW || count == 0, "exact decimals must scale: " + chosen);
      }
    });
  }
}
