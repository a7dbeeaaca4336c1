package io.nemeton.engine.query.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.QueryErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing query JSON trees, and their canonical digest for cache keys. Thread-safe: the
 * shared mapper is only used for plain tree reads and writes.
 */
public final class JsonTrees {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonTrees() {}

  /** Parses JSON text; malformed text is an {@link InvalidQueryException} saying where. */
  public static JsonNode read(String text) {
    try {
      final JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new InvalidQueryException("", "malformed JSON: empty input");
      }
      return node;
    } catch (JsonProcessingException e) {
      final String where = e.getLocation() == null
          ? ""
          : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
      throw new InvalidQueryException(
          QueryErrorCode.INVALID_QUERY, "", "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Compact JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree: " + e.getMessage(), e);
    }
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new object whose first field is {@code "type": type}. */
  public static ObjectNode typed(String type) {
    final ObjectNode node = object();
    node.put("type", type);
    return node;
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    final ArrayNode array = array();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  public static ArrayNode doubles(double[] values) {
    final ArrayNode array = array();
    for (double value : values) {
      array.add(value);
    }
    return array;
  }

  /** Puts a string unless it is null. */
  public static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** Puts a tree unless it is null. */
  public static void putIfPresent(ObjectNode node, String field, JsonNode value) {
    if (value != null) {
      node.set(field, value);
    }
  }

  /** Puts a number unless it is null. */
  public static void putIfPresent(ObjectNode node, String field, Number value) {
    if (value != null) {
      node.set(field, JsonValues.fromJava(value));
    }
  }

  public static void putIfPresent(ObjectNode node, String field, Boolean value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /**
   * SHA-256 of a canonical encoding of the tree: object fields sorted by name, numbers by their
   * JSON text, each value tagged by kind so that {@code "1"} and {@code 1} differ.
   */
  public static byte[] canonicalDigest(JsonNode node) {
    final MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    feed(digest, node);
    return digest.digest();
  }

  private static void feed(MessageDigest digest, JsonNode node) {
    if (node == null || node.isNull()) {
      digest.update((byte) 'n');
    } else if (node.isObject()) {
      final List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      fields.sort(Map.Entry.comparingByKey());
      digest.update((byte) '{');
      for (Map.Entry<String, JsonNode> field : fields) {
        feedText(digest, field.getKey());
        feed(digest, field.getValue());
      }
      digest.update((byte) '}');
    } else if (node.isArray()) {
      digest.update((byte) '[');
      for (JsonNode element : node) {
        feed(digest, element);
      }
      digest.update((byte) ']');
    } else if (node.isTextual()) {
      digest.update((byte) 's');
      feedText(digest, node.textValue());
    } else if (node.isNumber()) {
      digest.update((byte) '#');
      feedText(digest, node.asText());
    } else if (node.isBoolean()) {
      digest.update((byte) (node.booleanValue() ? 't' : 'f'));
    } else {
      digest.update((byte) '?');
      feedText(digest, node.asText());
    }
  }

  private static void feedText(MessageDigest digest, String text) {
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    final int length = bytes.length;
    digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
    digest.update(bytes);
  }
}
