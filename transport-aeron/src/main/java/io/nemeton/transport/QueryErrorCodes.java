package io.nemeton.transport;

/**
 * Error codes carried in ERROR frames: Druid's query error code strings, so that the HTTP layer can
 * map them to Druid's error JSON and status without translation. Constants only.
 */
public final class QueryErrorCodes {
  /** The deadline passed before the last result arrived (HTTP 504 in Druid). */
  public static final String QUERY_TIMEOUT = "Query timeout";
  /** The query was cancelled by its caller. */
  public static final String QUERY_CANCELLED = "Query cancelled";
  /** The query stopped because a server or the connection to it went away or closed. */
  public static final String QUERY_INTERRUPTED = "Query interrupted";
  /** The server's bounded queue of queries is full (HTTP 429 in Druid). */
  public static final String QUERY_CAPACITY_EXCEEDED = "Query capacity exceeded";
  /** The query asked for more than a configured limit allows. */
  public static final String RESOURCE_LIMIT_EXCEEDED = "Resource limit exceeded";
  /** The query or the frame carrying it is not acceptable. */
  public static final String UNSUPPORTED_OPERATION = "Unsupported operation";
  /** Anything else, including malformed frames. */
  public static final String UNKNOWN_EXCEPTION = "Unknown exception";

  private QueryErrorCodes() {}
}
