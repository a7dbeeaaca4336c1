package io.nemeton.segment.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code info} region: {@link SegmentInfo} as one UTF-8 JSON object with keys {@code
 * dataSource}, {@code intervalStartMs}, {@code intervalEndMs}, {@code version}, {@code partition}
 * and {@code metadata}. Metadata numbers come back as Jackson maps them (Integer, Long, Double).
 *
 * <p>Thread-safe. Allocates (it is read once per open).
 */
final class SegmentInfoJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SegmentInfoJson() {}

  static byte[] encode(SegmentInfo info) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dataSource", info.dataSource());
    json.put("intervalStartMs", info.intervalStartMs());
    json.put("intervalEndMs", info.intervalEndMs());
    json.put("version", info.version());
    json.put("partition", info.partition());
    json.put("metadata", info.metadata());
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("segment=" + info.segmentId() + ": metadata is not JSON-serializable: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Parses the info region; any missing or mistyped field is a corrupt file. */
  @SuppressWarnings("unchecked")
  static SegmentInfo decode(Path file, String region, MemorySegment bytes) {
    Map<String, Object> json;
    try {
      json = MAPPER.readValue(bytes.toArray(LittleEndian.BYTE), Map.class);
    } catch (IOException e) {
      throw new SegmentCorruptException(file, region, "not a JSON object: " + e.getMessage(), e);
    }
    try {
      Object metadata = json.get("metadata");
      return new SegmentInfo(
          (String) require(file, region, json, "dataSource", String.class),
          ((Number) require(file, region, json, "intervalStartMs", Number.class)).longValue(),
          ((Number) require(file, region, json, "intervalEndMs", Number.class)).longValue(),
          (String) require(file, region, json, "version", String.class),
          ((Number) require(file, region, json, "partition", Number.class)).intValue(),
          metadata instanceof Map<?, ?> map ? (Map<String, Object>) map : null);
    } catch (IllegalArgumentException e) {
      throw new SegmentCorruptException(file, region, e.getMessage(), e);
    }
  }

  private static Object require(Path file, String region, Map<String, Object> json, String key, Class<?> type) {
    Object value = json.get(key);
    if (!type.isInstance(value)) {
      throw new SegmentCorruptException(file, region, "field " + key + "=" + value + " is not a " + type.getSimpleName());
    }
    return value;
  }
}
