package io.nemeton.codecs;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and bit flips of valid blocks either decode to some values or throw {@link
 * CodecException}; any other exception fails the trial (and names its seed).
 */
class CorruptBlockFuzzTest {
  @Test
  void randomBytesNeverEscapeAsAnotherException() {
    SeededTrials.run("random bytes", 50_000, 3000, random -> {
      final byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      if (bytes.length > 0) {
        bytes[0] = (byte) random.nextInt(7); // mostly known encodings, so bodies get exercised
      }
      if (bytes.length > 4 && random.nextBoolean()) {
        bytes[2] = 0;
        bytes[3] = 0;
        bytes[4] = 0; // small counts
      }
      decodeAll(bytes, random);
    });
  }

  @Test
  void bitFlipsAndTruncationsOfValidBlocks() {
    SeededTrials.run("bit flips", 60_000, 400, random -> {
      final byte[] valid = validBlock(random);
      for (int trial = 0; trial < 20; trial++) {
        final byte[] bytes = valid.clone();
        final int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips && bytes.length > 0; f++) {
          final int at = random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 24 : bytes.length));
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        decodeAll(bytes, random);
        decodeAll(java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1)), random);
      }
    });
  }

  private static byte[] validBlock(SplittableRandom random) {
    final GrowableBytes out = new GrowableBytes();
    final int count = random.nextInt(8) == 0 ? 1024 + random.nextInt(300) : random.nextInt(300);
    final long[] longs = LongGenerators.mixed(random, count);
    switch (random.nextInt(4)) {
      case 0 -> {
        final BlockEncoding[] choices = {null, BlockEncoding.RAW, BlockEncoding.BIT_PACKED, BlockEncoding.DELTA,
            BlockEncoding.RUN_LENGTH};
        final BlockEncoding choice = choices[random.nextInt(choices.length)];
        if (choice == null) {
          LongBlockCodec.encode(longs, count, out);
        } else {
          LongBlockCodec.encode(longs, count, choice, out);
        }
      }
      case 1 -> {
        final int[] ints = new int[count];
        for (int i = 0; i < count; i++) {
          ints[i] = (int) longs[i];
        }
        IntBlockCodec.encode(ints, count, random.nextBoolean() ? BlockEncoding.RUN_LENGTH : BlockEncoding.BIT_PACKED,
            out);
      }
      case 2 -> {
        final double[] doubles = new double[count];
        for (int i = 0; i < count; i++) {
          doubles[i] = (longs[i] >> 20) / 100.0;
        }
        DoubleBlockCodec.encode(doubles, count, out);
      }
      default -> {
        final float[] floats = new float[count];
        for (int i = 0; i < count; i++) {
          floats[i] = (longs[i] % 100_000) / 10f;
        }
        FloatBlockCodec.encode(floats, count, out);
      }
    }
    return out.toByteArray();
  }

  // Destinations are reused: the fuzzers run thousands of decodes, and a decoder writes only [0, count).
  private static final long[] LONGS = new long[65536];
  private static final int[] INTS = new int[65536];
  private static final double[] DOUBLES = new double[65536];
  private static final float[] FLOATS = new float[65536];
  private static final long[] SMALL_LONGS = new long[2048];
  private static final long[] MATCH_WORDS = new long[65536 / 64];

  private static void decodeAll(byte[] bytes, SplittableRandom random) {
    final MemorySegment in = MemorySegment.ofArray(bytes);
    final long[] longs = random.nextBoolean() ? LONGS : SMALL_LONGS;
    expectDecodeOrCodecException(() -> LongBlockCodec.decode(in, 0, longs));
    expectDecodeOrCodecException(() -> IntBlockCodec.decode(in, 0, INTS));
    expectDecodeOrCodecException(() -> DoubleBlockCodec.decode(in, 0, DOUBLES));
    expectDecodeOrCodecException(() -> FloatBlockCodec.decode(in, 0, FLOATS));
    expectDecodeOrCodecException(() -> LongBlockCodec.encodedLength(in, 0));
    expectDecodeOrCodecException(() -> io.nemeton.codecs.internal.LongBlockDecoder.decode(in, 0, longs, false));
    expectDecodeOrCodecException(() -> io.nemeton.codecs.internal.IntBlockDecoder.decode(in, 0, INTS, false));
    expectDecodeOrCodecException(() -> io.nemeton.codecs.internal.FloatingBlockDecoder.decodeDoubles(in, 0, DOUBLES,
        false));
    final int value = random.nextInt(4) - 1;
    for (boolean vector : new boolean[] {true, false}) {
      expectDecodeOrCodecException(() -> io.nemeton.codecs.internal.IntBlockMatcher.matchEquals(in, 0, 0,
          IntBlockCodec.valueCount(in, 0), value, MATCH_WORDS, 0, vector));
    }
  }

  static void expectDecodeOrCodecException(Runnable decode) {
    try {
      decode.run();
    } catch (CodecException expected) {
      if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
        throw new AssertionError("CodecException without a message", expected);
      }
    }
  }
}
