package io.nemeton.node.http;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

/**
 * One request as an {@link Endpoint} sees it: method, path parameters, query parameters, headers
 * and the body, read at most once and never past the gateway's limit. Any content type (or none)
 * is accepted for JSON bodies, as Druid's clients send several. Used by one thread.
 */
final class HttpRequest {
  private final HttpServerExchange exchange;
  private final Map<String, String> pathParameters;
  private final long maxBodyBytes;

  HttpRequest(HttpServerExchange exchange, Map<String, String> pathParameters, long maxBodyBytes) {
    this.exchange = exchange;
    this.pathParameters = pathParameters;
    this.maxBodyBytes = maxBodyBytes;
  }

  String method() {
    return exchange.getRequestMethod().toString();
  }

  String path() {
    return exchange.getRequestPath();
  }

  /** A path parameter of the route, e.g. {@code ds} of {@code /druid/v2/datasources/{ds}}. */
  String pathParameter(String name) {
    return pathParameters.get(name);
  }

  /** The first value of a query parameter; "" when given without a value; null when absent. */
  String queryParameter(String name) {
    final Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  boolean hasQueryParameter(String name) {
    return exchange.getQueryParameters().containsKey(name);
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  String remoteAddress() {
    final InetSocketAddress address = exchange.getSourceAddress();
    return address == null ? "" : address.getAddress().getHostAddress();
  }

  /**
   * The body as UTF-8 text, read with a bound: a declared length over the limit is refused before
   * reading, and a body without a declared length is refused once it passes the limit, holding at
   * most limit + 1 bytes.
   *
   * @throws HttpError 413 when the body is larger than the limit
   */
  String bodyText() throws IOException {
    final long declared = exchange.getRequestContentLength();
    if (declared > maxBodyBytes) {
      throw tooLarge(declared);
    }
    final int capacity = (int) Math.min(maxBodyBytes + 1, declared >= 0 ? declared + 1 : 64 * 1024);
    byte[] buffer = new byte[Math.max(capacity, 16)];
    int length = 0;
    final InputStream in = exchange.getInputStream();
    while (true) {
      if (length == buffer.length) {
        if (length > maxBodyBytes) {
          throw tooLarge(-1);
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(maxBodyBytes + 1, (long) buffer.length * 2));
      }
      final int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
      if (length > maxBodyBytes) {
        throw tooLarge(-1);
      }
    }
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }

  private HttpError tooLarge(long declared) {
    // The rest of an oversized body is not read: the connection closes after the answer.
    return new HttpError(413, "Request entity too large", "request body "
        + (declared >= 0 ? "of " + declared + " bytes" : "passed the limit") + ": at most maxBodyBytes="
        + maxBodyBytes + " bytes are accepted", Map.of("Connection", "close"));
  }
}
