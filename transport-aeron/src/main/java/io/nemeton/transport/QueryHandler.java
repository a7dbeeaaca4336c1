package io.nemeton.transport;

/**
 * Runs one query on a server: reads the {@link QueryRequest} and streams results into the {@link
 * ResultSink}. Called on one of the server's worker threads, one call per request, so an
 * implementation must be thread-safe across requests. Throwing a {@link QueryException} answers an
 * ERROR with its code; any other exception answers {@code "Unknown exception"} with its class and
 * message.
 */
@FunctionalInterface
public interface QueryHandler {
  void handle(QueryRequest request, ResultSink sink) throws Exception;
}
