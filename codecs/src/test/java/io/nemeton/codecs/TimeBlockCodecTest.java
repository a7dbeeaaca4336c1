package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Round trips, sizes and hostile bytes of {@link TimeBlockCodec}. */
class TimeBlockCodecTest {
  @Test
  void sortedTimesRoundTripOnBothKernels() {
    BlockEncoderScratch scratch = new BlockEncoderScratch();
    SeededTrials.run("time round trip", 7_000, 250, random -> {
      long[] values = sortedTimes(random);
      int count = values.length;
      GrowableBytes out = new GrowableBytes();
      int written = TimeBlockCodec.encode(values, count, out, scratch);
      assertEquals(out.size(), written);
      MemorySegment in = MemorySegment.ofArray(out.toByteArray());
      assertEquals(count, TimeBlockCodec.valueCount(in, 0));
      long[] vector = new long[count + 3];
      long[] scalar = new long[count + 3];
      Arrays.fill(vector, 77);
      Arrays.fill(scalar, 77);
      assertEquals(count, TimeBlockCodec.decode(in, 0, vector, true));
      assertEquals(count, TimeBlockCodec.decode(in, 0, scalar, false));
      assertArrayEquals(values, Arrays.copyOf(vector, count));
      assertArrayEquals(values, Arrays.copyOf(scalar, count));
      assertEquals(77, vector[count], "wrote past count");
      // never larger than the plain long block
      assertTrue(written <= LongBlockCodec.encode(values, count, new GrowableBytes()));
    });
  }

  @Test
  void unsortedAndEmptyBlocksStayPlainLongBlocks() {
    long[] unsorted = {5, 3, 9, 1};
    GrowableBytes out = new GrowableBytes();
    TimeBlockCodec.encode(unsorted, 4, out, new BlockEncoderScratch());
    MemorySegment in = MemorySegment.ofArray(out.toByteArray());
    assertFalse(TimeBlockCodec.isEliasFano(in, 0));
    long[] decoded = new long[4];
    TimeBlockCodec.decode(in, 0, decoded);
    assertArrayEquals(unsorted, decoded);
    GrowableBytes empty = new GrowableBytes();
    TimeBlockCodec.encode(new long[0], 0, empty, new BlockEncoderScratch());
    assertEquals(0, TimeBlockCodec.decode(MemorySegment.ofArray(empty.toByteArray()), 0, new long[0]));
  }

  @Test
  void evenGapsStayDeltaBlocksBurstyTimesTakeEliasFano() {
    SplittableRandom random = new SplittableRandom(42);
    long[] values = new long[1024];
    long time = 1_767_225_600_000L;
    for (int i = 0; i < values.length; i++) {
      time += (long) (-Math.log(1 - random.nextDouble()) * 8.6);
      values[i] = time;
    }
    // gaps ~8.6 ms apart: Elias–Fano would take ~5.3 bits a row against ~6.7, less than the quarter
    // it must save to pay for its slower decode
    GrowableBytes out = new GrowableBytes();
    TimeBlockCodec.encode(values, values.length, out, new BlockEncoderScratch());
    assertFalse(TimeBlockCodec.isEliasFano(MemorySegment.ofArray(out.toByteArray()), 0));
    long range = values[values.length - 1] - values[0];
    int lowWidth = 63 - Long.numberOfLeadingZeros(Math.max(1, range / values.length));
    assertTrue(TimeBlockCodec.eliasFanoBytes(range, values.length, lowWidth) * 8.0 / values.length < 5.6);
    // the same times with a ten-minute pause every 256 rows: a delta block needs 20 bits a row
    for (int i = 0; i < values.length; i++) {
      values[i] += 600_000L * (i / 256);
    }
    out = new GrowableBytes();
    int bytes = TimeBlockCodec.encode(values, values.length, out, new BlockEncoderScratch());
    assertTrue(TimeBlockCodec.isEliasFano(MemorySegment.ofArray(out.toByteArray()), 0));
    int plain = LongBlockCodec.encode(values, values.length, new GrowableBytes());
    assertTrue(bytes * 8.0 / values.length < 14, "bits per row=" + bytes * 8.0 / values.length);
    assertTrue(plain * 8.0 / values.length > 16, "delta bits per row=" + plain * 8.0 / values.length);
    long[] decoded = new long[values.length];
    TimeBlockCodec.decode(MemorySegment.ofArray(out.toByteArray()), 0, decoded);
    assertArrayEquals(values, decoded);
  }

