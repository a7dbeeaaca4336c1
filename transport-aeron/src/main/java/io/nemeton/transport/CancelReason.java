package io.nemeton.transport;

/** Why the server stopped working on a request. */
public enum CancelReason {
  /** The client sent CANCEL (it gave up, often because its deadline passed). */
  CANCELLED_BY_CLIENT,
  /** The request's deadline (plus the server's grace for clock skew) passed. */
  DEADLINE_PASSED,
  /** The client stopped answering or its response stream is gone. */
  CLIENT_GONE,
  /** The server is closing. */
  SERVER_CLOSING
}
