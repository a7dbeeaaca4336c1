package io.nemeton.perf.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The committed reference of the scan regression check ({@code perf/scan-baseline.json}): the
 * settings of the run that wrote it and, per query, the ratio of Nemeton's rows per second to
 * DuckDB's measured in that run. The check repeats the run with the same settings and compares
 * ratios, never absolute speeds, because the machines are shared.
 *
 * <pre>
 * {"rows": 2000000, "segments": 4, "seed": 42, "repetitions": 5, "warmupMs": 1000,
 *  "minRepetitionMs": 100, "written": "2026-11-23", "load": "1.02 0.80 0.55",
 *  "ratios": {"q1": 12.3, "q2": 1.8, ...}}
 * </pre>
 *
 * <p>Immutable.
 *
 * @param ratios Nemeton / DuckDB rows per second by query id, in run order
 */
public record ScanBaseline(long rows, int segments, long seed, MeasurementSettings measurement, String written,
    String load, Map<String, Double> ratios) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ScanBaseline {
    ratios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    for (Map.Entry<String, Double> entry : ratios.entrySet()) {
      PaperQuery.checkKnown(entry.getKey());
      final double ratio = entry.getValue();
      if (!(ratio > 0) || Double.isInfinite(ratio)) {
        throw new IllegalArgumentException("baseline query=" + entry.getKey() + " ratio=" + ratio
            + ": must be a finite number > 0");
      }
    }
  }

  public static ScanBaseline read(Path file) throws IOException {
    final JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IOException("baseline file=" + file + ": cannot read it as JSON: " + e.getMessage(), e);
    }
    try {
      final MeasurementSettings measurement = new MeasurementSettings(
          required(root, "warmupMs").asLong(), required(root, "minRepetitionMs").asLong(),
          required(root, "repetitions").asInt());
      final Map<String, Double> ratios = new LinkedHashMap<>();
      final JsonNode ratioNode = required(root, "ratios");
      for (Iterator<Map.Entry<String, JsonNode>> fields = ratioNode.fields(); fields.hasNext(); ) {
        final Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getValue().isNumber()) {
          throw new IllegalArgumentException("ratios." + field.getKey() + "=" + field.getValue() + " is not a number");
        }
        ratios.put(field.getKey(), field.getValue().asDouble());
      }
      if (ratios.isEmpty()) {
        throw new IllegalArgumentException("ratios is empty");
      }
      return new ScanBaseline(required(root, "rows").asLong(), required(root, "segments").asInt(),
          required(root, "seed").asLong(), measurement, root.path("written").asText(""), root.path("load").asText(""),
          ratios);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseline file=" + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode root, String field) {
    final JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("required field=" + field + " is missing");
    }
    if (!field.equals("ratios") && !node.isNumber()) {
      throw new IllegalArgumentException("field=" + field + " value=" + node + " is not a number");
    }
    return node;
  }

  public void write(Path file) throws IOException {
    final ObjectNode root = JSON.createObjectNode();
    root.put("rows", rows);
    root.put("segments", segments);
    root.put("seed", seed);
    root.put("repetitions", measurement.repetitions());
    root.put("warmupMs", measurement.warmupMs());
    root.put("minRepetitionMs", measurement.minRepetitionMs());
    root.put("written", written);
    root.put("load", load);
    final ObjectNode ratioNode = root.putObject("ratios");
    for (Map.Entry<String, Double> entry : ratios.entrySet()) {
      // three significant digits: more would pretend a precision a shared machine does not give
      ratioNode.put(entry.getKey(), Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", entry.getValue())));
    }
    Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }
}
