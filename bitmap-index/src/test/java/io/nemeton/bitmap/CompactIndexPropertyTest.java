package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * The NBI2 and NBI3 layouts against a BitSet oracle, with per-id row counts chosen to straddle the
 * list/Roaring choice: around {@link CompactIndexLayout#MAX_LIST_ROWS}, around the size crossover,
 * around the word-bitmap decode thresholds of {@link BitmapIndex#union} ({@code rowCount / 64} rows)
 * and of {@code bitmap} ({@code rowLimit / 64}), dense values, runs (where Roaring's run containers
 * win) and empty ids.
 */
@ExtendWith(LeakCheckExtension.class)
class CompactIndexPropertyTest {
  private static final int MAX = CompactIndexLayout.MAX_LIST_ROWS;

  @ParameterizedTest
  @EnumSource(value = BitmapIndexFormat.class, names = {"COMPACT_POSTINGS", "LIST_POSTINGS"})
  void countsAcrossTheThresholdMatchTheOracle(BitmapIndexFormat format) {
    final int[] kinds = new int[2];
    Seeds.trials(12, random -> {
      final int cardinality = 1 + random.nextInt(200);
      final int[] counts = new int[cardinality];
      long total = 0;
      for (int id = 0; id < cardinality; id++) {
        counts[id] = switch (random.nextInt(6)) {
          case 0 -> 0;
          case 1 -> MAX - 2 + random.nextInt(5);
          case 2 -> TestColumns.logUniform(random, 1, 3 * MAX);
          case 3 -> TestColumns.logUniform(random, 1, 40 * MAX);
          default -> TestColumns.logUniform(random, 1, 64);
        };
        total += counts[id];
      }
      final int rowCount = (int) total + random.nextInt(1000);
      final int[] ids = placeRows(random, counts, rowCount, cardinality);
      final int spare = cardinality; // rows beyond the counts hold an extra id, so every row has one
      final GrowableBytes out = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality + 1, format, out);
      final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
      assertEquals(format, index.format());
      index.verify();
      BitmapIndexPropertyTest.assertMatches(index, null, ids, rowCount);
      assertUnionsMatch(random, index, ids, rowCount);
      for (int id = 0; id <= spare; id++) {
        final int rows = index.bitmap(id).getCardinality();
        if (rows > MAX && format == BitmapIndexFormat.COMPACT_POSTINGS) {
          assertFalse(index.isList(id), "id=" + id + " with " + rows + " rows must be Roaring");
        }
        final long containers = Math.min(rows, (rowCount + 65_535L) >>> 16);
        if (format == BitmapIndexFormat.LIST_POSTINGS && rows > CompactIndexLayout.MAX_LIST_ROWS_PER_CONTAINER * containers) {
          assertFalse(index.isList(id), "id=" + id + " with " + rows + " rows in " + containers + " containers");
        }
        if (rows == 0) {
          assertTrue(index.isList(id), "empty id=" + id + " is a list");
        }
        kinds[index.isList(id) ? 0 : 1]++;
      }
    });
    assertTrue(kinds[0] > 0 && kinds[1] > 0, "lists=" + kinds[0] + " roaring=" + kinds[1]);
  }

  @Test
  void runsStayRoaringAndSpreadRowsBecomeLists() {
    final int rowCount = 1 << 20;
    final int[] ids = new int[rowCount];
    // id 0: one run of MAX rows (a run container of 12 bytes beats any list); id 1: MAX spread rows
    for (int row = 0; row < rowCount; row++) {
      ids[row] = row < MAX ? 0 : (row % 64 == 0 && row / 64 <= MAX + 127 ? 1 : 2);
    }
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(ids, rowCount, 3, BitmapIndexFormat.COMPACT_POSTINGS, out);
    final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
    index.verify();
    assertFalse(index.isList(0));
    final int spread = index.bitmap(1).getCardinality();
    assertEquals(spread <= MAX, index.isList(1), "rows=" + spread);
    assertFalse(index.isList(2));
    BitmapIndexPropertyTest.assertMatches(index, null, ids, rowCount);
  }

  @Test
  void bothLayoutsGiveTheSameBitmaps() {
    Seeds.trials(10, random -> {
      final int cardinality = TestColumns.logUniform(random, 1, 50_000);
      final int rowCount = TestColumns.logUniform(random, 0, 200_000);
      final int[] ids = TestColumns.singleValued(random, rowCount, cardinality);
      final GrowableBytes compact = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.COMPACT_POSTINGS, compact);
      final GrowableBytes roaring = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.ROARING_ONLY, roaring);
      final BitmapIndex a = BitmapIndex.wrap(compact.asSegment());
      final BitmapIndex b = BitmapIndex.wrap(roaring.asSegment());
      assertEquals(BitmapIndexFormat.ROARING_ONLY, b.format());
      assertTrue(compact.size() <= roaring.size() + 64L + cardinality, "compact=" + compact.size() + " roaring=" + roaring.size());
      for (int id = 0; id < cardinality; id++) {
        assertEquals(b.bitmap(id), a.bitmap(id), "id=" + id);
        assertEquals(b.isEmpty(id), a.isEmpty(id), "isEmpty id=" + id);
      }
    });
  }

  @Test
  void nbi3KeepsListsUpToTheirRowsPerContainer() {
    final int rowCount = 1 << 20; // 16 Roaring containers
    final int atLimit = CompactIndexLayout.MAX_LIST_ROWS_PER_CONTAINER * 16;
    final int[] ids = new int[rowCount];
    // id 0: atLimit even rows spread evenly; id 1: one odd row more; id 2: the rest
    final int step0 = (rowCount / atLimit) & ~1;
    final int step1 = (rowCount / (atLimit + 1)) & ~1;
    for (int row = 0; row < rowCount; row++) {
      ids[row] = 2;
    }
    for (int i = 0; i < atLimit + 1; i++) {
      ids[i * step1 + 1] = 1;
    }
    for (int i = 0; i < atLimit; i++) {
      ids[i * step0] = 0;
    }
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(ids, rowCount, 3, BitmapIndexFormat.LIST_POSTINGS, out);
    final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
    index.verify();
    assertEquals(atLimit, index.bitmap(0).getCardinality());
    assertTrue(index.isList(0), "rows=" + atLimit);
    assertFalse(index.isList(1), "rows=" + index.bitmap(1).getCardinality());
    assertFalse(index.isList(2));
    BitmapIndexPropertyTest.assertMatches(index, null, ids, rowCount);
    assertTrue(CompactIndexLayout.listWorthDecoding(1, Integer.MAX_VALUE, 30, 10), "a lone row saves its container");
    assertFalse(CompactIndexLayout.listWorthDecoding(1, Integer.MAX_VALUE, 80, 10), "not smaller");
    assertFalse(CompactIndexLayout.listWorthDecoding(95, 65_536, 700, 200), "95 rows in one container");
  }

  @Test
  void nbi3MatchesTheOracleOnDenseAndSparseColumns() {
    Seeds.trials(6, random -> {
      final int cardinality = 1 + random.nextInt(120);
      final int rowCount = TestColumns.logUniform(random, 1, 400_000);
      final int[] ids = TestColumns.singleValued(random, rowCount, cardinality);
      final GrowableBytes out = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.LIST_POSTINGS, out);
      final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
      index.verify();
      BitmapIndexPropertyTest.assertMatches(index, null, ids, rowCount);
      assertUnionsMatch(random, index, ids, rowCount);
      final GrowableBytes roaring = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.ROARING_ONLY, roaring);
      assertTrue(out.size() <= roaring.size() + 64L + cardinality, "nbi3=" + out.size() + " roaring=" + roaring.size());
    });
  }

  /** {@link BitmapIndex#union} of random id sets (both decode paths) against the oracle's union. */
  static void assertUnionsMatch(SplittableRandom random, BitmapIndex index, int[] ids, int rowCount) {
    final int cardinality = index.cardinality();
    for (int trial = 0; trial < 6; trial++) {
      final int count = random.nextInt(Math.min(cardinality, 12) + 1);
      final int[] chosen = new int[count + 1];
      final BitSet want = new BitSet();
      final boolean[] picked = new boolean[cardinality];
      for (int i = 0; i < count; i++) {
        chosen[i] = random.nextInt(cardinality);
        picked[chosen[i]] = true;
      }
      for (int row = 0; row < rowCount; row++) {
        if (ids[row] < cardinality && picked[ids[row]]) {
          want.set(row);
        }
      }
      final ImmutableRoaringBitmap union = index.union(chosen, count, rowCount);
      assertEquals(want, TestColumns.toBitSet(union), "union of " + Arrays.toString(Arrays.copyOf(chosen, count)));
    }
  }

  /** Ids for rowCount rows: id i on counts[i] random rows, the remaining rows on the spare id. */
  private static int[] placeRows(SplittableRandom random, int[] counts, int rowCount, int spare) {
    final int[] ids = new int[rowCount];
    int at = 0;
    for (int id = 0; id < counts.length; id++) {
      for (int i = 0; i < counts[id]; i++) {
        ids[at++] = id;
      }
    }
    while (at < rowCount) {
      ids[at++] = spare;
    }
    if (random.nextInt(4) != 0) { // mostly shuffled; sometimes left in runs
      for (int i = rowCount - 1; i > 0; i--) {
        final int j = random.nextInt(i + 1);
        final int swap = ids[i];
        ids[i] = ids[j];
        ids[j] = swap;
      }
    }
    return ids;
  }
}
