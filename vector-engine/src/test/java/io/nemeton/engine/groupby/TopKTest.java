package io.nemeton.engine.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Top-K heaps against a full sort of all groups, with ties, nulls, NaN and signed zeros. */
class TopKTest {
  private record Entry(int group, boolean isNull, double metric, long longMetric) {}

  private static long seed() {
    final String fixed = System.getProperty("nemeton.test.seed");
    return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
  }

  /** Nulls lowest, then value order; ties by group id ascending; best first for the order. */
  private static List<Entry> oracle(List<Entry> all, TopKOrder order, boolean doubles, int limit) {
    final Comparator<Entry> ascending =
        (a, b) -> {
          if (a.isNull() != b.isNull()) {
            return a.isNull() ? -1 : 1;
          }
          if (a.isNull()) {
            return 0;
          }
          return doubles
              ? Double.compare(a.metric(), b.metric())
              : Long.compare(a.longMetric(), b.longMetric());
        };
    final Comparator<Entry> byValue = order == TopKOrder.LARGEST ? ascending.reversed() : ascending;
    final List<Entry> sorted = new ArrayList<>(all);
    sorted.sort(byValue.thenComparingInt(Entry::group));
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }

  @Test
  void matchesFullSort() {
    final long seed = seed();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 400; round++) {
      final int groups = random.nextInt(random.nextBoolean() ? 50 : 5000);
      final int limit = new int[] {0, 1, 3, 100, 10_000}[random.nextInt(5)];
      final TopKOrder order = random.nextBoolean() ? TopKOrder.LARGEST : TopKOrder.SMALLEST;
      final int spread = 1 + random.nextInt(random.nextBoolean() ? 5 : 1_000_000); // many ties
      final double nullShare = random.nextBoolean() ? 0 : random.nextDouble();
      final List<Entry> all = new ArrayList<>();
      final LongTopK longTop = new LongTopK(limit, order);
      final DoubleTopK doubleTop = new DoubleTopK(limit, order);
      final int[] shuffled = new int[groups];
      for (int g = 0; g < groups; g++) {
        shuffled[g] = g;
      }
      for (int g = groups - 1; g > 0; g--) { // offers in random group order too
        final int other = random.nextInt(g + 1);
        final int swap = shuffled[g];
        shuffled[g] = shuffled[other];
        shuffled[other] = swap;
      }
      for (int g : shuffled) {
        final boolean isNull = random.nextDouble() < nullShare;
        final long longMetric =
            random.nextInt(20) == 0
                ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1}[random.nextInt(3)]
                : random.nextLong(-spread, spread);
        final double metric =
            random.nextInt(20) == 0
                ? new double[] {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY}[random.nextInt(4)]
                : longMetric / 4.0;
        all.add(new Entry(g, isNull, metric, longMetric));
        if (isNull) {
          longTop.offerNull(g);
          doubleTop.offerNull(g);
        } else {
          longTop.offer(g, longMetric);
          doubleTop.offer(g, metric);
        }
      }
      final String at = "seed=" + seed + " round=" + round + " order=" + order + " limit=" + limit;
      checkLong(oracle(all, order, false, limit), longTop, at);
      checkDouble(oracle(all, order, true, limit), doubleTop, at);
    }
  }

  private static void checkLong(List<Entry> expected, LongTopK top, String at) {
    final int[] groups = new int[expected.size()];
    final long[] metrics = new long[expected.size()];
    final boolean[] nulls = new boolean[expected.size()];
    assertEquals(expected.size(), top.size(), at);
    assertEquals(expected.size(), top.drain(groups, metrics, nulls), at);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).group(), groups[i], at + " rank=" + i);
      assertEquals(expected.get(i).isNull(), nulls[i], at + " rank=" + i);
      if (!nulls[i]) {
        assertEquals(expected.get(i).longMetric(), metrics[i], at + " rank=" + i);
      }
    }
    assertEquals(0, top.size(), "drained");
  }

  private static void checkDouble(List<Entry> expected, DoubleTopK top, String at) {
    final int[] groups = new int[expected.size()];
    final double[] metrics = new double[expected.size()];
    final boolean[] nulls = new boolean[expected.size()];
    assertEquals(expected.size(), top.drain(groups, metrics, nulls), at);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).group(), groups[i], at + " rank=" + i);
      assertEquals(expected.get(i).isNull(), nulls[i], at + " rank=" + i);
      if (!nulls[i]) {
        assertEquals(
            Double.doubleToLongBits(expected.get(i).metric()),
            Double.doubleToLongBits(metrics[i]),
            at + " rank=" + i);
      }
    }
  }

  @Test
  void orderByCountAscendingOverDenseGroups() {
    // The paper's Q4 shape: group by a dictionary column, order by count asc limit 100. Groups
    // never seen (count 0) are absent from a group-by result and must be skipped.
    final long seed = seed();
    final SplittableRandom random = new SplittableRandom(seed);
    final AccumulatorTable table =
        new AccumulatorTable(new AccumulatorKind[] {AccumulatorKind.COUNT}, 100_000, Long.MAX_VALUE);
    final int[] intCounts = new int[100_000];
    final int[] ids = new int[1024];
    for (int batch = 0; batch < 300; batch++) {
      for (int i = 0; i < ids.length; i++) {
        ids[i] = random.nextInt(100_000);
      }
      GroupedCountKernels.count(table.cells(), 1, 0, ids, ids.length);
      GroupedCountKernels.count(intCounts, ids, ids.length);
    }
    final List<Entry> all = new ArrayList<>();
    for (int g = 0; g < 100_000; g++) {
      assertEquals(table.longValue(g, 0), intCounts[g], "seed=" + seed);
      if (table.longValue(g, 0) > 0) {
        all.add(new Entry(g, false, 0, table.longValue(g, 0)));
      }
    }
    for (TopKOrder order : TopKOrder.values()) {
      final LongTopK top = new LongTopK(100, order);
      top.offerGroups(table.cells(), 1, 0, 0, -1, 100_000);
      checkLong(oracle(all, order, false, 100), top, "seed=" + seed + " cells " + order);
      top.offerCounts(intCounts, 100_000);
      checkLong(oracle(all, order, false, 100), top, "seed=" + seed + " int counts " + order);
    }
  }

  @Test
  void offerGroupsReadsDoubleCellsAndNullSlots() {
    final AccumulatorKind[] kinds = {
      AccumulatorKind.COUNT, AccumulatorKind.DOUBLE_SUM, AccumulatorKind.COUNT
    };
    final AccumulatorTable table = new AccumulatorTable(kinds, 4, Long.MAX_VALUE);
    final long[] cells = table.cells();
    // group 0: absent; 1: 2.5; 2: present but all null; 3: -1.0
    cells[3] = 1;
    cells[4] = Double.doubleToRawLongBits(2.5);
    cells[5] = 1;
    cells[6] = 2;
    cells[9] = 1;
    cells[10] = Double.doubleToRawLongBits(-1.0);
    cells[11] = 1;
    final DoubleTopK top = new DoubleTopK(10, TopKOrder.SMALLEST);
    top.offerGroups(cells, 3, 1, 0, 2, 4);
    final int[] groups = new int[3];
    final double[] metrics = new double[3];
    final boolean[] nulls = new boolean[3];
    assertEquals(3, top.drain(groups, metrics, nulls));
    assertEquals(List.of(2, 3, 1), List.of(groups[0], groups[1], groups[2]));
    assertEquals(true, nulls[0]);
    assertEquals(-1.0, metrics[1]);
    assertEquals(2.5, metrics[2]);
  }

  @Test
  void rejectsBadArguments() {
    assertEquals(
        "top-K limit=-1 must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new LongTopK(-1, TopKOrder.LARGEST))
            .getMessage());
    final LongTopK top = new LongTopK(2, TopKOrder.LARGEST);
    top.offerNull(4);
    assertEquals(
        "top-K has 1 null groups to write but nullsOut is null",
        assertThrows(
                IllegalArgumentException.class, () -> top.drain(new int[2], new long[2], null))
            .getMessage());
  }
}
