package io.nemeton.transport;

import org.agrona.DirectBuffer;

/**
 * Receives the answer to one query as it streams in: the partial results in order, then exactly
 * one of {@link #onComplete()} or {@link #onError}. Called on the client's agent thread (except
 * {@code onError} for a request that failed while being sent, called on the sending thread): keep
 * the work short, or hand the bytes to another thread; a slow listener back-pressures the server.
 */
public interface PartialResultListener {
  /** One partial result in {@code buffer[offset, offset + length)}; valid only during this call. */
  void onPartial(DirectBuffer buffer, int offset, int length);

  /** The last result arrived. */
  void onComplete();

  /** The query failed: server error, timeout, cancellation or a lost server. */
  void onError(QueryException error);
}
