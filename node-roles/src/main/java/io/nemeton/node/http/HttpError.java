package io.nemeton.node.http;

import java.util.Map;

/**
 * A request the gateway refuses, with the HTTP status and the {@code error} code of Druid's error
 * JSON; the message names the thing, the value and the limit. Immutable.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final transient Map<String, String> headers;

  HttpError(int status, String error, String message) {
    this(status, error, message, Map.of());
  }

  HttpError(int status, String error, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.error = error;
    this.headers = Map.copyOf(headers);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, "Not found", message);
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, "Bad request", message);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  Map<String, String> headers() {
    return headers;
  }
}
