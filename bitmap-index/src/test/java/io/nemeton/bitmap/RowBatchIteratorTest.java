package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

class RowBatchIteratorTest {

  @Test
  void batchesOfEverySizeHandOutEveryRowInOrder() {
    Seeds.trials(40, random -> {
      final int rowCount = TestColumns.logUniform(random, 0, 300_000);
      final BitSet expected = TestColumns.randomBitSet(random, rowCount);
      final ImmutableRoaringBitmap bitmap = BitmapsTest.mapped(expected);
      for (int size : new int[] {1, 7, 1024}) {
        final int[] rows = new int[size];
        final RowBatchIterator iterator = new RowBatchIterator(bitmap);
        final BitSet seen = new BitSet();
        int previous = -1;
        long total = 0;
        int n;
        while ((n = iterator.nextBatch(rows)) > 0) {
          // full batches until the last one
          assertTrue(n == size || !iterator.hasNext(), "short batch n=" + n + " of size=" + size + " before the end");
          for (int i = 0; i < n; i++) {
            assertTrue(rows[i] > previous, "rows ascend");
            previous = rows[i];
            seen.set(rows[i]);
          }
          total += n;
        }
        assertFalse(iterator.hasNext());
        assertEquals(0, iterator.nextBatch(rows), "stays exhausted");
        assertEquals(expected.cardinality(), total, "size=" + size);
        assertEquals(expected, seen, "size=" + size);
      }
    });
  }

  @Test
  void advanceToSkipsRowsBelowTheTarget() {
    Seeds.trials(30, random -> {
      final int rowCount = TestColumns.logUniform(random, 1, 300_000);
      final BitSet expected = TestColumns.randomBitSet(random, rowCount);
      final int target = random.nextInt(rowCount);
      final RowBatchIterator iterator = new RowBatchIterator(BitmapsTest.mapped(expected));
      iterator.advanceTo(target);
      final int[] rows = new int[7];
      final BitSet seen = new BitSet();
      int n;
      while ((n = iterator.nextBatch(rows)) > 0) {
        for (int i = 0; i < n; i++) {
          seen.set(rows[i]);
        }
      }
      final BitSet want = (BitSet) expected.clone();
      want.clear(0, target);
      assertEquals(want, seen, "target=" + target);
    });
  }

  @Test
  void anEmptyBufferIsRefused() {
    final RowBatchIterator iterator = new RowBatchIterator(Bitmaps.allRows(5));
    assertEquals("batch buffer length=0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> iterator.nextBatch(new int[0])).getMessage());
  }
}
