package io.nemeton.perf.codecs;

import io.nemeton.codecs.internal.LongPrefixSum;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The delta decoder's running sum over a 1024-value block, against a plain copy of the same block.
 * Values per second. (A Vector API scan was measured here too and removed: see {@code
 * LongPrefixSum}.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PrefixSumBenchmark.VALUES)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PrefixSumBenchmark {
  static final int VALUES = 1024;

  private final long[] deltas = new long[VALUES];
  private final long[] values = new long[VALUES];

  @Setup(Level.Trial)
  public void fill() {
    final SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < VALUES; i++) {
      deltas[i] = random.nextInt(1000);
    }
  }

  @Benchmark
  public long[] scalar() {
    System.arraycopy(deltas, 0, values, 0, VALUES);
    LongPrefixSum.scalar(values, VALUES, 1_442_016_000_000L);
    return values;
  }

  @Benchmark
  public long[] copyOnly() {
    System.arraycopy(deltas, 0, values, 0, VALUES);
    return values;
  }
}
