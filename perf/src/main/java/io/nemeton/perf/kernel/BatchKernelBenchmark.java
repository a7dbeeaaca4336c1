package io.nemeton.perf.kernel;

import io.nemeton.engine.kernel.CountKernels;
import io.nemeton.engine.kernel.DoubleKernels;
import io.nemeton.engine.kernel.FloatKernels;
import io.nemeton.engine.kernel.IdBitSet;
import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.kernel.LongKernels;
import io.nemeton.engine.kernel.SelectionKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Each batch kernel on one cache-resident 1024-row batch, scalar against SIMD; scores in
 * <b>nanoseconds per row</b>. Selections keep about half the rows (the hardest case for
 * branches); null masks have 10% nulls; the dictionary filter matches a third of 1 M ids.
 *
 * <p>Run: {@code java --add-modules=jdk.incubator.vector -jar perf/target/nemeton-perf.jar
 * BatchKernelBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class BatchKernelBenchmark {
  private static final int ROWS = 1024;

  @Param({"SCALAR", "SIMD"})
  public KernelMode mode;

  private LongKernels longs;
  private DoubleKernels doubles;
  private FloatKernels floats;
  private CountKernels counts;
  private SelectionKernels selections;
  private final long[] longValues = new long[ROWS];
  private final double[] doubleValues = new double[ROWS];
  private final float[] floatValues = new float[ROWS];
  private final boolean[] nulls = new boolean[ROWS];
  private final int[] ids = new int[ROWS];
  private final int[] selection = new int[ROWS];
  private final int[] out = new int[ROWS];
  private int selected;
  private IdBitSet matching;

  @Setup
  public void setUp() {
    final Kernels kernels = Kernels.of(mode);
    longs = kernels.longs();
    doubles = kernels.doubles();
    floats = kernels.floats();
    counts = kernels.counts();
    selections = kernels.selections();
    final SplittableRandom random = new SplittableRandom(7);
    matching = new IdBitSet(1_000_000);
    for (int id = 0; id < 1_000_000; id += 3) {
      matching.add(id);
    }
    for (int row = 0; row < ROWS; row++) {
      longValues[row] = random.nextLong(10_001);
      doubleValues[row] = random.nextDouble();
      floatValues[row] = (float) random.nextDouble();
      nulls[row] = random.nextInt(10) == 0;
      ids[row] = random.nextInt(1_000_000);
      if (random.nextBoolean()) {
        selection[selected++] = row;
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long longSum() {
    return longs.sum(longValues, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long longSumNulls() {
    return longs.sum(longValues, nulls, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long longSumSelection() {
    return longs.sum(longValues, selection, selected);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long longMin() {
    return longs.min(longValues, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double doubleSum() {
    return doubles.sum(doubleValues, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double doubleSumNulls() {
    return doubles.sum(doubleValues, nulls, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double doubleSumSelection() {
    return doubles.sum(doubleValues, selection, selected);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double doubleMax() {
    return doubles.max(doubleValues, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double floatSum() {
    return floats.sum(floatValues, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public float floatMin() {
    return floats.min(floatValues, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int countNonNull() {
    return counts.countNonNull(nulls, ROWS);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int selectLongRange() {
    return selections.selectLongRange(longValues, null, ROWS, 0, 5000, out);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int selectDoubleRangeNulls() {
    return selections.selectDoubleRange(doubleValues, nulls, ROWS, 0.0, 0.5, out);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int refineDoubleRange() {
    return selections.refineDoubleRange(doubleValues, null, selection, selected, 0.0, 0.5, out);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int selectIds() {
    return selections.selectIds(ids, ROWS, matching, out);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int gather() {
    selections.gather(ids, selection, selected, out);
    return out[0];
  }
}
