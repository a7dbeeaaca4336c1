package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ColumnarSegment;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sketch metrics built at ingestion and unioned by rollup, across spilled runs. */
class SketchIngestTest {
  @TempDir
  Path temp;

  @Test
  void sketchesCountDistinctUsersPerGroupThroughSpills() throws Exception {
    final SplittableRandom random = new SplittableRandom(11);
    final StringBuilder data = new StringBuilder();
    final Map<String, Set<String>> users = new HashMap<>();
    final Map<String, Integer> deltas = new HashMap<>();
    final Map<String, double[]> ranges = new HashMap<>();
    for (int r = 0; r < 3000; r++) {
      final String country = "c" + random.nextInt(100);
      final String user = "u" + random.nextInt(300);
      final int delta = random.nextInt(-500, 500);
      users.computeIfAbsent(country, c -> new HashSet<>()).add(user);
      deltas.merge(country, 1, Integer::sum);
      final double[] range = ranges.computeIfAbsent(country, c -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
      range[0] = Math.min(range[0], delta);
      range[1] = Math.max(range[1], delta);
      data.append("{\"ts\": \"2020-01-01T0").append(random.nextInt(10)).append(":00:00Z\", \"country\": \"").append(country)
          .append("\", \"user\": \"").append(user).append("\", \"delta\": ").append(delta).append("}\n");
    }
    final IngestFixture fixture = new IngestFixture("json", List.of("country"));
    fixture.granularity.put("rollup", true);
    fixture.granularity.put("queryGranularity", "day");
    fixture.tuning.put("maxRowsInMemory", 97);
    fixture.metric(Map.of("type", "count", "name", "count"));
    fixture.metric(Map.of("type", "thetaSketch", "name", "theta", "fieldName", "user"));
    fixture.metric(Map.of("type", "HLLSketchBuild", "name", "hll", "fieldName", "user", "lgK", 11, "tgtHllType", "HLL_8"));
    fixture.metric(Map.of("type", "hyperUnique", "name", "unique", "fieldName", "user"));
    fixture.metric(Map.of("type", "quantilesDoublesSketch", "name", "quantiles", "fieldName", "delta", "k", 64));
    final List<Map<String, Object>> rows = fixture.data(data.toString()).run(temp);
    assertEquals(100, rows.size());
    assertTrue(fixture.report.spilledRuns() > 10);
    for (Map<String, Object> row : rows) {
      final String country = (String) row.get("country");
      final int distinct = users.get(country).size();
      final CompactThetaSketch theta = CompactThetaSketch.wrap((byte[]) row.get("theta"));
      assertEquals(distinct, theta.getEstimate(), 0.0, "theta is exact below its size");
      final HllSketch hll = HllSketch.heapify((byte[]) row.get("hll"));
      assertEquals(11, hll.getLgConfigK());
      assertEquals(TgtHllType.HLL_8, hll.getTgtHllType());
      assertEquals(distinct, hll.getEstimate(), distinct * 0.05);
      assertEquals(distinct, HllSketch.heapify((byte[]) row.get("unique")).getEstimate(), distinct * 0.05);
      final QuantilesDoublesSketch quantiles = QuantilesDoublesSketch.heapify(MemorySegment.ofArray((byte[]) row.get("quantiles")));
      assertEquals((long) deltas.get(country), quantiles.getN());
      assertEquals(ranges.get(country)[0], quantiles.getMinItem(), 0.0);
      assertEquals(ranges.get(country)[1], quantiles.getMaxItem(), 0.0);
      assertEquals((long) deltas.get(country), row.get("count"));
    }
    assertEquals("thetaSketch", ((ColumnarSegment.ComplexColumn) fixture.segments.get(0).column("theta")).typeName());
    assertEquals("hyperUnique", ((ColumnarSegment.ComplexColumn) fixture.segments.get(0).column("unique")).typeName());
  }

  @Test
  void rowsWithoutInputGetEmptySketchesAndMultiValueInputsCountEachValue() throws Exception {
    final IngestFixture fixture = new IngestFixture("json", List.of("page"));
    fixture.metric(Map.of("type", "thetaSketch", "name", "theta", "fieldName", "tags"));
    fixture.metric(Map.of("type", "quantilesDoublesSketch", "name", "quantiles", "fieldName", "delta"));
    fixture.metric(Map.of("type", "stringFirst", "name", "firstTag", "fieldName", "tags", "maxStringBytes", 2));
    final List<Map<String, Object>> rows = fixture.data("""
        {"ts": "2020-01-01T00:00:00Z", "page": "a", "tags": ["t1", "t2", "t1"], "delta": 1}
        {"ts": "2020-01-01T00:00:01Z", "page": "b"}
        """).run(temp);
    assertEquals(2.0, CompactThetaSketch.wrap((byte[]) rows.get(0).get("theta")).getEstimate(), 0.0);
    assertTrue(CompactThetaSketch.wrap((byte[]) rows.get(1).get("theta")).isEmpty());
    assertTrue(QuantilesDoublesSketch.heapify(MemorySegment.ofArray((byte[]) rows.get(1).get("quantiles"))).isEmpty());
    final byte[] first = (byte[]) rows.get(0).get("firstTag");
    assertEquals(12 + 2, first.length, "string first keeps at most maxStringBytes");
  }
}
