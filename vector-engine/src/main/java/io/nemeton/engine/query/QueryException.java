package io.nemeton.engine.query;

import java.util.Objects;

/**
 * A query failure that is reported to the client, carrying the {@link QueryErrorCode} that decides
 * the Druid error JSON and HTTP status. Thread-safe once thrown (immutable).
 */
public class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final QueryErrorCode code;

  public QueryException(QueryErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public QueryException(QueryErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public QueryErrorCode code() {
    return code;
  }
}
