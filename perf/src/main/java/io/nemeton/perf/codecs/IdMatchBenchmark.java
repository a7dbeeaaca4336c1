package io.nemeton.perf.codecs;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.codecs.internal.IntBlockDecoder;
import io.nemeton.codecs.internal.IntBlockMatcher;
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
 * "Rows whose dictionary id equals v" over a column of 512 bit-packed 1024-id blocks (524,288 rows,
 * off-heap), the id held by 10 % of the rows: {@code IntBlockCodec.matchEquals} on whole blocks and
 * on 64-row chunks, vector kernel and scalar twin, against decoding each block to int[] and
 * comparing. Scores are nanoseconds per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(IdMatchBenchmark.ROWS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class IdMatchBenchmark {
  static final int BLOCK_ROWS = 1024;
  static final int BLOCKS = 512;
  static final int ROWS = BLOCK_ROWS * BLOCKS;
  static final int CHUNK_ROWS = 64;
  /** The id 10 % of the rows hold. */
  static final int DENSE_ID = 3;

  @Param({"4", "7", "10", "14", "20"})
  public int width;

  private OffHeapBuffer buffer;
  private MemorySegment column;
  private final long[] blockOffsets = new long[BLOCKS];
  private final long[] words = new long[ROWS / 64];
  private final int[] ids = new int[BLOCK_ROWS];

  @Setup(Level.Trial)
  public void encode() {
    final SplittableRandom random = new SplittableRandom(42);
    final GrowableBytes out = new GrowableBytes();
    final int[] block = new int[BLOCK_ROWS];
    for (int b = 0; b < BLOCKS; b++) {
      for (int i = 0; i < BLOCK_ROWS; i++) {
        block[i] = random.nextInt(10) == 0 ? DENSE_ID : random.nextInt(1 << width);
      }
      block[0] = 0;
      block[1] = (1 << width) - 1;
      blockOffsets[b] = out.size();
      IntBlockCodec.encode(block, BLOCK_ROWS, out);
      if (IntBlockCodec.encoding(out.asSegment(), blockOffsets[b]) != BlockEncoding.BIT_PACKED) {
        throw new IllegalStateException("benchmark block encoded as "
            + IntBlockCodec.encoding(out.asSegment(), blockOffsets[b]));
      }
    }
    buffer = OffHeapBuffer.allocate("bench-codecs", out.size());
    MemorySegment.copy(out.asSegment(), 0, buffer.segment(), 0, out.size());
    column = buffer.segment();
  }

  @TearDown(Level.Trial)
  public void release() {
    buffer.close();
  }

  @Benchmark
  public int blockVector() {
    int matched = 0;
    for (int b = 0; b < BLOCKS; b++) {
      matched += IntBlockMatcher.matchEquals(column, blockOffsets[b], 0, BLOCK_ROWS, DENSE_ID, words,
          (long) b * BLOCK_ROWS, true);
    }
    return matched;
  }

  @Benchmark
  public int blockScalar() {
    int matched = 0;
    for (int b = 0; b < BLOCKS; b++) {
      matched += IntBlockMatcher.matchEquals(column, blockOffsets[b], 0, BLOCK_ROWS, DENSE_ID, words,
          (long) b * BLOCK_ROWS, false);
    }
    return matched;
  }

  @Benchmark
  public int chunkVector() {
    int matched = 0;
    for (int b = 0; b < BLOCKS; b++) {
      for (int from = 0; from < BLOCK_ROWS; from += CHUNK_ROWS) {
        matched += IntBlockMatcher.matchEquals(column, blockOffsets[b], from, from + CHUNK_ROWS, DENSE_ID, words,
            (long) b * BLOCK_ROWS + from, true);
      }
    }
    return matched;
  }

  @Benchmark
  public int chunkScalar() {
    int matched = 0;
    for (int b = 0; b < BLOCKS; b++) {
      for (int from = 0; from < BLOCK_ROWS; from += CHUNK_ROWS) {
        matched += IntBlockMatcher.matchEquals(column, blockOffsets[b], from, from + CHUNK_ROWS, DENSE_ID, words,
            (long) b * BLOCK_ROWS + from, false);
      }
    }
    return matched;
  }

  /** The reference: vector decode of each block into int[], then one compare per row. */
  @Benchmark
  public int decodeThenCompare() {
    int matched = 0;
    for (int b = 0; b < BLOCKS; b++) {
      IntBlockDecoder.decode(column, blockOffsets[b], ids, true);
      matched += compare(ids, 0, BLOCK_ROWS, (long) b * BLOCK_ROWS);
    }
    return matched;
  }

  /** A 64-row chunk answered by decoding its whole block (there is no partial decode), then comparing. */
  @Benchmark
  public int chunkDecodeThenCompare() {
    int matched = 0;
    for (int b = 0; b < BLOCKS; b++) {
      for (int from = 0; from < BLOCK_ROWS; from += CHUNK_ROWS) {
        IntBlockDecoder.decode(column, blockOffsets[b], ids, true);
        matched += compare(ids, from, from + CHUNK_ROWS, (long) b * BLOCK_ROWS + from);
      }
    }
    return matched;
  }

  /** A compare loop as a decode-then-compare caller would write it: result bits gathered per 64 rows. */
  private int compare(int[] values, int from, int to, long firstBit) {
    final long[] bits = words;
    int matched = 0;
    long word = 0;
    long bit = firstBit;
    for (int p = from; p < to; p++, bit++) {
      word |= (values[p] == DENSE_ID ? 1L : 0L) << bit;
      if ((bit & 63) == 63) {
        bits[(int) (bit >>> 6)] |= word;
        matched += Long.bitCount(word);
        word = 0;
      }
    }
    if (word != 0) {
      bits[(int) ((bit - 1) >>> 6)] |= word;
      matched += Long.bitCount(word);
    }
    return matched;
  }
}
