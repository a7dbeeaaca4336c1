package io.nemeton.perf.bitmap;

import io.nemeton.bitmap.BitmapIndexWriter;
import io.nemeton.memory.GrowableBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.RoaringBitmap;

/**
 * Building the inverted index of one string column: 10 M rows over 1 M distinct ids, on one
 * thread, into a reused output buffer.
 *
 * <ul>
 *   <li>{@code bulk}: {@link BitmapIndexWriter#writeSingleValued}, counting sort plus direct
 *       portable encoding.
 *   <li>{@code rowByRow}: {@link BitmapIndexWriter#add} per row, then {@code writeTo}.
 *   <li>{@code libraryPerIdBitmaps}: the plain way, one {@code RoaringBitmap} per id with
 *       {@code add} per row, {@code runOptimize} and {@code serialize}; the baseline to compare with
 *       as a ratio within one run.
 * </ul>
 *
 * <p>Shapes: {@code uniform} ids (every bitmap a small array container, the worst case for
 * per-bitmap overhead) and {@code sorted} ids (rows sorted by this column, as for the first
 * dimension of a segment: one run container per id).
 *
 * <p>Run: {@code java -cp <perf classpath> org.openjdk.jmh.Main BitmapIndexBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class BitmapIndexBuildBenchmark {
  @Param({"10000000"})
  public int rowCount;

  @Param({"1000000"})
  public int cardinality;

  @Param({"uniform", "sorted"})
  public String shape;

  private int[] ids;
  private GrowableBytes out;

  @Setup(Level.Trial)
  public void generate() {
    final SplittableRandom random = new SplittableRandom(20_240_601);
    ids = new int[rowCount];
    if (shape.equals("sorted")) {
      for (int row = 0; row < rowCount; row++) {
        ids[row] = (int) ((long) row * cardinality / rowCount);
      }
    } else {
      for (int row = 0; row < rowCount; row++) {
        ids[row] = random.nextInt(cardinality);
      }
    }
    out = new GrowableBytes(64 << 20);
  }

  @Benchmark
  public int bulk() {
    out.clear();
    return BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, out);
  }

  @Benchmark
  public int rowByRow() {
    out.clear();
    final BitmapIndexWriter writer = new BitmapIndexWriter(cardinality);
    final int[] column = ids;
    for (int row = 0; row < rowCount; row++) {
      writer.add(column[row], row);
    }
    return writer.writeTo(out);
  }

  @Benchmark
  public int libraryPerIdBitmaps() {
    out.clear();
    final RoaringBitmap[] bitmaps = new RoaringBitmap[cardinality];
    for (int id = 0; id < cardinality; id++) {
      bitmaps[id] = new RoaringBitmap();
    }
    final int[] column = ids;
    for (int row = 0; row < rowCount; row++) {
      bitmaps[column[row]].add(row);
    }
    for (RoaringBitmap bitmap : bitmaps) {
      bitmap.runOptimize();
      final int size = bitmap.serializedSizeInBytes();
      final int at = out.skip(size);
      bitmap.serialize(ByteBuffer.wrap(out.array(), at, size).order(ByteOrder.LITTLE_ENDIAN));
    }
    return out.size();
  }
}
