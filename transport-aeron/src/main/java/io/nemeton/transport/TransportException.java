package io.nemeton.transport;

/** A connection could not be made or used (no answer to HELLO in time, client closed, ...). */
public final class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
