package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.time.IsoTimestamps;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two million rows through a 50,000-row buffer: the rows held in memory never pass the bound,
 * sorted runs are spilled and merged, every row comes out, and the run files are gone afterwards.
 * Once with every run in a file, once with spill memory for about a third of the runs (the rest
 * go to files), and once with the default spill memory.
 */
class BoundedMemoryTest {
  private static final int ROWS = 2_000_000;
  private static final int MAX_ROWS_IN_MEMORY = 50_000;

  @TempDir
  Path temp;

  @Test
  void twoMillionRowsSpillInsteadOfFillingTheHeap() throws Exception {
    // rows of 32 bytes: a run of 50,000 rows takes 1.6 MB, rounded to 2 MiB of spill memory
    for (long spillMemory : new long[] {0, 13L << 20, IngestOptions.defaultSpillMemoryBytes()}) {
      final IngestReport report = ingest(spillMemory);
      final int inMemory = report.spilledRunsInMemory();
      if (spillMemory == 0) {
        assertEquals(0, inMemory, "no spill memory: every run is a file");
      } else if (spillMemory < 1L << 30) {
        assertTrue(inMemory > 0 && inMemory <= spillMemory / (2 << 20), "runs in memory=" + inMemory);
      }
      assertTrue(inMemory <= report.spilledRuns());
    }
  }

  private IngestReport ingest(long spillMemory) throws Exception {
    final Path csv = temp.resolve("rows.csv");
    final long seed = 20240601L;
    final SplittableRandom random = new SplittableRandom(seed);
    final long start = IsoTimestamps.parse("2020-01-01T00:00:00Z", false);
    long expectedSum = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
      final StringBuilder line = new StringBuilder(64);
      for (int r = 0; r < ROWS; r++) {
        final long value = random.nextInt(1000);
        expectedSum += value;
        line.setLength(0);
        // random order over two days: every spilled run spans both time chunks
        line.append(IsoTimestamps.format(start + random.nextLong(2 * 86_400_000L))).append(",u")
            .append(random.nextInt(200_000)).append(",c").append(random.nextInt(10)).append(',').append(value).append('\n');
        out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
    final String spec = """
        {"type": "index_parallel", "spec": {
          "dataSchema": {"dataSource": "big", "timestampSpec": {"column": "ts", "format": "iso"},
            "dimensionsSpec": {"dimensions": ["user", "country"]},
            "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "total", "fieldName": "value"}],
            "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}},
          "ioConfig": {"type": "index_parallel", "inputSource": {"type": "local", "files": ["%s"]},
            "inputFormat": {"type": "csv", "columns": ["ts", "user", "country", "value"]}},
          "tuningConfig": {"type": "index_parallel", "maxRowsInMemory": %d, "maxRowsPerSegment": 400000}}}
        """.formatted(csv, MAX_ROWS_IN_MEMORY);
    final long[] seen = new long[3];
    final long[] previousEnd = {Long.MIN_VALUE};
    final Path spillDirectory = temp.resolve("spill");
    final IngestReport report = BatchIngestion.run(IngestionSpec.parse(spec),
        IngestOptions.defaults(spillDirectory).withSpillMemoryBytes(spillMemory),
        segment -> {
          // the sink keeps nothing: what ingestion holds is all that is held
          seen[0] += segment.rowCount();
          seen[1]++;
          for (long value : ((ColumnarSegment.LongColumn) segment.column("total")).values()) {
            seen[2] += value;
          }
          final long[] times = segment.timesMs();
          assertTrue(times[0] >= previousEnd[0], "segments arrive in time order");
          previousEnd[0] = times[times.length - 1];
          assertTrue(segment.rowCount() <= 400_000);
        });
    assertEquals(ROWS, report.processed());
    assertEquals(ROWS, seen[0]);
    assertEquals(expectedSum, seen[2]);
    assertEquals(ROWS, report.rowsWritten());
    assertTrue(report.peakRowsInMemory() <= MAX_ROWS_IN_MEMORY,
        "peak rows in memory=" + report.peakRowsInMemory() + " exceeds maxRowsInMemory=" + MAX_ROWS_IN_MEMORY);
    assertTrue(report.spilledRuns() >= ROWS / MAX_ROWS_IN_MEMORY - 1, "spilled runs=" + report.spilledRuns());
    assertEquals(6, seen[1], "two days of a million rows each, in segments of at most 400,000 rows");
    try (Stream<Path> left = Files.exists(spillDirectory) ? Files.list(spillDirectory) : Stream.empty()) {
      assertEquals(0, left.count(), "run files are deleted");
    }
    return report;
  }
}
