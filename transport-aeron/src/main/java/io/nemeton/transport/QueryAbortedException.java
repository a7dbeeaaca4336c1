package io.nemeton.transport;

/**
 * Thrown by a {@link ResultSink} when the request it serves has stopped (cancelled, deadline
 * passed, client gone, server closing): the handler should stop and let it propagate; the server
 * expects it and does not report it as a failure.
 */
public final class QueryAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final CancelReason reason;

  public QueryAbortedException(CancelReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public CancelReason reason() {
    return reason;
  }
}
