package io.nemeton.node.http;

/** Answers one route. Implementations are thread-safe; they throw {@link HttpError} to refuse a request. */
@FunctionalInterface
interface Endpoint {
  HttpAnswer handle(HttpRequest request) throws Exception;
}
