package io.nemeton.perf.kernel;

import io.nemeton.engine.groupby.AccumulatorKind;
import io.nemeton.engine.groupby.AccumulatorTable;
import io.nemeton.engine.groupby.GroupKeyHashTable;
import io.nemeton.engine.groupby.GroupKeyPacking;
import io.nemeton.engine.groupby.GroupedCountKernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Group-by through the off-heap hash table, for keys that do not index dense arrays: 10 M rows in
 * 1024-row batches, {@code count} per group; scores in <b>rows per second</b>. {@code oneLong}
 * groups by {@code dim_high} as a long key (≈962 k groups); {@code twoLongs} by ({@code dim_high},
 * {@code dim_10}) as a two-long key (≈2.6 M groups). The table is cleared, not freed, between
 * invocations, as a query reuses it from segment to segment.
 *
 * <p>Run: {@code java --add-modules=jdk.incubator.vector -jar perf/target/nemeton-perf.jar
 * GroupKeyHashTableBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g", "-XX:+UseParallelGC"})
public class GroupKeyHashTableBenchmark {
  private static final int ROWS = PaperColumns.ROWS;
  private static final int BATCH = PaperColumns.BATCH;
  private static final String TAG = "bench-groupby-hash";

  private PaperColumns columns;
  private GroupKeyHashTable oneLong;
  private GroupKeyHashTable twoLongs;
  private AccumulatorTable counts;
  private final long[] keys = new long[2 * BATCH];
  private final long[] first = new long[BATCH];
  private final long[] second = new long[BATCH];
  private final int[] groups = new int[BATCH];

  @Setup(Level.Trial)
  public void setUp() {
    columns = new PaperColumns(42, false);
    oneLong = new GroupKeyHashTable(TAG, 1, 0, 1L << 30);
    twoLongs = new GroupKeyHashTable(TAG, 2, 0, 1L << 30);
    counts =
        new AccumulatorTable(new AccumulatorKind[] {AccumulatorKind.COUNT}, 1024, 1L << 30);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    oneLong.close();
    twoLongs.close();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long oneLong() {
    final GroupKeyHashTable table = oneLong;
    table.clear();
    counts.reset();
    final int[] dimHigh = columns.dimHigh;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      for (int i = 0; i < rows; i++) {
        keys[i] = dimHigh[start + i];
      }
      table.findOrInsert(keys, rows, groups);
      counts.ensureCapacity(table.size());
      GroupedCountKernels.count(counts.cells(), 1, 0, groups, rows);
    }
    return table.size() + counts.longValue(0, 0);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long twoLongs() {
    final GroupKeyHashTable table = twoLongs;
    table.clear();
    counts.reset();
    final PaperColumns columns = this.columns;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      for (int i = 0; i < rows; i++) {
        first[i] = columns.dimHigh[start + i];
        second[i] = columns.dim10[start + i];
      }
      GroupKeyPacking.interleave(first, second, rows, keys);
      table.findOrInsert(keys, rows, groups);
      counts.ensureCapacity(table.size());
      GroupedCountKernels.count(counts.cells(), 1, 0, groups, rows);
    }
    return table.size() + counts.longValue(0, 0);
  }
}
