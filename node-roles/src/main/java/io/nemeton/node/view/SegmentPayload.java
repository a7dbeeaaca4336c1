package io.nemeton.node.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.segment.SegmentInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published segment's payload, stored as JSON in the metadata store in the shape of Druid's
 * {@code DataSegment} (what {@code /druid/coordinator/v1/datasources/{ds}/segments?full} and
 * {@code /druid/v2/datasources} clients read): {@code dataSource}, {@code interval}, {@code
 * version}, {@code loadSpec}, {@code dimensions} and {@code metrics} (comma-separated), {@code
 * shardSpec} ({@code numbered}), {@code binaryVersion} 9, {@code size} (bytes), {@code
 * identifier}, and {@code numRows}. Immutable.
 */
public record SegmentPayload(SegmentInfo info, Map<String, Object> loadSpec, List<String> dimensions,
    List<String> metrics, long sizeBytes, long numRows, int partitions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SegmentPayload {
    loadSpec = Map.copyOf(loadSpec);
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
  }

  /** Druid's segment id. */
  public String id() {
    return info.segmentId();
  }

  /** The payload as the ordered JSON map Druid prints. */
  public Map<String, Object> toMap() {
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataSource", info.dataSource());
    out.put("interval", IsoInstant.format(info.intervalStartMs()) + "/" + IsoInstant.format(info.intervalEndMs()));
    out.put("version", info.version());
    out.put("loadSpec", loadSpec);
    out.put("dimensions", String.join(",", dimensions));
    out.put("metrics", String.join(",", metrics));
    final Map<String, Object> shardSpec = new LinkedHashMap<>();
    shardSpec.put("type", "numbered");
    shardSpec.put("partitionNum", info.partition());
    shardSpec.put("partitions", partitions);
    out.put("shardSpec", shardSpec);
    out.put("binaryVersion", 9);
    out.put("size", sizeBytes);
    out.put("identifier", id());
    out.put("numRows", numRows);
    return out;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(toMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("segment payload of " + id() + " cannot be written", e);
    }
  }

  /** The payload map of a stored record, as written by {@link #toJson()}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(SegmentRecord record) {
    try {
      return JSON.readValue(record.payloadJson(), LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("segment " + record.id() + ": payload is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The loadSpec of a stored record. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> loadSpec(SegmentRecord record) {
    final Object spec = map(record).get("loadSpec");
    if (!(spec instanceof Map<?, ?> m)) {
      throw new IllegalStateException("segment " + record.id() + ": payload has no loadSpec object");
    }
    return (Map<String, Object>) m;
  }
}
