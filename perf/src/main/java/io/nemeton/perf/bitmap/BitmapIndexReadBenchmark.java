package io.nemeton.perf.bitmap;

import io.nemeton.bitmap.BitmapIndex;
import io.nemeton.bitmap.BitmapIndexFormat;
import io.nemeton.bitmap.BitmapIndexWriter;
import io.nemeton.bitmap.Bitmaps;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reading an inverted index of 10 M rows over uniformly spread ids ({@code rowsPerId} rows each:
 * 10 gives 1 M ids), held off-heap like a mapped segment, in either layout ({@code format}: NBI1
 * Roaring only, NBI2 with rare ids as lists decoded on lookup): opening it ({@code wrap}), the full
 * content check ({@code verify}, O(bytes)), fetching one bitmap, and an {@code in} filter of 1000
 * values (1000 bitmaps, then their union).
 *
 * <p>Run: {@code java -jar perf/target/nemeton-perf.jar BitmapIndexReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class BitmapIndexReadBenchmark {
  private static final int ROW_COUNT = 10_000_000;

  @Param({"ROARING_ONLY", "COMPACT_POSTINGS"})
  public BitmapIndexFormat format;

  @Param({"10", "5000"})
  public int rowsPerId;

  private Arena arena;
  private MemorySegment region;
  private BitmapIndex index;
  private int[] probeIds;
  private ImmutableRoaringBitmap[] scratch;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    final int cardinality = ROW_COUNT / rowsPerId;
    final SplittableRandom random = new SplittableRandom(7);
    final int[] ids = new int[ROW_COUNT];
    for (int row = 0; row < ROW_COUNT; row++) {
      ids[row] = random.nextInt(cardinality);
    }
    final GrowableBytes out = new GrowableBytes(64 << 20);
    BitmapIndexWriter.writeSingleValued(ids, ROW_COUNT, cardinality, format, out);
    arena = Arena.ofShared();
    region = arena.allocate(out.size(), 64);
    MemorySegment.copy(out.asSegment(), 0, region, 0, out.size());
    index = BitmapIndex.wrap(region);
    probeIds = new int[1000];
    for (int i = 0; i < probeIds.length; i++) {
      probeIds[i] = random.nextInt(cardinality);
    }
    scratch = new ImmutableRoaringBitmap[probeIds.length];
  }

  @TearDown(Level.Trial)
  public void release() {
    arena.close();
  }

  @Benchmark
  public int wrap() {
    return BitmapIndex.wrap(region).cardinality();
  }

  @Benchmark
  public BitmapIndex verify() {
    index.verify();
    return index;
  }

  @Benchmark
  public int oneBitmap() {
    next = (next + 1) % probeIds.length;
    return index.bitmap(probeIds[next]).getCardinality();
  }

  @Benchmark
  public int inFilterOfThousandValues() {
    for (int i = 0; i < probeIds.length; i++) {
      scratch[i] = index.bitmap(probeIds[i]);
    }
    return Bitmaps.union(scratch, probeIds.length, ROW_COUNT).getCardinality();
  }
}
