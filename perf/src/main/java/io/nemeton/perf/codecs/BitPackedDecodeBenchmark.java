package io.nemeton.perf.codecs;

import io.nemeton.codecs.internal.BitPackedScalarDecoder;
import io.nemeton.codecs.internal.BitPackedVectorDecoder;
import io.nemeton.codecs.internal.BitPacker;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Bit-packed decode of one cache-resident 1024-value block from an off-heap segment, scalar kernel
 * against its vector twin, into int[] and long[]. Scores are values per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BitPackedDecodeBenchmark.VALUES)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BitPackedDecodeBenchmark {
  static final int VALUES = 1024;

  @Param({"1", "4", "8", "13", "16", "20", "24", "32"})
  public int width;

  private OffHeapBuffer buffer;
  private MemorySegment packed;
  private final int[] ints = new int[VALUES];
  private final long[] longs = new long[VALUES];

  @Setup(Level.Trial)
  public void pack() {
    final SplittableRandom random = new SplittableRandom(42);
    final long[] values = new long[VALUES];
    for (int i = 0; i < VALUES; i++) {
      values[i] = width == 64 ? random.nextLong() : random.nextLong() & ((1L << width) - 1);
    }
    final GrowableBytes out = new GrowableBytes();
    BitPacker.pack(values, VALUES, 0, width, out);
    buffer = OffHeapBuffer.allocate("bench-codecs", out.size());
    MemorySegment.copy(out.asSegment(), 0, buffer.segment(), 0, out.size());
    packed = buffer.segment();
  }

  @TearDown(Level.Trial)
  public void release() {
    buffer.close();
  }

  @Benchmark
  public int[] intsScalar() {
    BitPackedScalarDecoder.toInts(packed, 0, VALUES, width, 7, ints);
    return ints;
  }

  @Benchmark
  public int[] intsVector() {
    BitPackedVectorDecoder.toInts(packed, 0, VALUES, width, 7, ints);
    return ints;
  }

  @Benchmark
  public long[] longsScalar() {
    BitPackedScalarDecoder.toLongs(packed, 0, VALUES, width, 1_000_000_007L, longs);
    return longs;
  }

  @Benchmark
  public long[] longsVector() {
    BitPackedVectorDecoder.toLongs(packed, 0, VALUES, width, 1_000_000_007L, longs);
    return longs;
  }
}
