package io.nemeton.transport;

import org.agrona.DirectBuffer;

/**
 * Where a {@link QueryHandler} streams the results of one request. A result may be any size: it
 * is cut into frames that fit the connection and put together again on the client. Back-pressure
 * from a slow client makes these calls wait (parking, not spinning) until the frame is accepted or
 * the request's deadline passes; nothing is dropped.
 *
 * <p>Finish with exactly one of {@link #sendLast}, {@link #complete} or {@link #fail}. Every method
 * throws {@link QueryAbortedException} once the request stopped (cancelled, deadline passed, client
 * gone, server closing): let it propagate. Not thread-safe: use from one thread at a time. The bytes
 * passed in are copied onto the wire before the call returns, so the caller may reuse them.
 */
public interface ResultSink {
  /** Sends one partial result; more follow. */
  void sendPartial(DirectBuffer buffer, int offset, int length);

  /** Sends one partial result; more follow. */
  void sendPartial(byte[] result);

  /** Sends the last partial result and ends the response. */
  void sendLast(DirectBuffer buffer, int offset, int length);

  /** Sends the last partial result and ends the response. */
  void sendLast(byte[] result);

  /** Ends the response without a further result. */
  void complete();

  /** Ends the response with an error instead (code from {@link QueryErrorCodes}). */
  void fail(String errorCode, String errorClass, String message);

  /** Whether the request stopped; long-running handlers check it between units of work. */
  boolean isCancelled();
}
