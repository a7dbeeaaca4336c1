package io.nemeton.perf.codecs;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.DoubleBlockCodec;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.codecs.internal.FloatingBlockDecoder;
import io.nemeton.codecs.internal.IntBlockDecoder;
import io.nemeton.codecs.internal.LongBlockDecoder;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.OffHeapBuffer;
import java.lang.foreign.MemorySegment;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Whole-block decode through the codecs (header checks included) of column shapes a segment holds:
 * a sorted time column (delta), 20-bit dictionary ids (bit-packed ints), two-decimal prices
 * (decimal doubles), a low-cardinality sorted dimension (run-length ints), raw longs. Each one
 * scalar and vector. Scores are values per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BlockDecodeBenchmark.VALUES)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BlockDecodeBenchmark {
  static final int VALUES = 1024;

  private OffHeapBuffer buffer;
  private MemorySegment segment;
  private long timeOffset;
  private long idsOffset;
  private long pricesOffset;
  private long runsOffset;
  private long rawOffset;
  private final long[] longs = new long[VALUES];
  private final int[] ints = new int[VALUES];
  private final double[] doubles = new double[VALUES];

  @Setup(Level.Trial)
  public void encode() {
    final SplittableRandom random = new SplittableRandom(42);
    final GrowableBytes out = new GrowableBytes();
    final long[] time = new long[VALUES];
    long now = 1_442_016_000_000L;
    for (int i = 0; i < VALUES; i++) {
      now += random.nextInt(40);
      time[i] = now;
    }
    timeOffset = out.size();
    LongBlockCodec.encode(time, VALUES, out);
    require(LongBlockCodec.encoding(out.asSegment(), timeOffset), BlockEncoding.DELTA);

    final int[] ids = new int[VALUES];
    for (int i = 0; i < VALUES; i++) {
      ids[i] = random.nextInt(1 << 20);
    }
    idsOffset = out.size();
    IntBlockCodec.encode(ids, VALUES, out);
    require(IntBlockCodec.encoding(out.asSegment(), idsOffset), BlockEncoding.BIT_PACKED);

    final double[] prices = new double[VALUES];
    for (int i = 0; i < VALUES; i++) {
      prices[i] = (100 + random.nextInt(99_900)) / 100.0;
    }
    pricesOffset = out.size();
    DoubleBlockCodec.encode(prices, VALUES, out);
    require(DoubleBlockCodec.encoding(out.asSegment(), pricesOffset), BlockEncoding.DECIMAL);

    final int[] runs = new int[VALUES];
    for (int i = 0; i < VALUES; i++) {
      runs[i] = i / 64;
    }
    runsOffset = out.size();
    IntBlockCodec.encode(runs, VALUES, out);
    require(IntBlockCodec.encoding(out.asSegment(), runsOffset), BlockEncoding.RUN_LENGTH);

    final long[] raw = new long[VALUES];
    for (int i = 0; i < VALUES; i++) {
      raw[i] = random.nextLong();
    }
    rawOffset = out.size();
    LongBlockCodec.encode(raw, VALUES, out);
    require(LongBlockCodec.encoding(out.asSegment(), rawOffset), BlockEncoding.RAW);

    buffer = OffHeapBuffer.allocate("bench-codecs", out.size());
    MemorySegment.copy(out.asSegment(), 0, buffer.segment(), 0, out.size());
    segment = buffer.segment();
  }

  private static void require(BlockEncoding actual, BlockEncoding expected) {
    if (actual != expected) {
      throw new IllegalStateException("benchmark block encoded as " + actual + ", expected " + expected);
    }
  }

  @TearDown(Level.Trial)
  public void release() {
    buffer.close();
  }

  @Benchmark
  public long[] timeDeltaScalar() {
    LongBlockDecoder.decode(segment, timeOffset, longs, false);
    return longs;
  }

  @Benchmark
  public long[] timeDeltaVector() {
    LongBlockDecoder.decode(segment, timeOffset, longs, true);
    return longs;
  }

  @Benchmark
  public int[] dictionaryIdsScalar() {
    IntBlockDecoder.decode(segment, idsOffset, ints, false);
    return ints;
  }

  @Benchmark
  public int[] dictionaryIdsVector() {
    IntBlockDecoder.decode(segment, idsOffset, ints, true);
    return ints;
  }

  @Benchmark
  public double[] pricesDecimalScalar() {
    FloatingBlockDecoder.decodeDoubles(segment, pricesOffset, doubles, false);
    return doubles;
  }

  @Benchmark
  public double[] pricesDecimalVector() {
    FloatingBlockDecoder.decodeDoubles(segment, pricesOffset, doubles, true);
    return doubles;
  }

  @Benchmark
  public int[] sortedDimensionRunLength() {
    IntBlockCodec.decode(segment, runsOffset, ints);
    return ints;
  }

  @Benchmark
  public long[] rawLongs() {
    LongBlockCodec.decode(segment, rawOffset, longs);
    return longs;
  }
}
