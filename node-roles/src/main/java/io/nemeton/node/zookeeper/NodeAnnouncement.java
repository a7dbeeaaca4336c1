package io.nemeton.node.zookeeper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a historical says about itself in {@code /nemeton/nodes/historical/<name>}:
 *
 * <pre>
 * {"name": ..., "host": ..., "ports": {"http": 8888, ...}, "tier": "_default_tier",
 *  "maxSize": bytes, "startedMs": ...}
 * </pre>
 *
 * Immutable.
 */
public record NodeAnnouncement(String name, String host, Map<String, Integer> ports, String tier,
    long maxSizeBytes, long startedMs) {

  public NodeAnnouncement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tier, "tier");
    ports = Map.copyOf(ports);
  }

  public byte[] toBytes() {
    final ObjectNode node = SegmentRecordJson.JSON.createObjectNode();
    node.put("name", name);
    node.put("host", host);
    final ObjectNode portNode = node.putObject("ports");
    for (Map.Entry<String, Integer> port : new java.util.TreeMap<>(ports).entrySet()) {
      portNode.put(port.getKey(), port.getValue());
    }
    node.put("tier", tier);
    node.put("maxSize", maxSizeBytes);
    node.put("startedMs", startedMs);
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an announcement stored at {@code path}.
   *
   * @throws IllegalArgumentException naming the path and the bad field
   */
  public static NodeAnnouncement parse(byte[] bytes, String path) {
    final JsonNode node;
    try {
      node = SegmentRecordJson.JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("node announcement " + path + " is not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("node announcement " + path + " must be a JSON object");
    }
    final String name = node.path("name").asText("");
    final String tier = node.path("tier").asText("");
    final JsonNode maxSize = node.get("maxSize");
    if (name.isEmpty() || tier.isEmpty() || maxSize == null || !maxSize.isIntegralNumber()) {
      throw new IllegalArgumentException("node announcement " + path
          + " needs a name, a tier and an integer maxSize, got " + node);
    }
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Iterator<Map.Entry<String, JsonNode>> fields = node.path("ports").properties().iterator();
    while (fields.hasNext()) {
      final Map.Entry<String, JsonNode> port = fields.next();
      ports.put(port.getKey(), port.getValue().asInt());
    }
    return new NodeAnnouncement(name, node.path("host").asText(""), ports, tier, maxSize.asLong(),
        node.path("startedMs").asLong(0));
  }
}
