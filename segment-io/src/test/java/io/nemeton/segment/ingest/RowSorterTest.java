package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packing sorter against a plain stable comparator sort over the same keys. */
class RowSorterTest {
  @Test
  void sortsLikeAStableComparatorSort() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 30; round++) {
      final InputSchema schema = InputSchema.compile(IngestionSpec.parse("""
          {"dataSchema": {"dataSource": "s", "timestampSpec": {"column": "t"},
            "dimensionsSpec": {"dimensions": ["a", {"name": "l", "type": "long"}, {"name": "d", "type": "double"}, "b"]},
            "granularitySpec": {"rollup": false}},
           "ioConfig": {"inputSource": {"type": "inline", "data": ""}, "inputFormat": {"type": "json"}}}
          """));
      final StringField a = schema.dimensions().get(0).stringField();
      final StringField b = schema.dimensions().get(3).stringField();
      final int count = random.nextInt(0, 3000);
      final RowStore rows = RowStore.forSchema(schema, Math.max(1, count));
      final long timeSpread = random.nextBoolean() ? 3 : Long.MAX_VALUE / 4;
      for (int r = 0; r < count; r++) {
        rows.setTime(r, random.nextLong(-timeSpread, timeSpread));
        rows.setCode(a.slot, r, a.dictionary.intern("a" + random.nextInt(5)));
        if (random.nextInt(10) == 0) {
          b.beginList();
          b.addToList(b.dictionary.intern("m" + random.nextInt(3)));
          b.addToList(b.dictionary.intern("m" + random.nextInt(3)));
          rows.setCode(b.slot, r, b.endList());
        } else {
          rows.setCode(b.slot, r, random.nextInt(4) == 0 ? 0 : b.dictionary.intern("b" + random.nextInt(4)));
        }
        final boolean longNull = random.nextInt(5) == 0;
        rows.setNull(schema.dimensions().get(1).nullColumn(), r, (byte) (longNull ? 1 : 0));
        rows.setLong(schema.dimensions().get(1).column(), r, longNull ? 0
            : random.nextBoolean() ? random.nextLong(-2, 2) : random.nextLong());
        final boolean doubleNull = random.nextInt(5) == 0;
        rows.setNull(schema.dimensions().get(2).nullColumn(), r, (byte) (doubleNull ? 1 : 0));
        rows.setDouble(schema.dimensions().get(2).column(), r, doubleNull ? 0 : random.nextInt(-2, 3) * 0.5);
      }
      final RowKeys keys = new RowKeys();
      keys.refresh(schema);
      final int[] order = new RowSorter(keys).sort(rows, count);
      final List<Integer> expected = new ArrayList<>();
      for (int r = 0; r < count; r++) {
        expected.add(r);
      }
      final Comparator<Integer> byKey = (x, y) -> keys.compare(rows, x, rows, y);
      expected.sort(byKey);
      for (int i = 0; i < count; i++) {
        assertEquals((int) expected.get(i), order[i], "seed=" + seed + " round=" + round + " position=" + i);
      }
    }
  }

  /**
   * Rows regrouped by time ({@link TimeGroups}) and sorted group by group come out in the same
   * order as the plain stable sort of the original rows: a metric holding each row's input
   * position shows ties stayed in input order.
   */
  @Test
  void timeGroupsThenSortKeepTheStableOrder() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final TimeGroups groups = new TimeGroups();
    for (int round = 0; round < 8; round++) {
      final InputSchema schema = InputSchema.compile(IngestionSpec.parse("""
          {"dataSchema": {"dataSource": "s", "timestampSpec": {"column": "t"},
            "dimensionsSpec": {"dimensions": ["a", {"name": "l", "type": "long"}]},
            "metricsSpec": [{"type": "longSum", "name": "n", "fieldName": "n"}],
            "granularitySpec": {"rollup": false}},
           "ioConfig": {"inputSource": {"type": "inline", "data": ""}, "inputFormat": {"type": "json"}}}
          """));
      final int position = new Aggregation(schema).metrics()[0].valueColumn();
      final StringField a = schema.dimensions().get(0).stringField();
      final int count = random.nextInt(2 * TimeGroups.GROUP_ROWS - 10, 40_000);
      final RowStore rows = RowStore.forSchema(schema, count);
      final long base = random.nextLong(-1L << 50, 1L << 50);
      final long timeSpread = switch (round % 4) {
        case 0 -> 1;
        case 1 -> 50;
        case 2 -> 100_000;
        default -> 1L << 40;
      };
      for (int r = 0; r < count; r++) {
        // a few far outliers make some groups empty and others crowded
        final long time = random.nextInt(50) == 0 ? base + timeSpread * 20 : base + random.nextLong(0, timeSpread);
        rows.setTime(r, time);
        rows.setCode(a.slot, r, a.dictionary.intern("a" + random.nextInt(3)));
        rows.setNull(schema.dimensions().get(1).nullColumn(), r, (byte) 0);
        rows.setLong(schema.dimensions().get(1).column(), r, random.nextInt(3));
        rows.setLong(position, r, r);
      }
      final RowKeys keys = new RowKeys();
      keys.refresh(schema);
      final List<Integer> expected = new ArrayList<>();
      for (int r = 0; r < count; r++) {
        expected.add(r);
      }
      expected.sort((x, y) -> keys.compare(rows, x, rows, y));
      final RowStore grouped = RowStore.forSchema(schema, count);
      final boolean regrouped = groups.group(rows, count, grouped);
      final RowStore sorted = regrouped ? grouped : rows;
      final int[] order = regrouped
          ? new RowSorter(keys).sort(grouped, count, groups.ends(), groups.count())
          : new RowSorter(keys).sort(rows, count);
      for (int i = 0; i < count; i++) {
        assertEquals((long) expected.get(i), sorted.longValue(position, order[i]),
            "seed=" + seed + " round=" + round + " regrouped=" + regrouped + " position=" + i);
      }
    }
  }
}
