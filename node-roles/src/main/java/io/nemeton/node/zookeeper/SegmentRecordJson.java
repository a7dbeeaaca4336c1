package io.nemeton.node.zookeeper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.metadata.SegmentRecord;

/**
 * A segment record as JSON in znodes (served-segment announcements, load instructions):
 *
 * <pre>
 * {"id": ..., "dataSource": ..., "startMs": ..., "endMs": ..., "version": ..., "partition": ...,
 *  "createdMs": ..., "payload": {the Druid DataSegment payload as published}}
 * </pre>
 *
 * The timeline fields are plain numbers so a reader needs no interval parsing. Stateless and
 * thread-safe.
 */
public final class SegmentRecordJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private SegmentRecordJson() {}

  public static ObjectNode toJson(SegmentRecord record) {
    final ObjectNode node = JSON.createObjectNode();
    node.put("id", record.id());
    node.put("dataSource", record.dataSource());
    node.put("startMs", record.startMs());
    node.put("endMs", record.endMs());
    node.put("version", record.version());
    node.put("partition", record.partition());
    node.put("createdMs", record.createdMs());
    try {
      node.set("payload", JSON.readTree(record.payloadJson()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("segment " + record.id() + ": payload is not JSON: "
          + e.getOriginalMessage(), e);
    }
    return node;
  }

  /**
   * The record in {@code node} (marked used: only used segments are announced or assigned).
   *
   * @throws IllegalArgumentException naming {@code where} and the missing or bad field
   */
  public static SegmentRecord fromJson(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": segment must be a JSON object, got " + node);
    }
    final String id = text(node, "id", where);
    final long startMs = number(node, "startMs", where);
    final long endMs = number(node, "endMs", where);
    if (endMs <= startMs) {
      throw new IllegalArgumentException(where + ": segment " + id + " endMs=" + endMs
          + " must be after startMs=" + startMs);
    }
    final long partition = number(node, "partition", where);
    if (partition < 0 || partition > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(where + ": segment " + id + " partition=" + partition
          + " must be in [0, " + Integer.MAX_VALUE + "]");
    }
    final JsonNode payload = node.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException(where + ": segment " + id + " has no payload object");
    }
    final long createdMs = node.path("createdMs").asLong(0);
    return new SegmentRecord(id, text(node, "dataSource", where), startMs, endMs,
        text(node, "version", where), (int) partition, payload.toString(), true, createdMs, createdMs);
  }

  /** The record in {@code bytes} (UTF-8 JSON), as {@link #fromJson}. */
  public static SegmentRecord fromBytes(byte[] bytes, String where) {
    try {
      return fromJson(JSON.readTree(bytes), where);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(where + ": segment is not JSON: " + e.getMessage(), e);
    }
  }

  public static byte[] toBytes(SegmentRecord record) {
    return toJson(record).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The payload's {@code size} in bytes, or 0 when it has none. */
  public static long sizeBytes(SegmentRecord record) {
    try {
      return Math.max(0, JSON.readTree(record.payloadJson()).path("size").asLong(0));
    } catch (JsonProcessingException e) {
      return 0;
    }
  }

  /** The payload's core partition count ({@code shardSpec.partitions}), or 0 when absent. */
  public static int corePartitions(SegmentRecord record) {
    try {
      return Math.max(0, JSON.readTree(record.payloadJson()).path("shardSpec").path("partitions").asInt(0));
    } catch (JsonProcessingException e) {
      return 0;
    }
  }

  private static String text(JsonNode node, String field, String where) {
    final JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(where + ": segment field '" + field
          + "' must be a non-empty string, got " + value);
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field, String where) {
    final JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(where + ": segment field '" + field
          + "' must be an integer, got " + value);
    }
    return value.asLong();
  }
}
