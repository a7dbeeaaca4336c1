package io.nemeton.engine.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Grouped kernels over interleaved and separate layouts against a row-at-a-time oracle; growth,
 * reset, merge and the memory bound of the table.
 */
class AccumulatorTableTest {
  private static final AccumulatorKind[] KINDS = {
    AccumulatorKind.COUNT,
    AccumulatorKind.LONG_SUM,
    AccumulatorKind.LONG_MIN,
    AccumulatorKind.LONG_MAX,
    AccumulatorKind.DOUBLE_SUM,
    AccumulatorKind.DOUBLE_MIN,
    AccumulatorKind.DOUBLE_MAX,
    AccumulatorKind.COUNT, // non-null count of the nullable columns
    AccumulatorKind.DOUBLE_SUM, // float sum
    AccumulatorKind.DOUBLE_MAX, // float max
  };

  private static long seed() {
    final String fixed = System.getProperty("nemeton.test.seed");
    return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
  }

  /**
   * Runs every kernel of one batch: kernel k updates {@code slots[k]} of {@code tables[k]}, so one
   * interleaved table (all k the same table) and ten one-slot tables run the very same calls.
   */
  private static void aggregate(
      AccumulatorTable[] tables,
      int[] slots,
      int[] groupIds,
      long[] longs,
      double[] doubles,
      float[] floats,
      int[] selection,
      boolean[] nulls,
      int count) {
    final long[][] c = new long[tables.length][];
    final int[] s = new int[tables.length];
    for (int k = 0; k < tables.length; k++) {
      c[k] = tables[k].cells();
      s[k] = tables[k].stride();
    }
    final int[] g = groupIds;
    final int n = count;
    GroupedCountKernels.count(c[0], s[0], slots[0], g, n);
    if (selection == null && nulls == null) {
      GroupedLongKernels.sum(c[1], s[1], slots[1], g, longs, n);
      GroupedLongKernels.min(c[2], s[2], slots[2], g, longs, n);
      GroupedLongKernels.max(c[3], s[3], slots[3], g, longs, n);
      GroupedDoubleKernels.sum(c[4], s[4], slots[4], g, doubles, n);
      GroupedDoubleKernels.min(c[5], s[5], slots[5], g, doubles, n);
      GroupedDoubleKernels.max(c[6], s[6], slots[6], g, doubles, n);
      GroupedCountKernels.count(c[7], s[7], slots[7], g, n);
      GroupedFloatKernels.sum(c[8], s[8], slots[8], g, floats, n);
      GroupedFloatKernels.max(c[9], s[9], slots[9], g, floats, n);
    } else if (selection == null) {
      GroupedLongKernels.sum(c[1], s[1], slots[1], g, longs, nulls, n);
      GroupedLongKernels.min(c[2], s[2], slots[2], g, longs, nulls, n);
      GroupedLongKernels.max(c[3], s[3], slots[3], g, longs, nulls, n);
      GroupedDoubleKernels.sum(c[4], s[4], slots[4], g, doubles, nulls, n);
      GroupedDoubleKernels.min(c[5], s[5], slots[5], g, doubles, nulls, n);
      GroupedDoubleKernels.max(c[6], s[6], slots[6], g, doubles, nulls, n);
      GroupedCountKernels.countNonNull(c[7], s[7], slots[7], g, nulls, n);
      GroupedFloatKernels.sum(c[8], s[8], slots[8], g, floats, nulls, n);
      GroupedFloatKernels.max(c[9], s[9], slots[9], g, floats, nulls, n);
    } else if (nulls == null) {
      GroupedLongKernels.sum(c[1], s[1], slots[1], g, longs, selection, n);
      GroupedLongKernels.min(c[2], s[2], slots[2], g, longs, selection, n);
      GroupedLongKernels.max(c[3], s[3], slots[3], g, longs, selection, n);
      GroupedDoubleKernels.sum(c[4], s[4], slots[4], g, doubles, selection, n);
      GroupedDoubleKernels.min(c[5], s[5], slots[5], g, doubles, selection, n);
      GroupedDoubleKernels.max(c[6], s[6], slots[6], g, doubles, selection, n);
      GroupedCountKernels.count(c[7], s[7], slots[7], g, n);
      GroupedFloatKernels.sum(c[8], s[8], slots[8], g, floats, selection, n);
      GroupedFloatKernels.max(c[9], s[9], slots[9], g, floats, selection, n);
    } else {
      GroupedLongKernels.sum(c[1], s[1], slots[1], g, longs, selection, nulls, n);
      GroupedLongKernels.min(c[2], s[2], slots[2], g, longs, selection, nulls, n);
      GroupedLongKernels.max(c[3], s[3], slots[3], g, longs, selection, nulls, n);
      GroupedDoubleKernels.sum(c[4], s[4], slots[4], g, doubles, selection, nulls, n);
      GroupedDoubleKernels.min(c[5], s[5], slots[5], g, doubles, selection, nulls, n);
      GroupedDoubleKernels.max(c[6], s[6], slots[6], g, doubles, selection, nulls, n);
      GroupedCountKernels.countNonNull(c[7], s[7], slots[7], g, selection, nulls, n);
      GroupedFloatKernels.sum(c[8], s[8], slots[8], g, floats, selection, nulls, n);
      GroupedFloatKernels.max(c[9], s[9], slots[9], g, floats, selection, nulls, n);
    }
  }

