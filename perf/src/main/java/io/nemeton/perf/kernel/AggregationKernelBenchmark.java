package io.nemeton.perf.kernel;

import io.nemeton.engine.kernel.CountAggregator;
import io.nemeton.engine.kernel.DoubleSumAggregator;
import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.kernel.LongSumAggregator;
import io.nemeton.engine.kernel.SelectionKernels;
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
 * The paper's ungrouped scans over 10 M rows in 1024-row batches, scores in <b>rows per second</b>:
 * Q2 {@code count + sum(metric1)}, Q3 {@code count + sum} of the four metrics, and Q2 behind a
 * range filter on metric1 keeping about half the rows. "Streamed" copies each batch out of the
 * 10 M-row columns into scratch first, standing in for the decoder (so the columns come from
 * memory); "InCache" runs the kernels on one cache-resident batch over and over (the kernel's own
 * speed). Scalar against SIMD in the same run.
 *
 * <p>Run: {@code java --add-modules=jdk.incubator.vector -jar perf/target/nemeton-perf.jar
 * AggregationKernelBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g", "-XX:+UseParallelGC"})
public class AggregationKernelBenchmark {
  private static final int ROWS = PaperColumns.ROWS;
  private static final int BATCH = PaperColumns.BATCH;

  @Param({"SCALAR", "SIMD"})
  public KernelMode mode;

  private PaperColumns columns;
  private CountAggregator count;
  private LongSumAggregator sum1;
  private LongSumAggregator sum2;
  private DoubleSumAggregator sum3;
  private DoubleSumAggregator sum4;
  private SelectionKernels selections;
  private final long[] batch1 = new long[BATCH];
  private final long[] batch2 = new long[BATCH];
  private final double[] batch3 = new double[BATCH];
  private final double[] batch4 = new double[BATCH];
  private final int[] selection = new int[BATCH];

  @Setup(Level.Trial)
  public void setUp() {
    columns = new PaperColumns(42, false);
    final Kernels kernels = Kernels.of(mode);
    count = new CountAggregator(kernels);
    sum1 = new LongSumAggregator(kernels);
    sum2 = new LongSumAggregator(kernels);
    sum3 = new DoubleSumAggregator(kernels);
    sum4 = new DoubleSumAggregator(kernels);
    selections = kernels.selections();
    System.arraycopy(columns.metric1, 0, batch1, 0, BATCH);
    System.arraycopy(columns.metric2, 0, batch2, 0, BATCH);
    System.arraycopy(columns.metric3, 0, batch3, 0, BATCH);
    System.arraycopy(columns.metric4, 0, batch4, 0, BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q2Streamed() {
    count.reset();
    sum1.reset();
    final long[] metric1 = columns.metric1;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(metric1, start, batch1, 0, rows);
      count.aggregate(rows);
      sum1.aggregate(batch1, rows);
    }
    return count.value() + sum1.value();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q2InCache() {
    count.reset();
    sum1.reset();
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      count.aggregate(rows);
      sum1.aggregate(batch1, rows);
    }
    return count.value() + sum1.value();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double q3Streamed() {
    count.reset();
    sum1.reset();
    sum2.reset();
    sum3.reset();
    sum4.reset();
    final PaperColumns columns = this.columns;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(columns.metric1, start, batch1, 0, rows);
      System.arraycopy(columns.metric2, start, batch2, 0, rows);
      System.arraycopy(columns.metric3, start, batch3, 0, rows);
      System.arraycopy(columns.metric4, start, batch4, 0, rows);
      count.aggregate(rows);
      sum1.aggregate(batch1, rows);
      sum2.aggregate(batch2, rows);
      sum3.aggregate(batch3, rows);
      sum4.aggregate(batch4, rows);
    }
    return count.value() + sum1.value() + sum2.value() + sum3.value() + sum4.value();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double q3InCache() {
    count.reset();
    sum1.reset();
    sum2.reset();
    sum3.reset();
    sum4.reset();
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      count.aggregate(rows);
      sum1.aggregate(batch1, rows);
      sum2.aggregate(batch2, rows);
      sum3.aggregate(batch3, rows);
      sum4.aggregate(batch4, rows);
    }
    return count.value() + sum1.value() + sum2.value() + sum3.value() + sum4.value();
  }

  /** Q2 where metric1 in [0, 5000]: a selection vector per batch, then the selection forms. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long q2FilteredStreamed() {
    count.reset();
    sum1.reset();
    final long[] metric1 = columns.metric1;
    for (int start = 0; start < ROWS; start += BATCH) {
      final int rows = Math.min(BATCH, ROWS - start);
      System.arraycopy(metric1, start, batch1, 0, rows);
      final int selected = selections.selectLongRange(batch1, null, rows, 0, 5000, selection);
      count.aggregate(selected);
      sum1.aggregate(batch1, selection, selected);
    }
    return count.value() + sum1.value();
  }
}
