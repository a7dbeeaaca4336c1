package io.nemeton.transport;

/**
 * Runs one query on a server: reads the {@link QueryRequest} and streams results into the {@link
 * ResultSink}. Called on one of the server's worker threads, one call per request, so an
 * implementation must be thread-safe across requests; a request {@link #answersInline} says is
 * cheap runs on the server's agent thread instead. Throwing a {@link QueryException} answers an
 * ERROR with its code; any other exception answers {@code "Unknown exception"} with its class and
 * message.
 */
@FunctionalInterface
public interface QueryHandler {
  void handle(QueryRequest request, ResultSink sink) throws Exception;

  /**
   * Whether {@code request} is cheap enough (well under a millisecond) to answer on the server's
   * agent thread, which saves waking a worker. While it runs, the agent reads nothing else, so
   * say yes only for requests known to be small. The server asks only while no request is on a
   * worker (under load the workers share it out). Results the client's stream cannot take at
   * once are queued and sent by the agent later, in order. Called on the agent thread; must be
   * fast and must not throw. The default says no.
   */
  default boolean answersInline(QueryRequest request) {
    return false;
  }
}
