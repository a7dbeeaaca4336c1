package io.nemeton.perf.codecs;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.Compression;
import io.nemeton.codecs.DoubleBlockCodec;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.codecs.internal.BitPackedScalarDecoder;
import io.nemeton.codecs.internal.BitPackedVectorDecoder;
import io.nemeton.codecs.internal.BitPacker;
import io.nemeton.codecs.internal.FloatingBlockDecoder;
import io.nemeton.codecs.internal.LongBlockDecoder;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The codec kernels timed by this thread's CPU time instead of wall time: on a shared machine a
 * JMH run loses whole time slices to other processes, while CPU time only counts the slices this
 * thread ran (it still shares caches and SMT siblings). A cross-check of the JMH figures, not a
 * replacement. Run: {@code java --add-modules=jdk.incubator.vector -cp perf/target/nemeton-perf.jar
 * io.nemeton.perf.codecs.CodecsCpuTimeCheck}.
 */
public final class CodecsCpuTimeCheck {
  private static final int VALUES = 1024;
  private static final int ROUNDS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CodecsCpuTimeCheck() {}

  /** A kernel run once over one block. */
  private interface Kernel {
    void run();
  }

  public static void main(String[] args) {
    try (Arena arena = Arena.ofConfined()) {
      final int[] ints = new int[VALUES];
      final long[] longs = new long[VALUES];
      for (int width : new int[] {1, 4, 8, 13, 16, 20, 24, 32}) {
        final MemorySegment packed = copy(arena, packed(width));
        report("ints   scalar width=" + width, VALUES,
            () -> BitPackedScalarDecoder.toInts(packed, 0, VALUES, width, 7, ints));
        report("ints   vector width=" + width, VALUES,
            () -> BitPackedVectorDecoder.toInts(packed, 0, VALUES, width, 7, ints));
        report("longs  scalar width=" + width, VALUES,
            () -> BitPackedScalarDecoder.toLongs(packed, 0, VALUES, width, 7, longs));
        report("longs  vector width=" + width, VALUES,
            () -> BitPackedVectorDecoder.toLongs(packed, 0, VALUES, width, 7, longs));
      }
      final SplittableRandom random = new SplittableRandom(42);
      final long[] time = new long[VALUES];
      long now = 1_442_016_000_000L;
      for (int i = 0; i < VALUES; i++) {
        now += random.nextInt(40);
        time[i] = now;
      }
      final GrowableBytes timeBlock = new GrowableBytes();
      LongBlockCodec.encode(time, VALUES, timeBlock);
      final MemorySegment timeSegment = copy(arena, timeBlock);
      report("time column (delta) scalar", VALUES, () -> LongBlockDecoder.decode(timeSegment, 0, longs, false));
      report("time column (delta) vector", VALUES, () -> LongBlockDecoder.decode(timeSegment, 0, longs, true));
      final double[] prices = new double[VALUES];
      for (int i = 0; i < VALUES; i++) {
        prices[i] = (100 + random.nextInt(99_900)) / 100.0;
      }
      final GrowableBytes priceBlock = new GrowableBytes();
      DoubleBlockCodec.encode(prices, VALUES, priceBlock);
      final MemorySegment priceSegment = copy(arena, priceBlock);
      final double[] doubles = new double[VALUES];
      report("prices (decimal) scalar", VALUES,
          () -> FloatingBlockDecoder.decodeDoubles(priceSegment, 0, doubles, false));
      report("prices (decimal) vector", VALUES,
          () -> FloatingBlockDecoder.decodeDoubles(priceSegment, 0, doubles, true));
      final byte[] text = CompressionSample.bytes(65_536);
      final byte[] back = new byte[text.length];
      for (Compression kind : new Compression[] {Compression.LZ4, Compression.ZSTD}) {
        final GrowableBytes compressed = new GrowableBytes();
        final int length = BlockCompression.compress(kind, text, 0, text.length, compressed);
        final MemorySegment segment = copy(arena, compressed);
        report(kind + " decompress (bytes)", text.length,
            () -> BlockCompression.decompress(kind, segment, 0, length, back, text.length));
        report(kind + " compress (bytes)", text.length, () -> {
          compressed.clear();
          BlockCompression.compress(kind, text, 0, text.length, compressed);
        });
      }
    }
  }

  private static GrowableBytes packed(int width) {
    final SplittableRandom random = new SplittableRandom(width);
    final long[] values = new long[VALUES];
    for (int i = 0; i < VALUES; i++) {
      values[i] = random.nextLong() & ((1L << width) - 1);
    }
    final GrowableBytes out = new GrowableBytes();
    BitPacker.pack(values, VALUES, 0, width, out);
    return out;
  }

  private static MemorySegment copy(Arena arena, GrowableBytes bytes) {
    final MemorySegment segment = arena.allocate(bytes.size(), 64);
    MemorySegment.copy(bytes.asSegment(), 0, segment, 0, bytes.size());
    return segment;
  }

  /** Warms up, then prints the best of several timed rounds in G units per CPU second. */
  private static void report(String name, int unitsPerRun, Kernel kernel) {
    final int runs = Math.max(1, 50_000_000 / unitsPerRun);
    double best = 0;
    for (int round = 0; round < ROUNDS + 2; round++) {
      final long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < runs; i++) {
        kernel.run();
      }
      final long elapsedNanos = THREADS.getCurrentThreadCpuTime() - start;
      if (round >= 2) {
        best = Math.max(best, (double) runs * unitsPerRun / elapsedNanos);
      }
    }
    System.out.printf("%-34s %7.2f G/s%n", name, best);
  }
}
