package io.nemeton.node.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Answers one route. Implementations are thread-safe; they throw {@link HttpError} to refuse a request. */
@FunctionalInterface
interface Endpoint {
  HttpAnswer handle(HttpRequest request) throws Exception;

  /**
   * The answer, which may come later: an endpoint that waits on other nodes returns before they
   * answer and completes the future from the thread that received their answers (keep what is
   * chained to it short). {@code slowPath} runs any remainder that may block or take long. By
   * default the answer of {@link #handle}, already completed.
   */
  default CompletableFuture<HttpAnswer> handleAsync(HttpRequest request, Executor slowPath) throws Exception {
    return CompletableFuture.completedFuture(handle(request));
  }
}
