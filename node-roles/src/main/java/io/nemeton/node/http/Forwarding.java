package io.nemeton.node.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards one request to another process of the cluster (the gateway as Druid's router): same
 * method, path, query string, body and the headers Druid's APIs read; the answer's status, content
 * type, body and Druid headers come back unchanged. A target that cannot be reached is a 503 naming
 * it. Thread-safe; allocates per request.
 */
final class Forwarding {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String[] REQUEST_HEADERS = {"Content-Type", "Accept", "X-Druid-Author", "X-Druid-Comment"};
  private static final String[] ANSWER_HEADERS = {"X-Druid-Query-Id", "X-Druid-Task-Id", "Allow"};

  private Forwarding() {}

  /** The target of {@code path}, or null; a lookup failure is a 503 naming it. */
  static String target(ForwardTargets targets, String path) {
    try {
      return targets.baseUrlFor(path);
    } catch (RuntimeException e) {
      throw new HttpError(503, "Service unavailable", e.getMessage(), Map.of());
    }
  }

  static HttpAnswer forward(HttpServerExchange exchange, String baseUrl, long maxBodyBytes) throws IOException {
    final String method = exchange.getRequestMethod().toString();
    final String query = exchange.getQueryString();
    final URI uri = URI.create(baseUrl + exchange.getRequestPath() + (query == null || query.isEmpty() ? "" : "?" + query));
    final boolean hasBody = method.equals("POST") || method.equals("PUT");
    final String body = hasBody ? new HttpRequest(exchange, Map.of(), maxBodyBytes).bodyText() : null;
    final java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(5))
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    for (String name : REQUEST_HEADERS) {
      final HeaderValues values = exchange.getRequestHeaders().get(name);
      if (values != null && !values.isEmpty()) {
        request.header(name, values.getFirst());
      }
    }
    final HttpResponse<byte[]> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new HttpError(503, "Service unavailable", "cannot forward " + method + " " + exchange.getRequestPath()
          + " to " + baseUrl + ": " + e, Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "Service unavailable", "interrupted while forwarding to " + baseUrl, Map.of());
    }
    final Map<String, String> headers = new LinkedHashMap<>();
    for (String name : ANSWER_HEADERS) {
      response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
    }
    return new HttpAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
        response.body(), headers);
  }
}
