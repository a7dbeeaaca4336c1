package io.nemeton.perf.codecs;

import io.nemeton.codecs.BlockEncoderScratch;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.codecs.TimeBlockCodec;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.StringColumnReader;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Two costs of format version 4, measured in one process, A/B interleaved:
 *
 * <ul>
 *   <li>time blocks: {@code --rows} (default 5,000,000) random millisecond times over one day, sorted,
 *       cut into 1024-row blocks, encoded as plain long blocks (format 3: DELTA) and as {@link
 *       TimeBlockCodec} blocks (Elias–Fano where smaller); prints bits per row and decode ns per row of
 *       each, over {@code --rounds} alternating rounds;
 *   <li>dictionaries: for every segment file under {@code --segments DIR}, the wall time of the first
 *       use of each front-coded string dictionary (the one-off decode into the flat form), opening the
 *       segment afresh {@code --repeat} times, and the flat size against the stored region.
 * </ul>
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp perf/target/nemeton-perf.jar \
 *   io.nemeton.perf.codecs.TimeAndDictionaryDecodeCost [--rows 5000000] [--segments DIR]
 * </pre>
 */
public final class TimeAndDictionaryDecodeCost {
  private static final int BLOCK = 1024;
  private static final long DAY_MS = 86_400_000L;

  private TimeAndDictionaryDecodeCost() {}

  public static void main(String[] args) throws IOException {
    int rows = 5_000_000;
    int rounds = 12;
    int repeat = 5;
    Path segments = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        case "--segments" -> segments = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    timeBlocks(rows, rounds);
    if (segments != null) {
      dictionaries(segments, repeat);
    }
  }

  private static void timeBlocks(int rows, int rounds) {
    SplittableRandom random = new SplittableRandom(42);
    long start = 1_767_225_600_000L;
    long[] times = new long[rows];
    for (int i = 0; i < rows; i++) {
      times[i] = start + random.nextLong(DAY_MS);
    }
    Arrays.sort(times);
    int blocks = (rows + BLOCK - 1) / BLOCK;
    GrowableBytes plain = new GrowableBytes(1 << 20);
    GrowableBytes eliasFano = new GrowableBytes(1 << 20);
    long[] plainOffsets = new long[blocks];
    long[] eliasFanoOffsets = new long[blocks];
    long[] scratch = new long[BLOCK];
    BlockEncoderScratch encoder = new BlockEncoderScratch();
    int eliasFanoBlocks = 0;
    for (int b = 0; b < blocks; b++) {
      int n = Math.min(BLOCK, rows - b * BLOCK);
      System.arraycopy(times, b * BLOCK, scratch, 0, n);
      plainOffsets[b] = plain.size();
      LongBlockCodec.encode(scratch, n, plain, encoder);
      eliasFanoOffsets[b] = eliasFano.size();
      TimeBlockCodec.encode(scratch, n, eliasFano, encoder);
      eliasFanoBlocks += TimeBlockCodec.isEliasFano(eliasFano.asSegment(), eliasFanoOffsets[b]) ? 1 : 0;
    }
    MemorySegment plainBytes = MemorySegment.ofArray(plain.toByteArray());
    MemorySegment eliasFanoBytes = MemorySegment.ofArray(eliasFano.toByteArray());
    System.out.printf("time blocks: rows=%d blocks=%d (Elias-Fano %d) bits/row: long block %.3f, time block %.3f%n",
        rows, blocks, eliasFanoBlocks, plainBytes.byteSize() * 8.0 / rows, eliasFanoBytes.byteSize() * 8.0 / rows);
    long[] destination = new long[BLOCK];
    double[] plainNs = new double[rounds];
    double[] eliasFanoNs = new double[rounds];
    long check = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int b = 0; b < blocks; b++) {
        LongBlockCodec.decode(plainBytes, plainOffsets[b], destination);
        check += destination[7];
      }
      long t1 = System.nanoTime();
      for (int b = 0; b < blocks; b++) {
        TimeBlockCodec.decode(eliasFanoBytes, eliasFanoOffsets[b], destination);
        check -= destination[7];
      }
      long t2 = System.nanoTime();
      plainNs[round] = (t1 - t0) / (double) rows;
      eliasFanoNs[round] = (t2 - t1) / (double) rows;
    }
    if (check != 0) {
      throw new IllegalStateException("decodes differ: " + check);
    }
    double[] lastPlain = Arrays.copyOfRange(plainNs, rounds / 2, rounds);
    double[] lastEliasFano = Arrays.copyOfRange(eliasFanoNs, rounds / 2, rounds);
    System.out.printf("time decode ns/row (median of the last %d rounds): long block %.3f, time block %.3f, ratio %.2f%n",
        lastPlain.length, median(lastPlain), median(lastEliasFano), median(lastEliasFano) / median(lastPlain));
    System.out.println("  rounds long block: " + Arrays.toString(round3(plainNs)));
    System.out.println("  rounds time block: " + Arrays.toString(round3(eliasFanoNs)));
  }

  private static void dictionaries(Path directory, int repeat) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.filter(p -> p.toString().endsWith(".nseg")).sorted().forEach(files::add);
    }
    for (Path file : files) {
      List<String> names;
      try (Segment segment = Segment.open(file)) {
        names = segment.columnNames();
        System.out.printf("segment %s rows=%d format=%d%n", file.getFileName(), segment.rowCount(),
            segment.formatVersion());
      }
      for (String name : names) {
        double[] ms = new double[repeat];
        long flatBytes = 0;
        int cardinality = 0;
        boolean string = false;
        for (int r = 0; r < repeat; r++) {
          try (Segment segment = Segment.open(file)) {
            if (!(segment.column(name) instanceof StringColumnReader column)) {
              break;
            }
            string = true;
            cardinality = column.cardinality();
            long t0 = System.nanoTime();
            MemorySegment values = column.dictionaryValueBytes();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            flatBytes = values.byteSize() + 4L * (cardinality + 1);
          }
        }
        if (string) {
          System.out.printf("  %s cardinality=%d flat bytes=%d first-use ms: %s (median %.2f)%n", name, cardinality,
              flatBytes, Arrays.toString(round3(ms)), median(ms));
        }
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] round3(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.round(values[i] * 1000) / 1000.0;
    }
    return out;
  }
}
