package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.codecs.internal.IntBlockMatcher;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.OffHeapBuffer;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link IntBlockCodec#matchEquals} against a decode-then-compare oracle, vector kernel and scalar
 * twin, every width 0..32 in every int encoding, over seeded random blocks, ranges, output offsets
 * and values; and its refusals of bad ranges, short bit sets and broken blocks.
 */
@ExtendWith(LeakCheckExtension.class)
class IntBlockMatchTest {
  private static final BlockEncoding[] FORCED = {
      null, BlockEncoding.RAW, BlockEncoding.BIT_PACKED, BlockEncoding.RUN_LENGTH, BlockEncoding.CONSTANT};

  @Test
  void matchesAgreeWithDecodeThenCompareForEveryWidthAndEncoding() {
    SeededTrials.run("match equals", 70_000, 12, random -> {
      for (int width = 0; width <= 32; width++) {
        final int count = random.nextInt(3) == 0 ? 1024 : SeededTrials.blockSize(random);
        final int[] values = MatchBlocks.values(random, count, width);
        for (BlockEncoding forced : FORCED) {
          if (forced == BlockEncoding.CONSTANT && !MatchBlocks.allEqual(values, count)) {
            continue;
          }
          final GrowableBytes out = new GrowableBytes();
          out.writeByte(0x5A);
          if (forced == null) {
            IntBlockCodec.encode(values, count, out);
          } else {
            IntBlockCodec.encode(values, count, forced, out);
          }
          checkRanges(random, out.asSegment(), values, count);
        }
      }
    });
  }

  @Test
  void offHeapBlocksAtOddOffsetsMatchToTheLastByte() {
    SeededTrials.run("off-heap match", 71_000, 4, random -> {
      for (int width : new int[] {1, 4, 7, 8, 10, 14, 20, 31, 32}) {
        final int count = 1024 + random.nextInt(300);
        final int[] values = MatchBlocks.values(random, count, width);
        final GrowableBytes out = new GrowableBytes();
        final int written = IntBlockCodec.encode(values, count, BlockEncoding.BIT_PACKED, out);
        try (OffHeapBuffer buffer = OffHeapBuffer.allocate("codecs-test", written + 3)) {
          MemorySegment.copy(out.asSegment(), 0, buffer.segment(), 3, written);
          // exactly the block's bytes: a matcher reading one byte past it would throw
          final MemorySegment exact = buffer.segment().asSlice(3, written);
          for (int trial = 0; trial < 8; trial++) {
            checkOne(exact, 0, values, random.nextInt(count + 1), count, MatchBlocks.pickValue(random, values, count),
                random.nextInt(200));
          }
        }
      }
    });
  }

  @Test
  void sixtyFourRowChunksTileTheBlock() {
    final SplittableRandom random = new SplittableRandom(72);
    for (int width : new int[] {3, 4, 7, 13}) {
      final int[] values = MatchBlocks.values(random, 1024, width);
      final GrowableBytes out = new GrowableBytes();
      IntBlockCodec.encode(values, 1024, BlockEncoding.BIT_PACKED, out);
      final int value = values[17];
      final long[] chunked = new long[16];
      int total = 0;
      for (int chunk = 0; chunk < 16; chunk++) {
        total += IntBlockCodec.matchEquals(out.asSegment(), 0, chunk * 64, chunk * 64 + 64, value, chunked, chunk * 64L);
      }
      final long[] whole = new long[16];
      assertEquals(total, IntBlockCodec.matchEquals(out.asSegment(), 0, 0, 1024, value, whole, 0), "width=" + width);
      assertArrayEquals(whole, chunked, "width=" + width);
    }
  }

  @Test
  void valuesOutsideTheFrameMatchNothing() {
    final int[] values = {100, 101, 103, 100, 102, 107};
    final GrowableBytes out = new GrowableBytes();
    IntBlockCodec.encode(values, values.length, BlockEncoding.BIT_PACKED, out);
    final long[] words = new long[1];
    for (int value : new int[] {99, 108, Integer.MIN_VALUE, Integer.MAX_VALUE, 104}) {
      assertEquals(0, IntBlockCodec.matchEquals(out.asSegment(), 0, 0, values.length, value, words, 0), "value=" + value);
    }
    assertEquals(0L, words[0]);
    assertEquals(2, IntBlockCodec.matchEquals(out.asSegment(), 0, 0, values.length, 100, words, 0));
    assertEquals(0b1001L, words[0]);
  }

