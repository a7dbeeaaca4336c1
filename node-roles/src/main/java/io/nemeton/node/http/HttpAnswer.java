package io.nemeton.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: status, content type, body and extra headers. Immutable; the body array is
 * owned by the answer once built.
 */
record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  HttpAnswer {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer of {@code value} (maps, lists, strings, numbers, booleans, null) written by Jackson. */
  static HttpAnswer json(int status, Object value) {
    try {
      return new HttpAnswer(status, JSON, MAPPER.writeValueAsBytes(value), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write answer JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON answer whose text is already written. */
  static HttpAnswer rawJson(int status, String text) {
    return new HttpAnswer(status, JSON, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** An answer without a body. */
  static HttpAnswer empty(int status) {
    return new HttpAnswer(status, null, new byte[0], Map.of());
  }

  HttpAnswer withHeader(String name, String value) {
    final Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpAnswer(status, contentType, body, more);
  }
}