  @Test
  void olderReadersRefuseEliasFanoBlocks() {
    long[] values = {10, 11, 12, 20, 31, 40, 41, 41, 90, 100, 130, 140, 141, 142, 150, 160, 170};
    GrowableBytes out = new GrowableBytes();
    TimeBlockCodec.encode(values, values.length, out, new BlockEncoderScratch());
    MemorySegment in = MemorySegment.ofArray(out.toByteArray());
    if (TimeBlockCodec.isEliasFano(in, 0)) {
      CodecException e = assertThrows(CodecException.class, () -> LongBlockCodec.decode(in, 0, new long[32]));
      assertTrue(e.getMessage().contains("unknown encoding id=128"), e.getMessage());
    }
  }

  @Test
  void wrongOnesCountIsRefused() {
    long[] values = new long[300];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 1; i < values.length; i++) {
      values[i] = values[i - 1] + (long) (-Math.log(1 - random.nextDouble()) * 8.6) + (i == 150 ? 3_600_000 : 0);
    }
    GrowableBytes out = new GrowableBytes();
    TimeBlockCodec.encode(values, values.length, out, new BlockEncoderScratch());
    byte[] bytes = out.toByteArray();
    assertTrue(TimeBlockCodec.isEliasFano(MemorySegment.ofArray(bytes), 0));
    bytes[bytes.length - 1] ^= (byte) 0x80; // an extra one bit in the last high word
    CodecException e = assertThrows(CodecException.class,
        () -> TimeBlockCodec.decode(MemorySegment.ofArray(bytes), 0, new long[300]));
    assertTrue(e.getMessage().contains("high bits hold more ones than count=300"), e.getMessage());
  }

  @Test
  void bitFlipsAndTruncationsOnlyThrowCodecException() {
    BlockEncoderScratch scratch = new BlockEncoderScratch();
    SeededTrials.run("time fuzz", 91_000, 150, random -> {
      long[] values = sortedTimes(random);
      GrowableBytes out = new GrowableBytes();
      TimeBlockCodec.encode(values, values.length, out, scratch);
      byte[] valid = out.toByteArray();
      for (int trial = 0; trial < 20; trial++) {
        byte[] bytes = valid.clone();
        for (int f = 0; f < 1 + random.nextInt(3) && bytes.length > 0; f++) {
          int at = random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 20 : bytes.length));
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        decodeOrCodecException(bytes, random);
        decodeOrCodecException(Arrays.copyOf(valid, random.nextInt(valid.length + 1)), random);
      }
    });
  }

  private static void decodeOrCodecException(byte[] bytes, SplittableRandom random) {
    try {
      TimeBlockCodec.decode(MemorySegment.ofArray(bytes), 0, new long[random.nextInt(2000)], random.nextBoolean());
    } catch (CodecException expected) {
      // refused: fine
    }
  }

  /** Ascending times: ms a few apart, duplicates, wide ranges, one value, up to the block limit. */
  static long[] sortedTimes(SplittableRandom random) {
    int count = switch (random.nextInt(6)) {
      case 0 -> 1 + random.nextInt(4);
      case 1 -> 1 + random.nextInt(300);
      case 2 -> random.nextInt(10) == 0 ? 1 + random.nextInt(65536) : 1 + random.nextInt(5000);
      default -> 1024;
    };
    long[] values = new long[count];
    long time = switch (random.nextInt(4)) {
      case 0 -> Long.MIN_VALUE + random.nextInt(1000);
      case 1 -> -random.nextLong(1L << 40);
      default -> 1_767_225_600_000L + random.nextInt(86_400_000);
    };
    int gapKind = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      values[i] = time;
      long gap = switch (gapKind) {
        case 0 -> random.nextInt(3);
        case 1 -> (long) (-Math.log(1 - random.nextDouble()) * 8.6);
        case 2 -> random.nextInt(100) == 0 ? random.nextLong(1L << 40) : random.nextInt(20);
        case 3 -> random.nextLong(1L << 50);
        default -> 0;
      };
      time = Long.MAX_VALUE - time < gap ? time : time + gap;
    }
    return values;
  }
}
