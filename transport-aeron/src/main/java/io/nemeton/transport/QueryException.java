package io.nemeton.transport;

/**
 * A query failed: the error code (one of {@link QueryErrorCodes}), the class of the failure where
 * it happened (possibly on another host) and a message naming the thing, the value and the limit.
 * Thrown or delivered on the client; a {@link QueryHandler} may throw one to choose the code sent.
 */
public class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final String errorClass;

  public QueryException(String errorCode, String errorClass, String message) {
    super(message);
    this.errorCode = errorCode;
    this.errorClass = errorClass;
  }

  /** A failure raised here; its error class is this exception's class. */
  public QueryException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
    this.errorClass = getClass().getName();
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorClass() {
    return errorClass;
  }

  @Override
  public String toString() {
    return "QueryException[" + errorCode + ", " + errorClass + "]: " + getMessage();
  }
}
