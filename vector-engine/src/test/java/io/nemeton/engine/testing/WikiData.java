package io.nemeton.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.quantiles.UpdatableQuantilesDoublesSketch;
import org.apache.datasketches.theta.UpdatableThetaSketch;

/**
 * Druid's it-wiki test data ({@code tiny_wiki_{1,2,3}.json}, 10 rows) as segments built the way
 * {@code wikipedia_index_task.json} asks: day segments of at most 3 rows, the 12 string
 * dimensions, count, doubleSum added/deleted/delta, a theta sketch and an HLL sketch of user and a
 * quantiles sketch of delta per row. Built here rather than by ingestion so that engine tests do
 * not depend on it.
 */
public final class WikiData {
  public static final List<String> DIMENSIONS = List.of("page", "language", "user", "unpatrolled", "newPage",
      "robot", "anonymous", "namespace", "continent", "country", "region", "city");

  private WikiData() {
  }

  public static Path dataDirectory() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.isDirectory(directory.resolve("testdata/druid-compat"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("testdata/druid-compat not found above " + Path.of("").toAbsolutePath());
    }
    return directory.resolve("testdata/druid-compat/it-wiki/data/json");
  }

  /** The rows of the three files, in file order. */
  public static List<Map<String, Object>> rows() {
    final ObjectMapper mapper = new ObjectMapper();
    final List<Map<String, Object>> rows = new ArrayList<>();
    try {
      for (int file = 1; file <= 3; file++) {
        for (String line : Files.readAllLines(dataDirectory().resolve("tiny_wiki_" + file + ".json"))) {
          if (line.isBlank()) {
            continue;
          }
          final JsonNode node = mapper.readTree(line);
          final Map<String, Object> row = new HashMap<>();
          row.put("__time", IsoInstant.parse(node.get("timestamp").asText()));
          for (String dimension : DIMENSIONS) {
            row.put(dimension, node.hasNonNull(dimension) ? node.get(dimension).asText() : null);
          }
          final String user = node.get("user").asText();
          row.put("count", 1L);
          row.put("added", node.get("added").asDouble());
          row.put("deleted", node.get("deleted").asDouble());
          row.put("delta", node.get("delta").asDouble());
          final UpdatableThetaSketch theta = UpdatableThetaSketch.builder().build();
          theta.update(user);
          row.put("thetaSketch", theta.compact().toByteArray());
          final UpdatableQuantilesDoublesSketch quantiles = QuantilesDoublesSketch.builder().setK(128).build();
          quantiles.update(node.get("delta").asDouble());
          row.put("quantilesDoublesSketch", quantiles.compact().toByteArray());
          final HllSketch hll = new HllSketch(12, TgtHllType.HLL_4);
          hll.update(user.toCharArray());
          row.put("HLLSketchBuild", hll.toCompactByteArray());
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  public static List<TestColumn> columns() {
    final List<TestColumn> columns = new ArrayList<>();
    for (String dimension : DIMENSIONS) {
      columns.add(TestColumn.string(dimension));
    }
    columns.add(TestColumn.longs("count"));
    columns.add(TestColumn.doubles("added"));
    columns.add(TestColumn.doubles("deleted"));
    columns.add(TestColumn.doubles("delta"));
    columns.add(TestColumn.complex("thetaSketch", "thetaSketch"));
    columns.add(TestColumn.complex("quantilesDoublesSketch", "quantilesDoublesSketch"));
    columns.add(TestColumn.complex("HLLSketchBuild", "HLLSketch"));
    return columns;
  }

  /** Day segments of at most three rows each, rows sorted by time. */
  public static List<ColumnarSegment> segments(String dataSource) {
    final TreeMap<Long, List<Map<String, Object>>> byDay = new TreeMap<>();
    for (Map<String, Object> row : rows()) {
      final long time = (Long) row.get("__time");
      byDay.computeIfAbsent(time - Math.floorMod(time, 86_400_000L), d -> new ArrayList<>()).add(row);
    }
    final List<ColumnarSegment> segments = new ArrayList<>();
    for (Map.Entry<Long, List<Map<String, Object>>> day : byDay.entrySet()) {
      final List<Map<String, Object>> rows = new ArrayList<>(day.getValue());
      rows.sort((a, b) -> Long.compare((Long) a.get("__time"), (Long) b.get("__time")));
      for (int start = 0, partition = 0; start < rows.size(); start += 3, partition++) {
        final SegmentInfo info = new SegmentInfo(dataSource, day.getKey(), day.getKey() + 86_400_000L,
            "2024-01-01T00:00:00.000Z", partition, Map.of());
        segments.add(TestSegments.build(info, columns(), rows.subList(start, Math.min(start + 3, rows.size()))));
      }
    }
    return segments;
  }

}
