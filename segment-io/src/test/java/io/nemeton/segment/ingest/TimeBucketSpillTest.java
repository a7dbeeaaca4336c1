package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows spilled partitioned by time ({@link TimeBucketRuns}: no rollup, no sketches) come out
 * exactly as when every row is held in memory and sorted at once: same segments, same rows in the
 * same order. Times are drawn uniform, heavily skewed, all equal, ascending or descending over
 * years, and spread from before 1970 to far ahead (the grid coarsens); buffers are tiny to huge,
 * and fields are discovered after rows were spilled. Runs go to files, stay in spill memory, or
 * fill a small spill memory and go to files after it. A sink that releases its segments (so their
 * arrays are refilled for the next one) sees the same rows.
 */
class TimeBucketSpillTest {
  private static final long START = 1_577_836_800_000L;
  private static final long DAY = 86_400_000L;
  private static final String[] SHAPES = {"uniform", "skewed", "single", "ascending", "descending", "extremes"};

  @TempDir
  Path temp;

  @Test
  void spilledBucketsGiveTheSameSegmentsAsHoldingEverything() throws Exception {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 18; trial++) {
      final long trialSeed = random.nextLong();
      final String shape = SHAPES[trial % SHAPES.length];
      try {
        runTrial(new SplittableRandom(trialSeed), shape, trial);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed=" + seed + " trial=" + trial + " trialSeed=" + trialSeed + " shape=" + shape
            + ": " + e.getMessage(), e);
      }
    }
  }

  private void runTrial(SplittableRandom random, String shape, int trial) throws Exception {
    final int rows = 200 + random.nextInt(3000);
    final int maxRows = new int[] {7, 50, 300, 1000}[random.nextInt(4)];
    final boolean schemaless = random.nextBoolean();
    final int lateFrom = random.nextInt(rows);
    // a second and third late field: the row width grows past an 8-byte boundary between spills
    final int laterFrom = lateFrom + random.nextInt(rows - lateFrom + 1);
    final int cardinality = 1 + random.nextInt(40);
    final String data = data(random, shape, rows, lateFrom, laterFrom, cardinality);
    final String segmentGranularity = shape.equals("extremes") ? "all" : new String[] {"day", "month", "all"}[random.nextInt(3)];
    final int maxRowsPerSegment = new int[] {37, 500, 5_000_000}[random.nextInt(3)];
    final List<List<Map<String, Object>>> results = new ArrayList<>();
    final List<List<SegmentInfo>> segments = new ArrayList<>();
    // pass 2 hands segments to a sink that releases them, so their arrays are refilled
    final int[] limits = {1_000_000, maxRows, maxRows, maxRows};
    // spill memory per pass: none (every run a file), a few small runs' worth, then the default
    final long[] spillMemory = {0, 0, 4096L * (1 + random.nextInt(4)), IngestOptions.defaultSpillMemoryBytes()};
    for (int pass = 0; pass < limits.length; pass++) {
      final int limit = limits[pass];
      final boolean releasing = pass == 2;
      final IngestFixture fixture = new IngestFixture("json",
          schemaless ? List.of() : List.of("s", "m", Map.of("name", "n", "type", "long"), "late", "later", "last"));
      fixture.granularity.put("segmentGranularity", segmentGranularity);
      fixture.tuning.put("maxRowsInMemory", limit);
      fixture.tuning.put("maxRowsPerSegment", maxRowsPerSegment);
      if (!schemaless) {
        fixture.metric(Map.of("type", "longSum", "name", "total", "fieldName", "v"));
        fixture.metric(Map.of("type", "doubleMax", "name", "top", "fieldName", "d"));
      }
      final Path directory = temp.resolve("trial" + trial + "-" + pass);
      fixture.data(data);
      fixture.spillMemoryBytes = spillMemory[pass];
      // arrays kept from earlier passes may be larger than a small spill memory: start from none
      ByteArrayPool.clear();
      if (releasing) {
        results.add(fixture.runReleasing(directory));
        segments.add(List.copyOf(fixture.infos));
      } else {
        results.add(fixture.run(directory));
        final List<SegmentInfo> infos = new ArrayList<>();
        for (ColumnarSegment segment : fixture.segments) {
          infos.add(segment.info());
        }
        segments.add(infos);
      }
      assertEquals(rows, fixture.report.rowsWritten());
      assertTrue(fixture.report.peakRowsInMemory() <= limit, "peak=" + fixture.report.peakRowsInMemory());
      if (limit < rows) {
        final int spilled = fixture.report.spilledRuns();
        final int inMemory = fixture.report.spilledRunsInMemory();
        assertTrue(spilled > 0, "rows=" + rows + " limit=" + limit);
        switch (pass) {
          case 1 -> assertEquals(0, inMemory, "no spill memory: every run is a file");
          // a run takes 4 KiB at least: the first runs stay in memory while the budget holds them
          case 2 -> {
            assertTrue(inMemory <= spillMemory[pass] / 4096, inMemory + " runs in " + spillMemory[pass] + " bytes");
            if (maxRows <= 50) {
              assertTrue(inMemory >= 1, "a run of " + maxRows + " rows fits " + spillMemory[pass] + " bytes");
            }
          }
          default -> assertTrue(inMemory > 0, "runs in memory=" + inMemory + " of " + spilled);
        }
      }
      try (Stream<Path> left = Files.list(directory)) {
        for (Path spill : left.toList()) {
          try (Stream<Path> runs = Files.isDirectory(spill) ? Files.list(spill) : Stream.empty()) {
            assertEquals(0, runs.count(), "run files are deleted");
          }
        }
      }
    }
    for (int pass = 1; pass < limits.length; pass++) {
      assertEquals(segments.get(0).size(), segments.get(pass).size(), "segments of pass " + pass);
      for (int i = 0; i < segments.get(0).size(); i++) {
        final var expected = segments.get(0).get(i);
        final var actual = segments.get(pass).get(i);
        assertEquals(expected.intervalStartMs() + "/" + expected.intervalEndMs() + "#" + expected.partition(),
            actual.intervalStartMs() + "/" + actual.intervalEndMs() + "#" + actual.partition(),
            "segment " + i + " of pass " + pass);
      }
      final List<Map<String, Object>> expected = results.get(0);
      final List<Map<String, Object>> actual = results.get(pass);
      for (int r = 0; r < Math.min(expected.size(), actual.size()); r++) {
        assertEquals(expected.get(r), actual.get(r), "row " + r + " of " + rows + " maxRows=" + maxRows + " pass " + pass);
      }
      assertEquals(expected.size(), actual.size());
    }
  }

  private static String data(SplittableRandom random, String shape, int rows, int lateFrom, int laterFrom,
      int cardinality) {
    final StringBuilder text = new StringBuilder();
    final long single = START + random.nextLong(DAY);
    for (int r = 0; r < rows; r++) {
      final long time = switch (shape) {
        case "uniform" -> START + random.nextLong(DAY);
        case "skewed" -> random.nextInt(10) == 0 ? START + random.nextLong(DAY) : single;
        case "single" -> single;
        // few distinct times per step, so ties across spills are common
        case "ascending" -> START + (long) r * 3 * DAY / rows / 60_000 * 60_000;
        case "descending" -> START + (long) (rows - r) * 3 * DAY / rows / 60_000 * 60_000;
        default -> switch (random.nextInt(8)) {
          case 0 -> -2_208_988_800_000L + random.nextLong(DAY);
          case 1 -> 4_102_444_800_000L + random.nextLong(DAY);
          default -> START + random.nextLong(DAY);
        };
      };
      text.append("{\"ts\": ").append(time).append(", \"s\": \"s").append(random.nextInt(cardinality)).append('"');
      if (random.nextInt(4) == 0) {
        text.append(", \"m\": [\"x").append(random.nextInt(3)).append("\", \"y").append(random.nextInt(3)).append("\"]");
      } else if (random.nextBoolean()) {
        text.append(", \"m\": \"x").append(random.nextInt(5)).append('"');
      }
      if (random.nextInt(5) != 0) {
        text.append(", \"n\": ").append(random.nextInt(-2, 3));
      }
      if (r >= lateFrom) {
        text.append(", \"late\": \"l").append(random.nextInt(4)).append('"');
      }
      if (r >= laterFrom) {
        text.append(", \"later\": \"m").append(random.nextInt(3)).append("\", \"last\": \"n")
            .append(random.nextInt(5)).append('"');
      }
      text.append(", \"v\": ").append(random.nextInt(100)).append(", \"d\": ").append(random.nextInt(400) / 4.0);
      text.append("}\n");
    }
    return text.toString();
  }
}