  @Test
  void interleavedAndSeparateLayoutsMatchOracle() {
    final long seed = seed();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 30; round++) {
      final int groups = 1 + random.nextInt(random.nextBoolean() ? 10 : 5000);
      final AccumulatorTable interleaved = new AccumulatorTable(KINDS, groups, Long.MAX_VALUE);
      final AccumulatorTable[] separate = new AccumulatorTable[KINDS.length];
      for (int slot = 0; slot < KINDS.length; slot++) {
        separate[slot] =
            new AccumulatorTable(new AccumulatorKind[] {KINDS[slot]}, groups, Long.MAX_VALUE);
      }
      final long[][] expected = new long[groups][KINDS.length];
      for (int g = 0; g < groups; g++) {
        for (int slot = 0; slot < KINDS.length; slot++) {
          expected[g][slot] = KINDS[slot].identityBits();
        }
      }
      final int[] allSlots = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
      final int[] slotZero = new int[KINDS.length];
      final AccumulatorTable[] sameTable = new AccumulatorTable[KINDS.length];
      java.util.Arrays.fill(sameTable, interleaved);
      for (int batch = 0; batch < 40; batch++) {
        final int rows = random.nextInt(1025);
        final long[] longs = new long[rows];
        final double[] doubles = new double[rows];
        final float[] floats = new float[rows];
        final boolean[] nulls = random.nextBoolean() ? null : new boolean[rows];
        for (int row = 0; row < rows; row++) {
          longs[row] = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong(-100, 100);
          doubles[row] =
              random.nextInt(50) == 0
                  ? new double[] {Double.NaN, -0.0, Double.NEGATIVE_INFINITY}[random.nextInt(3)]
                  : random.nextDouble(-1e6, 1e6);
          floats[row] = (float) random.nextDouble(-1e3, 1e3);
          if (nulls != null) {
            nulls[row] = random.nextInt(3) == 0;
          }
        }
        int[] selection = null;
        int count = rows;
        if (random.nextBoolean()) {
          selection = new int[rows];
          count = 0;
          for (int row = 0; row < rows; row++) {
            if (random.nextBoolean()) {
              selection[count++] = row;
            }
          }
        }
        final int[] groupIds = new int[count];
        for (int i = 0; i < count; i++) {
          groupIds[i] = random.nextInt(groups);
        }
        aggregate(sameTable, allSlots, groupIds, longs, doubles, floats, selection, nulls, count);
        aggregate(separate, slotZero, groupIds, longs, doubles, floats, selection, nulls, count);
        for (int i = 0; i < count; i++) {
          final int row = selection == null ? i : selection[i];
          final long[] cell = expected[groupIds[i]];
          cell[0]++;
          if (nulls != null && nulls[row]) {
            continue;
          }
          cell[1] += longs[row];
          cell[2] = Math.min(cell[2], longs[row]);
          cell[3] = Math.max(cell[3], longs[row]);
          cell[4] = bits(value(cell[4]) + doubles[row]);
          cell[5] = bits(Math.min(value(cell[5]), doubles[row]));
          cell[6] = bits(Math.max(value(cell[6]), doubles[row]));
          cell[7]++;
          cell[8] = bits(value(cell[8]) + floats[row]);
          cell[9] = bits(Math.max(value(cell[9]), floats[row]));
        }
      }
      for (int g = 0; g < groups; g++) {
        for (int slot = 0; slot < KINDS.length; slot++) {
          final String at = "seed=" + seed + " round=" + round + " group=" + g + " slot=" + slot;
          assertEquals(expected[g][slot], interleaved.longValue(g, slot), at + " interleaved");
          assertEquals(expected[g][slot], separate[slot].longValue(g, 0), at + " separate");
        }
      }
    }
  }

  @Test
  void growthKeepsCellsAndStartsNewOnesAtIdentities() {
    final AccumulatorKind[] kinds = {AccumulatorKind.LONG_MIN, AccumulatorKind.DOUBLE_MAX};
    final AccumulatorTable table = new AccumulatorTable(kinds, 2, Long.MAX_VALUE);
    table.cells()[0] = 5;
    table.cells()[3] = bits(2.5);
    table.ensureCapacity(3);
    assertEquals(4, table.groupCapacity(), "at least doubles");
    assertEquals(5, table.longValue(0, 0));
    assertEquals(2.5, table.doubleValue(1, 1));
    assertEquals(Long.MAX_VALUE, table.longValue(3, 0));
    assertEquals(Double.NEGATIVE_INFINITY, table.doubleValue(3, 1));
    table.reset();
    assertEquals(Long.MAX_VALUE, table.longValue(0, 0));
    assertEquals(Double.NEGATIVE_INFINITY, table.doubleValue(1, 1));
  }

  @Test
  void mergeFoldsPartialsByKind() {
    final AccumulatorTable target = new AccumulatorTable(KINDS, 3, Long.MAX_VALUE);
    final AccumulatorTable source = new AccumulatorTable(KINDS, 2, Long.MAX_VALUE);
    final int[] slots = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    final AccumulatorTable[] targets = new AccumulatorTable[KINDS.length];
    java.util.Arrays.fill(targets, target);
    final AccumulatorTable[] sources = new AccumulatorTable[KINDS.length];
    java.util.Arrays.fill(sources, source);
    final long[] longs = {4, -9, 7};
    final double[] doubles = {1.5, -2.0, 8.0};
    final float[] floats = {1f, 2f, 3f};
    aggregate(targets, slots, new int[] {2, 2, 0}, longs, doubles, floats, null, null, 3);
    aggregate(sources, slots, new int[] {0, 1, 1}, longs, doubles, floats, null, null, 3);
    // Source group 0 -> target 2, source group 1 -> target 1 (new).
    target.mergeFrom(source, new int[] {2, 1}, 2);
    assertEquals(3, target.longValue(2, 0));
    assertEquals(4 - 9 + 4, target.longValue(2, 1));
    assertEquals(-9, target.longValue(2, 2));
    assertEquals(4, target.longValue(2, 3));
    assertEquals(1.5 - 2.0 + 1.5, target.doubleValue(2, 4));
    assertEquals(-2.0, target.doubleValue(2, 5));
    assertEquals(2, target.longValue(1, 0));
    assertEquals(-2, target.longValue(1, 1));
    assertEquals(8.0, target.doubleValue(1, 6));
    assertEquals(
        "cannot merge accumulator tables of different slots: [COUNT] into "
            + java.util.Arrays.toString(KINDS),
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    target.mergeFrom(
                        new AccumulatorTable(
                            new AccumulatorKind[] {AccumulatorKind.COUNT}, 1, Long.MAX_VALUE),
                        new int[] {0},
                        1))
            .getMessage());
  }

  @Test
  void memoryBoundFailsWithClearMessage() {
    final AccumulatorKind[] kinds = {AccumulatorKind.COUNT, AccumulatorKind.LONG_SUM};
    final AccumulatorTable table = new AccumulatorTable(kinds, 10, 400);
    final GroupByResourceLimitExceededException error =
        assertThrows(GroupByResourceLimitExceededException.class, () -> table.ensureCapacity(11));
    assertEquals(
        "accumulator table: growing to groups=20 with slots=2 needs 480 bytes (old and new cells"
            + " while copying), over the limit maxBytes=400",
        error.getMessage());
    assertEquals(480, error.requiredBytes());
  }

  private static double value(long bits) {
    return Double.longBitsToDouble(bits);
  }

  private static long bits(double value) {
    return Double.doubleToRawLongBits(value);
  }
}
