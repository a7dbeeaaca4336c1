package io.nemeton.bitmap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.bitmap.BitmapFormatException;
import io.nemeton.bitmap.CompactIndexLayout;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lists written back to back decode to the same rows (into a row array and into a word bitmap), and
 * each takes exactly {@code sizeBits}; lists above NBI2's 1024 rows are refused by its limit only.
 */
class EliasFanoListTest {
  @Test
  void listsRoundTripAndTakeExactlyTheirSize() {
    final long base = new SplittableRandom().nextLong();
    for (int trial = 0; trial < 300; trial++) {
      final long seed = base + trial;
      final SplittableRandom random = new SplittableRandom(seed);
      final int rowLimit = switch (random.nextInt(4)) {
        case 0 -> 1 + random.nextInt(10);
        case 1 -> 1 + random.nextInt(100_000);
        case 2 -> Integer.MAX_VALUE - random.nextInt(3);
        default -> 1 << random.nextInt(31);
      };
      final int lists = 1 + random.nextInt(20);
      final int[][] expected = new int[lists][];
      final BitStreamWriter writer = new BitStreamWriter();
      for (int l = 0; l < lists; l++) {
        final int most = random.nextInt(10) == 0 ? 60_000 : 2000;
        final int n = Math.min(rowLimit, random.nextInt(3) == 0 ? 0 : random.nextInt(1 + most));
        expected[l] = randomDistinctSorted(random, n, rowLimit);
        final long before = writer.bitCount();
        EliasFanoList.write(expected[l], 0, n, rowLimit, writer);
        assertEquals(EliasFanoList.sizeBits(n, rowLimit), writer.bitCount() - before, "seed=" + seed + " n=" + n);
      }
      final GrowableBytes bytes = new GrowableBytes();
      writer.copyTo(bytes);
      final MemorySegment stream = bytes.asSegment();
      final long end = writer.bitCount();
      long at = 0;
      for (int l = 0; l < lists; l++) {
        final long listAt = at;
        if (expected[l].length > CompactIndexLayout.MAX_LIST_ROWS) { // an NBI2 reader refuses it
          assertThrows(BitmapFormatException.class, () -> EliasFanoList.readCount(stream, 0, listAt, end, rowLimit,
              CompactIndexLayout.MAX_LIST_ROWS, "test", 0), "seed=" + seed);
        }
        final int n = EliasFanoList.readCount(stream, 0, at, end, rowLimit, CompactIndexLayout.MAX_LIST_ROWS_V3, "test", l);
        assertEquals(expected[l].length, n, "seed=" + seed);
        final int[] rows = new int[n];
        final long next = EliasFanoList.read(stream, 0, at, end, n, rowLimit, rows, "test", l);
        assertArrayEquals(expected[l], rows, "seed=" + seed + " list=" + l);
        if (rowLimit <= 1 << 24) { // the word-bitmap decode sets exactly the same rows
          final long[] words = new long[(rowLimit + 63) >>> 6];
          words[random.nextInt(words.length)] |= 1L << random.nextInt(64); // a row already set stays set
          final long[] want = words.clone();
          for (int row : rows) {
            want[row >>> 6] |= 1L << row;
          }
          assertEquals(next, EliasFanoList.orInto(stream, 0, at, end, n, rowLimit, words, "test", l), "seed=" + seed);
          assertArrayEquals(want, words, "seed=" + seed + " list=" + l);
        }
        at = next;
      }
      assertEquals(end, at, "seed=" + seed);
    }
  }

  @Test
  void everyRowOfTheUniverse() {
    final int[] all = new int[CompactIndexLayout.MAX_LIST_ROWS];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    final BitStreamWriter writer = new BitStreamWriter();
    EliasFanoList.write(all, 0, all.length, all.length, writer);
    final GrowableBytes bytes = new GrowableBytes();
    writer.copyTo(bytes);
    final int[] rows = new int[all.length];
    EliasFanoList.read(bytes.asSegment(), 0, 0, writer.bitCount(), all.length, all.length, rows, "test", 0);
    assertArrayEquals(all, rows);
  }

  private static int[] randomDistinctSorted(SplittableRandom random, int n, int rowLimit) {
    final int[] rows = new int[n];
    if (n == 0) {
      return rows;
    }
    if ((long) n * 2 > rowLimit) { // dense: take a random subset of [0, rowLimit)
      int taken = 0;
      for (int row = 0; row < rowLimit && taken < n; row++) {
        if (random.nextInt(rowLimit - row) < n - taken) {
          rows[taken++] = row;
        }
      }
      return rows;
    }
    final java.util.HashSet<Integer> seen = new java.util.HashSet<>();
    int taken = 0;
    while (taken < n) {
      final int row = random.nextInt(rowLimit);
      if (seen.add(row)) {
        rows[taken++] = row;
      }
    }
    Arrays.sort(rows);
    return rows;
  }
}
