package io.nemeton.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.agrona.DirectBuffer;

/**
 * A listener that copies every partial result and completes a future with all of them in order.
 * Allocates a byte array per partial result. Thread-safe through the future.
 */
public final class ResultCollector implements PartialResultListener {
  private final List<byte[]> results = new ArrayList<>();
  private final CompletableFuture<List<byte[]>> future = new CompletableFuture<>();

  /** Completes with the partial results, or exceptionally with a {@link QueryException}. */
  public CompletableFuture<List<byte[]>> future() {
    return future;
  }

  @Override
  public void onPartial(DirectBuffer buffer, int offset, int length) {
    final byte[] copy = new byte[length];
    buffer.getBytes(offset, copy);
    results.add(copy);
  }

  @Override
  public void onComplete() {
    future.complete(results);
  }

  @Override
  public void onError(QueryException error) {
    future.completeExceptionally(error);
  }
}
