package io.nemeton.segment.format;

import io.nemeton.bitmap.BitmapIndexWriter;
import io.nemeton.codecs.DoubleBlockCodec;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writer speed on 10 M rows of a 10-column schema (time, four string dimensions, one of them
 * multi-value, three longs, two doubles), with the codec and bitmap-index share measured apart.
 * Opt-in, as it needs ~1.5 GB of heap and some seconds: {@code -Dnemeton.perf=true}, optionally
 * {@code -Dnemeton.perfDir=/dev/shm} to leave the disk out and {@code -Dnemeton.perfRows=N}.
 */
@ExtendWith(LeakCheckExtension.class)
@EnabledIfSystemProperty(named = "nemeton.perf", matches = "true")
class SegmentWriterSpeedTest {
  private static final int ROWS = Integer.getInteger("nemeton.perfRows", 10_000_000);

  @TempDir
  Path directory;

  @Test
  void writesTenMillionRows() throws Exception {
    ColumnarSegment segment = schema(new SplittableRandom(1));
    // a tmpfs directory (e.g. /dev/shm) takes the disk out of the figure
    Path file = Path.of(System.getProperty("nemeton.perfDir", directory.toString())).resolve("speed-" + ProcessHandle.current().pid() + ".nseg");
    SegmentWriter writer = new SegmentWriter();
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      writer.write(segment, file);
      best = Math.min(best, System.nanoTime() - start);
    }
    long codecs = codecNanos(segment);
    long bitmaps = bitmapNanos(segment);
    System.out.printf("rows=%d file=%d MB write best=%d ms codecs=%d ms bitmap index=%d ms rest=%d ms%n", ROWS,
        Files.size(file) >> 20, best / 1_000_000, codecs / 1_000_000, bitmaps / 1_000_000,
        (best - codecs - bitmaps) / 1_000_000);
    long start = System.nanoTime();
    try (Segment opened = Segment.open(file, RegionVerification.AT_OPEN)) {
      System.out.printf("open + verify all regions of %d rows: %d ms%n", opened.rowCount(),
          (System.nanoTime() - start) / 1_000_000);
    } finally {
      Files.delete(file);
    }
  }

  private static ColumnarSegment schema(SplittableRandom random) {
    ColumnarSegment segment = new ColumnarSegment(RandomSegments.info(random), ROWS);
    long[] times = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      times[i] = RandomSegments.START_MS + (long) i * (RandomSegments.DAY_MS / ROWS);
    }
    segment.time(times);
    int[] cardinalities = {10, 1_000, 100_000};
    for (int c = 0; c < cardinalities.length; c++) {
      String[] dictionary = new String[cardinalities[c]];
      for (int i = 0; i < dictionary.length; i++) {
        dictionary[i] = String.format("value-%08d", i);
      }
      int[] ids = new int[ROWS];
      for (int i = 0; i < ROWS; i++) {
        ids[i] = random.nextInt(dictionary.length);
      }
      segment.stringColumn("dim" + c, ColumnRole.DIMENSION, dictionary, ids);
    }
    String[] tags = new String[50];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = "tag" + (char) ('A' + i / 26) + (char) ('a' + i % 26);
    }
    int[] rowStarts = new int[ROWS + 1];
    for (int r = 0; r < ROWS; r++) {
      rowStarts[r + 1] = rowStarts[r] + (r % 3);
    }
    int[] tagIds = new int[rowStarts[ROWS]];
    for (int i = 0; i < tagIds.length; i++) {
      tagIds[i] = random.nextInt(tags.length);
    }
    segment.multiValueStringColumn("tags", ColumnRole.DIMENSION, tags, rowStarts, tagIds);
    for (int c = 0; c < 3; c++) {
      long[] values = new long[ROWS];
      for (int i = 0; i < ROWS; i++) {
        values[i] = random.nextInt(1 << (8 * (c + 1)));
      }
      segment.longColumn("long" + c, ColumnRole.METRIC, values, null);
    }
    for (int c = 0; c < 2; c++) {
      double[] values = new double[ROWS];
      for (int i = 0; i < ROWS; i++) {
        values[i] = random.nextDouble() * 1000;
      }
      segment.doubleColumn("double" + c, ColumnRole.METRIC, values, null);
    }
    return segment;
  }

  /** Time the codecs alone take for the same blocks. */
  private static long codecNanos(ColumnarSegment segment) {
    GrowableBytes out = new GrowableBytes(1 << 16);
    long[] longs = new long[SegmentFileLayout.ROWS_PER_BLOCK];
    int[] ints = new int[SegmentFileLayout.ROWS_PER_BLOCK];
    double[] doubles = new double[SegmentFileLayout.ROWS_PER_BLOCK];
    long start = System.nanoTime();
    for (int from = 0; from < ROWS; from += SegmentFileLayout.ROWS_PER_BLOCK) {
      int n = Math.min(SegmentFileLayout.ROWS_PER_BLOCK, ROWS - from);
      out.clear();
      System.arraycopy(segment.timesMs(), from, longs, 0, n);
      LongBlockCodec.encode(longs, n, out);
      for (ColumnarSegment.Column column : segment.columns()) {
        out.clear();
        switch (column) {
          case ColumnarSegment.LongColumn c -> {
            System.arraycopy(c.values(), from, longs, 0, n);
            LongBlockCodec.encode(longs, n, out);
          }
          case ColumnarSegment.DoubleColumn c -> {
            System.arraycopy(c.values(), from, doubles, 0, n);
            DoubleBlockCodec.encode(doubles, n, out);
          }
          case ColumnarSegment.StringColumn c when !c.multiValue() -> {
            System.arraycopy(c.ids(), from, ints, 0, n);
            IntBlockCodec.encode(ints, n, out);
          }
          default -> { }
        }
      }
    }
    return System.nanoTime() - start;
  }

  /** Time the bitmap index writer alone takes for the single-value string columns. */
  private static long bitmapNanos(ColumnarSegment segment) {
    long start = System.nanoTime();
    for (ColumnarSegment.Column column : segment.columns()) {
      if (column instanceof ColumnarSegment.StringColumn c && !c.multiValue()) {
        BitmapIndexWriter writer = new BitmapIndexWriter(c.dictionary().length);
        int[] ids = c.ids();
        for (int row = 0; row < ROWS; row++) {
          writer.add(ids[row], row);
        }
        writer.writeTo(new GrowableBytes(1 << 20));
      }
    }
    return System.nanoTime() - start;
  }
}
