package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment columns a finished ingestion leaves in {@link RowColumnsPool} are taken by the next
 * one of the same shape, and nothing of the earlier rows shows in its segments: each second
 * ingestion is compared with the same ingestion run on an empty pool.
 */
class RowColumnsPoolTest {
  @TempDir Path temp;

  @AfterEach
  void forget() {
    RowColumnsPool.clear();
  }

  @Test
  void aNextIngestionOfTheSameShapeTakesTheColumnsAndSeesNoneOfTheEarlierRows() throws Exception {
    run(fixture(1, 0.0), true);
    final long before = RowColumnsPool.reuses();
    // nulls and shorter values where the first ingestion had values: stale rows would show
    final List<Map<String, Object>> reused = run(fixture(2, 0.3), true);
    assertEquals(before + 1, RowColumnsPool.reuses(), "the second ingestion took the kept columns");
    RowColumnsPool.clear();
    assertEquals(run(fixture(2, 0.3), true), reused);
  }

  @Test
  void segmentsThatKeepTheColumnsAreNotOverwrittenByALaterIngestion() throws Exception {
    run(fixture(1, 0.0), true);
    final long before = RowColumnsPool.reuses();
    // a sink that keeps its segments: they own the taken columns, which must not go back
    final IngestFixture keeping = fixture(2, 0.3);
    final List<Map<String, Object>> kept = run(keeping, false);
    assertEquals(before + 1, RowColumnsPool.reuses());
    run(fixture(4, 0.2), true);
    run(fixture(5, 0.0), true);
    assertEquals(kept, printable(SegmentRows.rows(keeping.segments)));
  }

  @Test
  void columnsOfAnotherShapeAreNotTaken() throws Exception {
    run(fixture(1, 0.0), true);
    final long before = RowColumnsPool.reuses();
    final IngestFixture other = fixture(3, 0.1);
    other.metric(Map.of("type", "longMax", "name", "biggest", "fieldName", "n"));
    final List<Map<String, Object>> rows = run(other, true);
    assertEquals(before, RowColumnsPool.reuses());
    RowColumnsPool.clear();
    assertEquals(run(other, true), rows);
  }

  /** 3 days of 40 rows, 20 per segment, so every segment fills its columns; {@code nulls} of the fields empty. */
  private static IngestFixture fixture(long seed, double nulls) {
    final Random random = new Random(seed);
    final StringBuilder csv = new StringBuilder("ts,a,b,n,x\n");
    for (int day = 1; day <= 3; day++) {
      for (int i = 0; i < 40; i++) {
        csv.append(String.format("2024-01-%02dT%02d:%02d:00Z,", day, i % 24, i))
            .append(random.nextDouble() < nulls ? "" : "a" + random.nextInt(seed == 1 ? 500 : 7)).append(',')
            .append(random.nextDouble() < nulls ? "" : "b" + random.nextInt(3)).append(',')
            .append(random.nextDouble() < nulls ? "" : Long.toString(random.nextLong(1_000_000))).append(',')
            .append(random.nextDouble() < nulls ? "" : Double.toString(random.nextDouble())).append('\n');
      }
    }
    final IngestFixture fixture = new IngestFixture("csv", List.of("a", "b")).data(csv.toString());
    fixture.inputFormat.put("findColumnsFromHeader", true);
    fixture.tuning.put("maxRowsPerSegment", 20);
    fixture.metric(Map.of("type", "longSum", "name", "n", "fieldName", "n"));
    fixture.metric(Map.of("type", "doubleSum", "name", "x", "fieldName", "x"));
    fixture.metric(Map.of("type", "thetaSketch", "name", "as", "fieldName", "a"));
    return fixture;
  }

  private List<Map<String, Object>> run(IngestFixture fixture, boolean releasing) throws Exception {
    return printable(releasing ? fixture.runReleasing(temp) : fixture.run(temp));
  }

  /** Sketch states as hex, so rows compare by value. */
  private static List<Map<String, Object>> printable(List<Map<String, Object>> rows) {
    final List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      final Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach((k, v) -> copy.put(k, v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v));
      out.add(copy);
    }
    return out;
  }
}
