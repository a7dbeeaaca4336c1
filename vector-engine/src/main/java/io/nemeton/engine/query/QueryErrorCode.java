package io.nemeton.engine.query;

/**
 * The kinds of query failure, each with the values Druid puts in its error JSON so that the HTTP
 * layer can answer in Druid's shape from one table (see this module's README, "Errors").
 *
 * <p>{@link #legacyCode()} is the {@code error} field of Druid's classic query error ({@code
 * {"error","errorMessage","errorClass","host"}}); {@link #category()} and {@link #persona()} are the
 * fields of the newer {@code {"error":"druidException","errorCode",...}} shape; {@link
 * #httpStatus()} is the status Druid answers with.
 */
public enum QueryErrorCode {
  /** The query JSON is malformed or does not describe a valid query. */
  INVALID_QUERY("Json parse failed", "invalidInput", "INVALID_INPUT", "USER", 400),
  /** A query context value has the wrong type or range. */
  INVALID_CONTEXT("Query context parse failed", "invalidInput", "INVALID_INPUT", "USER", 400),
  /** The query hit a configured limit, e.g. too many groupBy rows. */
  RESOURCE_LIMIT_EXCEEDED("Resource limit exceeded", "legacyQueryException", "INVALID_INPUT", "OPERATOR", 400),
  /** No capacity was free when the query arrived (lanes, merge buffers). */
  QUERY_CAPACITY_EXCEEDED("Query capacity exceeded", "legacyQueryException", "CAPACITY_EXCEEDED", "OPERATOR", 429),
  /** The query asks for something valid in Druid that this engine does not do. */
  UNSUPPORTED_OPERATION("Unsupported operation", "legacyQueryException", "UNSUPPORTED", "USER", 501),
  /** The query ran past its {@code timeout}. */
  QUERY_TIMEOUT("Query timeout", "legacyQueryException", "TIMEOUT", "OPERATOR", 504),
  /** The query was interrupted, e.g. by a shutdown. */
  QUERY_INTERRUPTED("Query interrupted", "legacyQueryException", "RUNTIME_FAILURE", "OPERATOR", 500),
  /** The query was cancelled through the cancellation API. */
  QUERY_CANCELLED("Query cancelled", "legacyQueryException", "CANCELED", "USER", 500),
  /** An intermediate response context grew past its limit. */
  TRUNCATED_RESPONSE_CONTEXT("Truncated response context", "legacyQueryException", "RUNTIME_FAILURE", "OPERATOR", 500),
  /** Anything else. */
  UNKNOWN("Unknown exception", "legacyQueryException", "UNCATEGORIZED", "OPERATOR", 500);

  private final String legacyCode;
  private final String errorCode;
  private final String category;
  private final String persona;
  private final int httpStatus;

  QueryErrorCode(String legacyCode, String errorCode, String category, String persona, int httpStatus) {
    this.legacyCode = legacyCode;
    this.errorCode = errorCode;
    this.category = category;
    this.persona = persona;
    this.httpStatus = httpStatus;
  }

  /** Druid's classic {@code error} value, e.g. {@code "Query timeout"}. */
  public String legacyCode() {
    return legacyCode;
  }

  /** Druid's newer {@code errorCode} value, e.g. {@code "invalidInput"}. */
  public String errorCode() {
    return errorCode;
  }

  /** Druid's newer {@code category} value, e.g. {@code "INVALID_INPUT"}. */
  public String category() {
    return category;
  }

  /** Druid's newer {@code persona} value: who can act on the error. */
  public String persona() {
    return persona;
  }

  /** The HTTP status Druid answers with. */
  public int httpStatus() {
    return httpStatus;
  }
}
