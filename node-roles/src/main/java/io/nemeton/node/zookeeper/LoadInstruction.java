package io.nemeton.node.zookeeper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.metadata.SegmentRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One entry of a historical's load queue ({@code /nemeton/loadQueue/<node>/<segmentId>}), written
 * by the coordinator and removed by the historical once carried out:
 *
 * <pre>
 * {"action": "load", "segmentId": ..., "segment": {SegmentRecordJson}}
 * {"action": "drop", "segmentId": ...}
 * </pre>
 *
 * Immutable.
 *
 * @param segment the segment to load; null for a drop
 */
public record LoadInstruction(Action action, String segmentId, SegmentRecord segment) {
  /** What the historical is asked to do. */
  public enum Action {
    LOAD, DROP
  }

  public LoadInstruction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(segmentId, "segmentId");
    if (action == Action.LOAD && segment == null) {
      throw new IllegalArgumentException("load instruction for " + segmentId + " needs the segment");
    }
  }

  public static LoadInstruction load(SegmentRecord segment) {
    return new LoadInstruction(Action.LOAD, segment.id(), segment);
  }

  public static LoadInstruction drop(String segmentId) {
    return new LoadInstruction(Action.DROP, segmentId, null);
  }

  public byte[] toBytes() {
    final ObjectNode node = SegmentRecordJson.JSON.createObjectNode();
    node.put("action", action == Action.LOAD ? "load" : "drop");
    node.put("segmentId", segmentId);
    if (segment != null) {
      node.set("segment", SegmentRecordJson.toJson(segment));
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an instruction stored at {@code path}.
   *
   * @throws IllegalArgumentException naming the path and what is wrong
   */
  public static LoadInstruction parse(byte[] bytes, String path) {
    final JsonNode node;
    try {
      node = SegmentRecordJson.JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("load instruction " + path + " is not JSON: "
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("load instruction " + path + " must be a JSON object");
    }
    final String action = node.path("action").asText("");
    final String segmentId = node.path("segmentId").asText("");
    if (segmentId.isEmpty()) {
      throw new IllegalArgumentException("load instruction " + path + " has no segmentId");
    }
    return switch (action) {
      case "load" -> {
        final SegmentRecord segment = SegmentRecordJson.fromJson(node.get("segment"), "load instruction " + path);
        if (!segment.id().equals(segmentId)) {
          throw new IllegalArgumentException("load instruction " + path + ": segmentId " + segmentId
              + " differs from the segment's id " + segment.id());
        }
        yield new LoadInstruction(Action.LOAD, segmentId, segment);
      }
      case "drop" -> new LoadInstruction(Action.DROP, segmentId, null);
      default -> throw new IllegalArgumentException("load instruction " + path
          + ": action must be \"load\" or \"drop\", got \"" + action + "\"");
    };
  }
}
