package io.nemeton.perf.codecs;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.OffHeapBuffer;
import java.lang.foreign.MemorySegment;
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
 * LZ4 (ours) and Zstd (zstd-jni) on a 64 KiB region of encoded-column-like bytes: compression and
 * decompression from an off-heap segment. Scores are uncompressed bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BlockCompressionBenchmark.BYTES)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BlockCompressionBenchmark {
  static final int BYTES = 65_536;

  @Param({"LZ4", "ZSTD"})
  public Compression kind;

  private final byte[] source = new byte[BYTES];
  private final byte[] destination = new byte[BYTES];
  private final GrowableBytes out = new GrowableBytes(BYTES * 2);
  private OffHeapBuffer buffer;
  private int compressedLength;

  @Setup(Level.Trial)
  public void compressOnce() {
    final byte[] sample = CompressionSample.bytes(BYTES);
    System.arraycopy(sample, 0, source, 0, BYTES);
    out.clear();
    compressedLength = BlockCompression.compress(kind, source, 0, BYTES, out);
    buffer = OffHeapBuffer.allocate("bench-codecs", compressedLength);
    MemorySegment.copy(out.asSegment(), 0, buffer.segment(), 0, compressedLength);
    System.out.println(kind + " ratio " + (double) BYTES / compressedLength);
  }

  @TearDown(Level.Trial)
  public void release() {
    buffer.close();
  }

  @Benchmark
  public int compress() {
    out.clear();
    return BlockCompression.compress(kind, source, 0, BYTES, out);
  }

  @Benchmark
  public byte[] decompress() {
    BlockCompression.decompress(kind, buffer.segment(), 0, compressedLength, destination, BYTES);
    return destination;
  }
}
