package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Indexes written through one reused {@link BitmapIndexScratch}, column after column of random
 * sizes (larger and smaller than before, so stale scratch contents would show), are byte for byte
 * the indexes written with fresh working memory, in every layout; bad ids fail as before.
 */
class BitmapIndexScratchTest {

  @Test
  void reusedScratchWritesTheSameBytesAsFreshMemory() {
    Seeds.trials(6, random -> {
      final BitmapIndexScratch scratch = new BitmapIndexScratch();
      for (int column = 0; column < 8; column++) {
        final int rowCount = TestColumns.logUniform(random, 1, 200_000);
        final int cardinality = TestColumns.logUniform(random, 1, Math.max(1, rowCount / 2));
        final int[] ids = skewed(random, rowCount, cardinality);
        for (BitmapIndexFormat format : BitmapIndexFormat.values()) {
          final GrowableBytes fresh = new GrowableBytes();
          fresh.writeInt(0x5A5A5A5A);
          BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, format, fresh);
          final GrowableBytes reused = new GrowableBytes();
          reused.writeInt(0x5A5A5A5A);
          final int written = BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, format, reused, scratch);
          assertEquals(fresh.size() - 4, written, "format=" + format + " rows=" + rowCount + " ids=" + cardinality);
          assertArrayEquals(fresh.toByteArray(), reused.toByteArray(),
              "format=" + format + " rows=" + rowCount + " ids=" + cardinality);
        }
      }
    });
  }

  @Test
  void columnsOfManyIdsWriteTheSameBytes() {
    Seeds.trials(3, random -> {
      final BitmapIndexScratch scratch = new BitmapIndexScratch();
      for (int column = 0; column < 3; column++) {
        // at least 32,768 ids over up to 400,000 rows: a high-cardinality column's shape
        final int rowCount = 40_000 + random.nextInt(360_000);
        final int cardinality = 32_768 + random.nextInt(rowCount - 32_768);
        final int[] ids = random.nextBoolean() ? skewed(random, rowCount, cardinality)
            : TestColumns.singleValued(random, rowCount, cardinality);
        final GrowableBytes fresh = new GrowableBytes();
        BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.CHUNK_POSTINGS, fresh);
        final GrowableBytes reused = new GrowableBytes();
        BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.CHUNK_POSTINGS, reused, scratch);
        assertArrayEquals(fresh.toByteArray(), reused.toByteArray(), "rows=" + rowCount + " ids=" + cardinality);
      }
    });
  }

  @Test
  void badIdsFailNamingTheRow() {
    final BitmapIndexScratch scratch = new BitmapIndexScratch();
    final GrowableBytes out = new GrowableBytes();
    final int[] ids = new int[3000];
    ids[2500] = 7;
    final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> BitmapIndexWriter.writeSingleValued(ids, 3000, 7, BitmapIndexFormat.CHUNK_POSTINGS, out, scratch));
    assertEquals("row=2500: dictionary id=7 is outside [0, cardinality=7)", failure.getMessage());
    ids[2500] = -1;
    assertThrows(IllegalArgumentException.class,
        () -> BitmapIndexWriter.writeSingleValued(ids, 3000, 7, BitmapIndexFormat.CHUNK_POSTINGS, out, scratch));
    assertThrows(IllegalArgumentException.class,
        () -> BitmapIndexWriter.writeSingleValued(ids, 3001, 7, BitmapIndexFormat.CHUNK_POSTINGS, out, scratch));
  }

  /** Ids with a few heavy values (Roaring, scans) and a long tail (lists), in random row order. */
  private static int[] skewed(SplittableRandom random, int rowCount, int cardinality) {
    final int[] ids = new int[rowCount];
    for (int row = 0; row < rowCount; row++) {
      final double u = random.nextDouble();
      ids[row] = Math.min(cardinality - 1, (int) (cardinality * u * u * u));
    }
    return ids;
  }
}
