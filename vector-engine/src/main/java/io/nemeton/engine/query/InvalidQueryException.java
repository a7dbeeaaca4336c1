package io.nemeton.engine.query;

/**
 * A query (or query context) that is malformed or invalid: the message names the field by its path
 * in the query JSON, e.g. {@code aggregations[2].name: required field is missing}.
 */
public final class InvalidQueryException extends QueryException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  /**
   * @param field the path of the offending field, e.g. {@code filter.fields[1].type}; empty for
   *     the query as a whole
   * @param problem what is wrong, naming the value and the limit
   */
  public InvalidQueryException(String field, String problem) {
    this(QueryErrorCode.INVALID_QUERY, field, problem, null);
  }

  public InvalidQueryException(QueryErrorCode code, String field, String problem, Throwable cause) {
    super(code, field.isEmpty() ? problem : field + ": " + problem, cause);
    this.field = field;
    this.problem = problem;
  }

  /** The path of the offending field in the query JSON; empty for the whole query. */
  public String field() {
    return field;
  }

  /** The problem without the field path. */
  public String problem() {
    return problem;
  }
}
