package io.nemeton.perf.kernel;

import io.nemeton.engine.groupby.AccumulatorKind;
import io.nemeton.engine.groupby.AccumulatorTable;
import io.nemeton.engine.groupby.GroupedCountKernels;
import io.nemeton.engine.groupby.GroupedDoubleKernels;
import io.nemeton.engine.groupby.GroupedLongKernels;
import io.nemeton.engine.groupby.LongTopK;
import io.nemeton.engine.groupby.TopKOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paper's grouped scans over 10 M rows in 1024-row batches, grouped by the 1 M-value
 * dictionary column {@code dim_high} into dense accumulator cells indexed by dictionary id, then
 * {@code order by count asc limit 100}; scores in <b>rows per second</b>. Q4 counts (in long cells,
 * or in an {@code int[]}: {@code q4IntCounts}); Q5 adds a long sum; Q6 adds four sums (two long,
 * two double). Each invocation resets the accumulators,
 * copies every batch out of the 10 M-row columns (standing in for the decoder), runs one kernel
 * pass per aggregator, and picks the top 100.
 *
 * <p>{@code layout} compares the accumulator layouts: INTERLEAVED keeps a group's slots side by
 * side in one table; SEPARATE gives each aggregator its own array. {@code distribution} is the
 * paper's Zipf 0.8 or uniform (every row a likely cache miss).
 *
 * <p>Run: {@code java --add-modules=jdk.incubator.vector -jar perf/target/nemeton-perf.jar
 * GroupByKernelBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g", "-XX:+UseParallelGC"})
public class GroupByKernelBenchmark {
  private static final int ROWS = PaperColumns.ROWS;
  private static final int BATCH = PaperColumns.BATCH;
  private static final int GROUPS = PaperColumns.DIM_HIGH_CARDINALITY;
  private static final int LIMIT = 100;

  @Param({"INTERLEAVED", "SEPARATE"})
  public String layout;

  @Param({"ZIPF", "UNIFORM"})
  public String distribution;

  private PaperColumns columns;
  private AccumulatorTable[] q4Tables;
  private int[] q4Slots;
  private AccumulatorTable[] q5Tables;
  private int[] q5Slots;
  private AccumulatorTable[] q6Tables;
  private int[] q6Slots;
  private final LongTopK top = new LongTopK(LIMIT, TopKOrder.SMALLEST);
  private final int[] ids = new int[BATCH];
  private final long[] batch1 = new long[BATCH];
  private final long[] batch2 = new long[BATCH];
  private final double[] batch3 = new double[BATCH];
  private final double[] batch4 = new double[BATCH];
  private final int[] intCounts = new int[GROUPS];
  private final int[] topGroups = new int[LIMIT];
  private final long[] topCounts = new long[LIMIT];

  @Setup(Level.Trial)
  public void setUp() {
    columns = new PaperColumns(42, distribution.equals("UNIFORM"));
    q4Tables = tables(AccumulatorKind.COUNT);
    q4Slots = slots(1);
    q5Tables = tables(AccumulatorKind.COUNT, AccumulatorKind.LONG_SUM);
    q5Slots = slots(2);
    q6Tables =
        tables(
            AccumulatorKind.COUNT,
            AccumulatorKind.LONG_SUM,
            AccumulatorKind.LONG_SUM,
            AccumulatorKind.DOUBLE_SUM,
            AccumulatorKind.DOUBLE_SUM);
    q6Slots = slots(5);
  }

  /** Aggregator k lives in tables[k] at slots[k]: one shared table, or one table each. */
  private AccumulatorTable[] tables(AccumulatorKind... kinds) {
    final AccumulatorTable[] tables = new AccumulatorTable[kinds.length];
    if (layout.equals("INTERLEAVED")) {
      final AccumulatorTable shared = new AccumulatorTable(kinds, GROUPS, Long.MAX_VALUE);
      java.util.Arrays.fill(tables, shared);
    } else {
      for (int k = 0; k < kinds.length; k++) {
        tables[k] =
            new AccumulatorTable(new AccumulatorKind[] {kinds[k]}, GROUPS, Long.MAX_VALUE);
      }
    }
    return tables;
  }

  private int[] slots(int count) {
    final int[] slots = new int[count];
    for (int k = 0; k < count; k++) {
      slots[k] = layout.equals("INTERLEAVED") ? k : 0;
    }
    return slots;
  }

  private static void reset(AccumulatorTable[] tables) {
    for (int k = 0; k < tables.length; k++) {
      if (k == 0 || tables[k] != tables[k - 1]) {
        tables[k].reset();
      }
    }
  }

  private long orderByCountAscending(AccumulatorTable counts, int countSlot) {
    top.offerGroups(counts.cells(), counts.stride(), countSlot, countSlot, -1, GROUPS);
    top.drain(topGroups, topCounts, null);
    return topGroups[0] + topCounts[LIMIT - 1];
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q4() {
    final AccumulatorTable[] tables = q4Tables;
    reset(tables);
    final long[] counts = tables[0].cells();
    final int stride = tables[0].stride();
    final int slot = q4Slots[0];
    final int[] dimHigh = columns.dimHigh;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(dimHigh, start, ids, 0, rows);
      GroupedCountKernels.count(counts, stride, slot, ids, rows);
    }
    return orderByCountAscending(tables[0], slot);
  }

  /** Q4 with the row counts in an {@code int[]} (half the bytes of long cells). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q4IntCounts() {
    final int[] counts = intCounts;
    java.util.Arrays.fill(counts, 0);
    final int[] dimHigh = columns.dimHigh;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(dimHigh, start, ids, 0, rows);
      GroupedCountKernels.count(counts, ids, rows);
    }
    top.offerCounts(counts, GROUPS);
    top.drain(topGroups, topCounts, null);
    return topGroups[0] + topCounts[LIMIT - 1];
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q5() {
    final AccumulatorTable[] t = q5Tables;
    final int[] s = q5Slots;
    reset(t);
    final PaperColumns columns = this.columns;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(columns.dimHigh, start, ids, 0, rows);
      System.arraycopy(columns.metric1, start, batch1, 0, rows);
      GroupedCountKernels.count(t[0].cells(), t[0].stride(), s[0], ids, rows);
      GroupedLongKernels.sum(t[1].cells(), t[1].stride(), s[1], ids, batch1, rows);
    }
    return orderByCountAscending(t[0], s[0]);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q6() {
    final AccumulatorTable[] t = q6Tables;
    final int[] s = q6Slots;
    reset(t);
    final PaperColumns columns = this.columns;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(columns.dimHigh, start, ids, 0, rows);
      System.arraycopy(columns.metric1, start, batch1, 0, rows);
      System.arraycopy(columns.metric2, start, batch2, 0, rows);
      System.arraycopy(columns.metric3, start, batch3, 0, rows);
      System.arraycopy(columns.metric4, start, batch4, 0, rows);
      GroupedCountKernels.count(t[0].cells(), t[0].stride(), s[0], ids, rows);
      GroupedLongKernels.sum(t[1].cells(), t[1].stride(), s[1], ids, batch1, rows);
      GroupedLongKernels.sum(t[2].cells(), t[2].stride(), s[2], ids, batch2, rows);
      GroupedDoubleKernels.sum(t[3].cells(), t[3].stride(), s[3], ids, batch3, rows);
      GroupedDoubleKernels.sum(t[4].cells(), t[4].stride(), s[4], ids, batch4, rows);
    }
    return orderByCountAscending(t[0], s[0]);
  }
}
