package io.nemeton.metadata.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks JSON payloads before they are stored, so that every payload read back parses. The store
 * keeps the caller's text as given (no re-serialisation), which keeps key order and number
 * spelling for clients that compare bytes.
 *
 * <p>Thread-safe; parsing allocates a tree per call.
 */
public final class JsonPayloads {
  /** Longest stored JSON payload, in chars: far above any real spec, status or rule list. */
  public static final int MAX_PAYLOAD_CHARS = 16 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonPayloads() {}

  /** Checks that {@code json} is one JSON object. */
  public static String object(String what, String json) {
    JsonNode node = parse(what, json);
    if (!node.isObject()) {
      throw Require.invalid(what + " must be a JSON object, got " + kind(node) + ": "
          + preview(json));
    }
    return json;
  }

  /** Checks that {@code json} is one JSON array. */
  public static String array(String what, String json) {
    JsonNode node = parse(what, json);
    if (!node.isArray()) {
      throw Require.invalid(what + " must be a JSON array, got " + kind(node) + ": "
          + preview(json));
    }
    return json;
  }

  /** Checks that {@code json} is one JSON value of any kind. */
  public static String value(String what, String json) {
    parse(what, json);
    return json;
  }

  /** True when both texts hold equal JSON values (key order and spacing do not matter). */
  public static boolean sameValue(String left, String right) {
    try {
      return MAPPER.readTree(left).equals(MAPPER.readTree(right));
    } catch (JsonProcessingException e) {
      return left.equals(right);
    }
  }

  private static JsonNode parse(String what, String json) {
    Require.text(what, json, MAX_PAYLOAD_CHARS, false);
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw Require.invalid(what + " must be JSON, got empty text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw Require.invalid(what + " is not valid JSON (" + e.getOriginalMessage() + "): "
          + preview(json));
    }
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String preview(String json) {
    return json.length() <= 80 ? "'" + json + "'" : "'" + json.substring(0, 80) + "...'";
  }
}
