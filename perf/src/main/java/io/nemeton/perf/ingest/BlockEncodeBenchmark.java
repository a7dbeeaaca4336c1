package io.nemeton.perf.ingest;

import io.nemeton.codecs.BlockEncoderScratch;
import io.nemeton.codecs.DoubleBlockCodec;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.memory.GrowableBytes;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The segment writer's block encoding, as the ingest's file writer calls it: 1,024-value blocks of
 * dictionary ids (0..999), two-decimal prices and a sorted time column, each encoded with a reused
 * {@link BlockEncoderScratch} ({@code scratch=true}) or through the allocating entry points
 * ({@code scratch=false}, a fresh scratch per block, as every block was before the scratch
 * existed). Scores are values per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BlockEncodeBenchmark.VALUES)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BlockEncodeBenchmark {
  static final int VALUES = 1024;

  @Param({"true", "false"})
  public boolean scratch;

  private final int[] ids = new int[VALUES];
  private final double[] prices = new double[VALUES];
  private final long[] times = new long[VALUES];
  private final GrowableBytes out = new GrowableBytes(16 * VALUES);
  private final BlockEncoderScratch encoderScratch = new BlockEncoderScratch();

  @Setup(Level.Trial)
  public void generate() {
    final SplittableRandom random = new SplittableRandom(42);
    long now = 1_767_225_600_000L;
    for (int i = 0; i < VALUES; i++) {
      ids[i] = random.nextInt(1000);
      prices[i] = random.nextInt(100_000_000) / 100.0;
      now += random.nextInt(20);
      times[i] = now;
    }
  }

  @Benchmark
  public int intIds() {
    out.clear();
    return scratch ? IntBlockCodec.encode(ids, VALUES, out, encoderScratch) : IntBlockCodec.encode(ids, VALUES, out);
  }

  @Benchmark
  public int decimalDoubles() {
    out.clear();
    return scratch ? DoubleBlockCodec.encode(prices, VALUES, out, encoderScratch)
        : DoubleBlockCodec.encode(prices, VALUES, out);
  }

  @Benchmark
  public int sortedTimes() {
    out.clear();
    return scratch ? LongBlockCodec.encode(times, VALUES, out, encoderScratch) : LongBlockCodec.encode(times, VALUES, out);
  }
}
