package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** Write, wrap, and compare every bitmap with a BitSet built by a plain loop over the rows. */
@ExtendWith(LeakCheckExtension.class)
class BitmapIndexPropertyTest {
  private static final int ORACLE_WINDOW_IDS = 2048;

  @Test
  void singleValuedColumnsMatchTheOracle() {
    Seeds.trials(25, random -> {
      final int cardinality = TestColumns.logUniform(random, 1, 100_000);
      final int rowCount = TestColumns.logUniform(random, 0, 200_000);
      final int[] ids = TestColumns.singleValued(random, rowCount, cardinality);
      final GrowableBytes out = new GrowableBytes();
      final int written = BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, out);
      assertEquals(out.size(), written);
      final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
      index.verify();
      assertMatches(index, null, ids, rowCount);
    });
  }

  @Test
  void rowByRowAddingWritesTheSameBytesAsTheBulkPath() {
    Seeds.trials(10, random -> {
      final int cardinality = TestColumns.logUniform(random, 1, 20_000);
      final int rowCount = TestColumns.logUniform(random, 0, 100_000);
      final int[] ids = TestColumns.singleValued(random, rowCount, cardinality);
      final BitmapIndexWriter writer = new BitmapIndexWriter(cardinality);
      for (int row = 0; row < rowCount; row++) {
        writer.add(ids[row], row);
      }
      final GrowableBytes added = new GrowableBytes();
      writer.writeTo(added);
      final GrowableBytes bulk = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, bulk);
      assertArrayEquals(bulk.toByteArray(), added.toByteArray());
    });
  }

  @Test
  void outOfOrderAndRepeatedAddsAreSortedAndWrittenOnce() {
    Seeds.trials(10, random -> {
      final int cardinality = TestColumns.logUniform(random, 1, 5_000);
      final int rowCount = TestColumns.logUniform(random, 1, 50_000);
      final int[] ids = TestColumns.singleValued(random, rowCount, cardinality);
      final BitmapIndexWriter writer = new BitmapIndexWriter(cardinality);
      // id by id, as a writer walking a dictionary would: rows restart for every id
      final int[] order = new int[rowCount];
      for (int row = 0; row < rowCount; row++) {
        order[row] = row;
      }
      for (int i = rowCount - 1; i > 0; i--) {
        final int j = random.nextInt(i + 1);
        final int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      for (int row : order) {
        writer.add(ids[row], row);
        if (random.nextInt(4) == 0) {
          writer.add(ids[row], row);
        }
      }
      final GrowableBytes out = new GrowableBytes();
      writer.writeTo(out);
      final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
      index.verify();
      assertMatches(index, null, ids, rowCount);
    });
  }

  @Test
  void multiValuedRowsSetEachValueOnce() {
    Seeds.trials(20, random -> {
      final int cardinality = TestColumns.logUniform(random, 1, 50_000);
      final int rowCount = TestColumns.logUniform(random, 0, 100_000);
      final int maxValues = 1 + random.nextInt(6);
      final int[] rowStarts = new int[rowCount + 1];
      final int[] single = TestColumns.singleValued(random, rowCount, cardinality);
      int[] ids = new int[Math.max(16, rowCount * 2)];
      int size = 0;
      for (int row = 0; row < rowCount; row++) {
        rowStarts[row] = size;
        final int values = random.nextInt(maxValues + 1); // 0 values: a row in no bitmap
        for (int v = 0; v < values; v++) {
          if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
          }
          final int id;
          if (v == 0) {
            id = single[row];
          } else if (random.nextInt(4) == 0) {
            id = ids[size - 1]; // repeats within a row happen in real data: ["a", "b", "b"]
          } else {
            id = random.nextInt(cardinality);
          }
          ids[size++] = id;
        }
      }
      rowStarts[rowCount] = size;
      final GrowableBytes out = new GrowableBytes();
      BitmapIndexWriter.writeMultiValued(rowStarts, ids, rowCount, cardinality, out);
      final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
      index.verify();
      assertMatches(index, rowStarts, ids, rowCount);

      final BitmapIndexWriter writer = new BitmapIndexWriter(cardinality);
      for (int row = 0; row < rowCount; row++) {
        for (int i = rowStarts[row]; i < rowStarts[row + 1]; i++) {
          writer.add(ids[i], row);
        }
      }
      final GrowableBytes added = new GrowableBytes();
      writer.writeTo(added);
      assertArrayEquals(out.toByteArray(), added.toByteArray());
    });
  }

  /** Compares every bitmap of the index with the oracle, a window of ids at a time. */
  static void assertMatches(BitmapIndex index, int[] rowStarts, int[] ids, int rowCount) {
    final int cardinality = index.cardinality();
    for (int fromId = 0; fromId < cardinality; fromId += ORACLE_WINDOW_IDS) {
      final int toId = Math.min(cardinality, fromId + ORACLE_WINDOW_IDS);
      final BitSet[] expected = TestColumns.oracle(rowStarts, ids, rowCount, fromId, toId);
      for (int id = fromId; id < toId; id++) {
        final ImmutableRoaringBitmap bitmap = index.bitmap(id);
        final BitSet want = expected[id - fromId];
        assertEquals(want, TestColumns.toBitSet(bitmap), "id=" + id);
        assertEquals(want.cardinality(), bitmap.getCardinality(), "cardinality of id=" + id);
        assertEquals(want.isEmpty(), index.isEmpty(id), "isEmpty of id=" + id);
      }
    }
  }
}