  @Test
  void badRangesAndShortBitSetsAreRefusedNamingTheLimit() {
    final GrowableBytes out = new GrowableBytes();
    IntBlockCodec.encode(new int[] {1, 2, 3, 4}, 4, out);
    final MemorySegment block = out.asSegment();
    final long[] words = new long[1];
    assertEquals("int block at offset=0: match value=7 range from=3 to=2 outside count=4",
        assertThrows(IllegalArgumentException.class, () -> IntBlockCodec.matchEquals(block, 0, 3, 2, 7, words, 0))
            .getMessage());
    assertEquals("int block at offset=0: match value=7 range from=0 to=5 outside count=4",
        assertThrows(IllegalArgumentException.class, () -> IntBlockCodec.matchEquals(block, 0, 0, 5, 7, words, 0))
            .getMessage());
    assertEquals("int block at offset=0: match value=7 range from=-1 to=2 outside count=4",
        assertThrows(IllegalArgumentException.class, () -> IntBlockCodec.matchEquals(block, 0, -1, 2, 7, words, 0))
            .getMessage());
    assertEquals("int block at offset=0: match value=7 needs bits [62, 66) but words hold bits=64",
        assertThrows(IllegalArgumentException.class, () -> IntBlockCodec.matchEquals(block, 0, 0, 4, 7, words, 62))
            .getMessage());
    assertEquals("int block at offset=0: match value=7 needs bits [-1, 3) but words hold bits=64",
        assertThrows(IllegalArgumentException.class, () -> IntBlockCodec.matchEquals(block, 0, 0, 4, 7, words, -1))
            .getMessage());
    assertEquals(0, IntBlockCodec.matchEquals(block, 0, 4, 4, 7, words, 64), "empty range at the end of words");
  }

  @Test
  void brokenBlocksAreRefused() {
    final int[] values = new int[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 5;
    }
    final GrowableBytes out = new GrowableBytes();
    IntBlockCodec.encode(values, values.length, BlockEncoding.BIT_PACKED, out);
    final byte[] bytes = out.toByteArray();
    final long[] words = new long[8];
    final MemorySegment truncated = MemorySegment.ofArray(java.util.Arrays.copyOf(bytes, bytes.length - 1));
    assertEquals("int block at offset=0 encoding=BIT_PACKED: block needs bytes=" + bytes.length
            + " but segment has bytes=" + (bytes.length - 1) + " from offset (size=" + (bytes.length - 1) + ")",
        assertThrows(CodecException.class, () -> IntBlockCodec.matchEquals(truncated, 0, 0, 8, 1, words, 0))
            .getMessage());
    final byte[] delta = bytes.clone();
    delta[0] = (byte) BlockEncoding.DELTA.id();
    assertThrows(CodecException.class,
        () -> IntBlockCodec.matchEquals(MemorySegment.ofArray(delta), 0, 0, 8, 1, words, 0));
    final byte[] wide = bytes.clone();
    wide[9] = 33;
    assertEquals("int block at offset=0 encoding=BIT_PACKED: bit width=33 exceeds limit=32",
        assertThrows(CodecException.class, () -> IntBlockCodec.matchEquals(MemorySegment.ofArray(wide), 0, 0, 8, 1,
            words, 0)).getMessage());
  }

  /** Random ranges (empty, unaligned, whole, 64-row chunks) and values over one encoded block at offset 1. */
  private static void checkRanges(SplittableRandom random, MemorySegment block, int[] values, int count) {
    for (int trial = 0; trial < 6; trial++) {
      final int from;
      final int to;
      switch (trial) {
        case 0 -> {
          from = 0;
          to = count;
        }
        case 1 -> {
          from = random.nextInt(count + 1);
          to = from;
        }
        case 2 -> {
          from = count < 64 ? 0 : random.nextInt(count / 64) * 64;
          to = Math.min(count, from + 64);
        }
        default -> {
          final int a = random.nextInt(count + 1);
          final int b = random.nextInt(count + 1);
          from = Math.min(a, b);
          to = Math.max(a, b);
        }
      }
      checkOne(block, 1, values, from, to, MatchBlocks.pickValue(random, values, count), random.nextInt(130));
    }
  }

  private static void checkOne(MemorySegment block, long offset, int[] values, int from, int to, int value,
      int firstBit) {
    final SplittableRandom noise = new SplittableRandom(value * 31L + from);
    final int wordCount = (firstBit + to - from + 63) / 64 + noise.nextInt(2);
    final long[] before = new long[wordCount];
    for (int i = 0; i < wordCount; i++) {
      before[i] = noise.nextInt(3) == 0 ? noise.nextLong() : 0L;
    }
    final long[] expected = before.clone();
    int expectedCount = 0;
    for (int p = from; p < to; p++) {
      if (values[p] == value) {
        final int bit = firstBit + p - from;
        expected[bit >>> 6] |= 1L << bit;
        expectedCount++;
      }
    }
    final String at = "from=" + from + " to=" + to + " value=" + value + " firstBit=" + firstBit + " encoding="
        + IntBlockCodec.encoding(block, offset);
    for (boolean vector : new boolean[] {true, false}) {
      final long[] words = before.clone();
      assertEquals(expectedCount, IntBlockMatcher.matchEquals(block, offset, from, to, value, words, firstBit, vector),
          at + " vector=" + vector + " count");
      assertArrayEquals(expected, words, at + " vector=" + vector + " bits");
    }
  }
}
