package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.bitmap.PostingKind;
import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code IntBlockCodec.matchEquals} as the matcher uses it against a plain loop, over blocks of every encoding that
 * applies, random position ranges, unaligned target bits and alternating blocks (the decoded-block
 * cache); and a format-4 segment whose single-value columns use every posting kind.
 */
class StringIdMatcherTest {
  @TempDir
  Path directory;

  @Test
  void matchEqualsAgreesWithAPlainLoopOverEveryEncoding() {
    final long base = Long.getLong("nemeton.seed", new SplittableRandom().nextLong());
    final Set<BlockEncoding> covered = EnumSet.noneOf(BlockEncoding.class);
    for (int trial = 0; trial < 300; trial++) {
      final long seed = base + trial;
      final SplittableRandom random = new SplittableRandom(seed);
      final int count = 1 + random.nextInt(1024);
      final int[] values = new int[count];
      final int spread = 1 + random.nextInt(random.nextBoolean() ? 4 : 5000);
      final int start = random.nextInt(1 << 20);
      // the first trials ask for each encoding in turn, with values it applies to, so every
      // seed covers them all; the rest draw shapes and encodings at random
      final BlockEncoding[] encodings = BlockEncoding.values();
      final BlockEncoding forced = trial < encodings.length ? encodings[trial] : null;
      for (int i = 0; i < count; i++) {
        values[i] = forced == BlockEncoding.CONSTANT ? start
            : forced == BlockEncoding.DELTA ? start + i * (1 + spread % 3)
            : switch (random.nextInt(3)) {
              case 0 -> start + i / 100; // runs
              default -> start + random.nextInt(spread);
            };
      }
      final GrowableBytes out = new GrowableBytes();
      out.writeLong(0); // the block at an offset other than 0
      BlockEncoding encoding = forced != null ? forced : encodings[random.nextInt(encodings.length)];
      try {
        IntBlockCodec.encode(values, count, encoding, out);
      } catch (IllegalArgumentException notApplicable) {
        encoding = IntBlockCodec.chooseEncoding(values, count);
        IntBlockCodec.encode(values, count, encoding, out);
      }
      covered.add(encoding);
      final MemorySegment block = out.asSegment();
      for (int range = 0; range < 8; range++) {
        final int from = random.nextInt(count + 1);
        final int to = from + random.nextInt(count - from + 1);
        final int value = random.nextInt(4) == 0 ? start - 1 : values[random.nextInt(count)];
        final long firstBit = random.nextInt(200);
        final long[] words = new long[(int) ((firstBit + count + 63) >>> 6) + 1];
        final long[] expected = words.clone();
        words[0] = expected[0] = 1L << 63 & (firstBit > 63 ? -1L : 0L); // bits already set stay set
        int want = 0;
        for (int p = from; p < to; p++) {
          if (values[p] == value) {
            final long bit = firstBit + p - from;
            expected[(int) (bit >>> 6)] |= 1L << bit;
            want++;
          }
        }
        final int matched = IntBlockCodec.matchEquals(block, 8, from, to, value, words, firstBit);
        assertEquals(want, matched, "seed=" + seed + " encoding=" + encoding + " [" + from + ", " + to + ")");
        assertArrayEquals(expected, words, "seed=" + seed + " encoding=" + encoding + " [" + from + ", " + to + ")");
      }
      final int past = count;
      assertThrows(IllegalArgumentException.class,
          () -> IntBlockCodec.matchEquals(block, 8, 0, past + 1, 0, new long[32], 0), "seed=" + seed);
    }
    assertTrue(covered.containsAll(EnumSet.of(BlockEncoding.RAW, BlockEncoding.CONSTANT, BlockEncoding.BIT_PACKED,
        BlockEncoding.RUN_LENGTH)), "encodings covered=" + covered);
  }

  @Test
  void formatFourColumnsUseEveryKindAndMatchTheirRows() throws Exception {
    final int rowCount = 200_000;
    final SplittableRandom random = new SplittableRandom(11);
    final String[] dictionary = new String[3000];
    for (int i = 0; i < dictionary.length; i++) {
      dictionary[i] = String.format("v%05d", i);
    }
    final int[] ids = new int[rowCount];
    for (int row = 0; row < rowCount; row++) {
      final int pick = random.nextInt(100);
      ids[row] = pick < 50 ? random.nextInt(4) : pick < 80 ? 4 + random.nextInt(30) : 34 + random.nextInt(2966);
    }
    final ColumnarSegment input = new ColumnarSegment(RandomSegments.info(random), rowCount)
        .time(RandomSegments.times(random, rowCount))
        .stringColumn("dim", ColumnRole.DIMENSION, dictionary, ids);
    final Path file = directory.resolve("kinds" + SegmentFileLayout.FILE_EXTENSION);
    new SegmentWriter().write(input, file);
    try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
      final StringColumnReader reader = (StringColumnReader) segment.column("dim");
      final Set<PostingKind> kinds = EnumSet.noneOf(PostingKind.class);
      for (int id = 0; id < dictionary.length; id++) {
        kinds.add(reader.bitmapIndex().postingKind(id));
        final var rows = reader.bitmap(id);
        int expected = 0;
        for (int row = 0; row < rowCount; row++) {
          if (ids[row] == id) {
            expected++;
            assertTrue(rows.contains(row), "id=" + id + " row=" + row);
          }
        }
        assertEquals(expected, rows.getCardinality(), "id=" + id);
      }
      assertEquals(EnumSet.of(PostingKind.ID_SCAN, PostingKind.ROARING, PostingKind.CHUNK_LIST), kinds,
          "kinds=" + kinds);
      final int[] some = {0, 5, 100, 2000};
      int expected = 0;
      for (int row = 0; row < rowCount; row++) {
        expected += List.of(0, 5, 100, 2000).contains(ids[row]) ? 1 : 0;
      }
      assertEquals(expected, reader.union(some, some.length).getCardinality());
    }
  }
}
