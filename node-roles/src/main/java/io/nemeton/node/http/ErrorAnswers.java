package io.nemeton.node.http;

import java.util.concurrent.CompletionException;

import io.nemeton.engine.query.QueryException;
import io.nemeton.metadata.MetadataStoreException;
import io.nemeton.node.indexing.TaskRejectedException;
import io.nemeton.node.indexing.TaskSpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where failures become Druid's error JSON, {@code {"error", "errorMessage",
 * "errorClass", "host"}}, with the matching HTTP status: query failures by their {@code
 * QueryErrorCode} (400 bad queries, 504 timeouts, 501 unsupported, ...), task specs 400, tasks refused for now (queue full, stopping) 503, gateway
 * refusals ({@link HttpError}: 404, 405, 413, ...) as they say, metadata store outages 503, and
 * anything else 500 ({@code Unknown exception}), which the caller logs. Stateless.
 */
final class ErrorAnswers {
  private ErrorAnswers() {}

  static HttpAnswer of(Throwable failure) {
    return switch (failure) {
      case CompletionException e when e.getCause() != null -> of(e.getCause()); // a failure that came later
      case HttpError e -> withHeaders(answer(e.status(), e.error(), e.getMessage(), null), e.headers());
      case QueryException e -> answer(e.code().httpStatus(), e.code().legacyCode(), e.getMessage(),
          e.getClass().getName());
      case TaskSpecException e -> answer(400, "Invalid task spec", e.getMessage(), e.getClass().getName());
      case TaskRejectedException e -> answer(503, "Service unavailable", e.getMessage(), e.getClass().getName());
      case MetadataStoreException e -> switch (e.code()) {
        case INVALID_INPUT -> answer(400, "Bad request", e.getMessage(), e.getClass().getName());
        case NOT_FOUND -> answer(404, "Not found", e.getMessage(), e.getClass().getName());
        case CONFLICT -> answer(409, "Conflict", e.getMessage(), e.getClass().getName());
        case UNAVAILABLE, CLOSED -> answer(503, "Service unavailable", e.getMessage(), e.getClass().getName());
        default -> answer(500, "Unknown exception", e.getMessage(), e.getClass().getName());
      };
      default -> answer(500, "Unknown exception", String.valueOf(failure.getMessage()),
          failure.getClass().getName());
    };
  }

  /** True for the failures that are faults of this server rather than of the request. */
  static boolean isFault(HttpAnswer answer) {
    return answer.status() >= 500 && answer.status() != 501 && answer.status() != 503 && answer.status() != 504;
  }

  private static HttpAnswer answer(int status, String error, String message, String errorClass) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("errorMessage", message);
    body.put("errorClass", errorClass);
    body.put("host", null);
    return HttpAnswer.json(status, body);
  }

  private static HttpAnswer withHeaders(HttpAnswer answer, Map<String, String> headers) {
    HttpAnswer out = answer;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      out = out.withHeader(header.getKey(), header.getValue());
    }
    return out;
  }
}
