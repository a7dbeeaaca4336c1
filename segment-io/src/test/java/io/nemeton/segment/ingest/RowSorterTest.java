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
}
