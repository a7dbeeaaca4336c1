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
  /** Most bytes of an oversized body read and dropped so that its 413 answer reaches the client. */
  static final long DISCARD_MAX_BYTES = 1L << 30;
  /** Longest time spent dropping an oversized body. */
  static final long DISCARD_MAX_NS = 5_000_000_000L;

  private final HttpServerExchange exchange;
  private final Map<String, String> pathParameters;
  private final long maxBodyBytes;
  private boolean bodyRead;

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
    if (bodyRead) {
      throw new IllegalStateException("the request body was read already");
    }
    bodyRead = true;
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
    discardRest();
    // The connection closes after the answer, so whatever was not discarded is never read.
    return new HttpError(413, "Request entity too large", "request body "
        + (declared >= 0 ? "of " + declared + " bytes" : "passed the limit") + ": at most maxBodyBytes="
        + maxBodyBytes + " bytes are accepted", Map.of("Connection", "close"));
  }

  /**
   * Reads and drops what is left of an oversized body, within {@link #DISCARD_MAX_BYTES} and {@link
   * #DISCARD_MAX_NS}. A server that closes a connection with request bytes still unread makes the
   * kernel reset it, and the client then loses the 413 answer; dropping the rest (through a small
   * buffer, nothing kept) lets the answer arrive. Past either bound the connection is simply closed.
   */
  private void discardRest() {
    final byte[] scratch = new byte[64 * 1024];
    final long deadline = System.nanoTime() + DISCARD_MAX_NS;
    long discarded = 0;
    try {
      final InputStream in = exchange.getInputStream();
      while (discarded < DISCARD_MAX_BYTES && System.nanoTime() < deadline) {
        final int read = in.read(scratch);
        if (read < 0) {
          return;
        }
        discarded += read;
      }
    } catch (IOException e) {
      // The client went away: nothing more to drop.
    }
  }
}
