package io.nemeton.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.testing.RandomData;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap and mapped adapters read the same values as the rows they were built from: numbers in
 * every conversion with null flags, string ids and multi-value rows, dictionaries and bitmaps, the
 * time search. Seeded; prints the seed on failure.
 */
@ExtendWith(LeakCheckExtension.class)
class QueryableSegmentTest {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  @TempDir
  Path directory;

  @Test
  void bothStoragesReadTheRowsTheyWereBuiltFrom() {
    final long seed = Long.getLong("nemeton.seed", System.nanoTime());
    final RandomData.Dataset dataset = RandomData.dataset(new SplittableRandom(seed));
    for (int s = 0; s < dataset.segments().size(); s++) {
      final ColumnarSegment built = dataset.segments().get(s);
      final List<Map<String, Object>> rows = dataset.rows().get(s);
      for (TestSegments.Storage storage : TestSegments.Storage.values()) {
        try (QueryableSegment segment = TestSegments.open(built, storage, directory)) {
          check(segment, rows, "seed=" + seed + " segment=" + s + " storage=" + storage);
        }
      }
    }
  }

  private static void check(QueryableSegment segment, List<Map<String, Object>> rows, String where) {
    assertEquals(rows.size(), segment.rowCount(), where);
    assertEquals(List.of("__time", "s1", "s2", "h1", "m1", "l1", "d1", "f1"), segment.columnNames(), where);
    if (rows.isEmpty()) {
      return;
    }
    assertEquals((long) (Long) rows.get(0).get("__time"), segment.minTimeMs(), where);
    assertEquals((long) (Long) rows.get(rows.size() - 1).get("__time"), segment.maxTimeMs(), where);
    for (int probe = 0; probe < 20; probe++) {
      final long time = (Long) rows.get(probe * rows.size() / 20).get("__time") + (probe % 3) - 1;
      int expected = 0;
      while (expected < rows.size() && (Long) rows.get(expected).get("__time") < time) {
        expected++;
      }
      assertEquals(expected, segment.lowerBoundRow(time), where + " lowerBoundRow(" + time + ")");
    }
    final NumericBlocks longs = segment.numericBlocks("l1");
    final NumericBlocks doubles = segment.numericBlocks("d1");
    final NumericBlocks floats = segment.numericBlocks("f1");
    final NumericBlocks absent = segment.numericBlocks("nope");
    final StringColumn s2 = segment.stringColumn("s2");
    final StringBlocks s2Blocks = s2.newBlocks();
    final StringColumn m1 = segment.stringColumn("m1");
    final StringBlocks m1Blocks = m1.newBlocks();
    assertTrue(m1.multiValue(), where);
    for (int row = 0; row < rows.size(); row++) {
      final int block = row / ROWS;
      final int position = row % ROWS;
      final Map<String, Object> expected = rows.get(row);
      final Long l = (Long) expected.get("l1");
      final boolean[] longNulls = longs.nulls(block);
      assertEquals(l == null, longNulls != null && longNulls[position], where + " row=" + row);
      assertEquals(l == null ? 0L : l, longs.longs(block)[position], where + " row=" + row);
      assertEquals(l == null ? 0.0 : (double) l, longs.doubles(block)[position], where + " row=" + row);
      final Double d = (Double) expected.get("d1");
      assertEquals(d == null ? 0.0 : d, doubles.doubles(block)[position], where + " row=" + row);
      assertEquals(d == null ? 0L : (long) (double) d, doubles.longs(block)[position], where + " row=" + row);
      final Float f = (Float) expected.get("f1");
      assertEquals(f == null ? 0f : f, floats.floats(block)[position], where + " row=" + row);
      assertTrue(absent.nulls(block)[position], where);
      final String text = (String) expected.get("s2");
      assertEquals(text, s2.value(s2Blocks.ids(block)[position]), where + " row=" + row);
      final int[] starts = m1Blocks.rowStarts(block);
      final int[] ids = m1Blocks.values(block);
      @SuppressWarnings("unchecked")
      final List<String> values = (List<String>) expected.get("m1");
      final int count = starts[position + 1] - starts[position];
      if (values == null) {
        assertEquals(1, count, where);
        assertNull(m1.value(ids[starts[position]]), where);
      } else {
        assertEquals(values.size(), count, where + " row=" + row);
        for (int i = 0; i < count; i++) {
          assertEquals(values.get(i), m1.value(ids[starts[position] + i]), where + " row=" + row);
        }
      }
    }
    for (int id = 0; id < s2.cardinality(); id++) {
      final String value = s2.value(id);
      assertEquals(id, s2.lookupId(value), where);
      int count = 0;
      for (Map<String, Object> row : rows) {
        count += java.util.Objects.equals(row.get("s2"), value) ? 1 : 0;
      }
      assertEquals(count, s2.bitmap(id).getCardinality(), where + " bitmap of " + value);
    }
    assertTrue(s2.lookupId("not there") < 0, where);
    assertEquals(ColumnType.STRING, segment.column("m1").type(), where);
    assertNull(segment.column("nope"), where);
    assertThrows(IllegalArgumentException.class, () -> segment.complexBlocks("s1"));
  }

  @Test
  void segmentIdPrintsInstantsAsDruidDoes() {
    final ColumnarSegment built = RandomData.dataset(new SplittableRandom(1)).segments().get(0);
    try (QueryableSegment segment = QueryableSegment.of(built)) {
      assertEquals("random_2020-01-01T00:00:00.000Z_2020-01-05T00:00:00.000Z_v1", segment.segmentId());
    }
  }

  @Test
  void longBlocksDecodeStraightIntoScratch() {
    final long[] values = new long[2500];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 3L;
    }
    final NumericBlocks blocks = HeapNumericBlocks.ofLongs(values, null);
    assertNull(blocks.nulls(2));
    final long[] last = blocks.longs(2);
    assertArrayEquals(java.util.Arrays.copyOfRange(values, 2048, 2500), java.util.Arrays.copyOf(last, 452));
  }
}
