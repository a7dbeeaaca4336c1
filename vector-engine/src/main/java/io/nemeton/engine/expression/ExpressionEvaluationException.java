package io.nemeton.engine.expression;

/** An expression that parsed but cannot be evaluated on some input, e.g. long division by zero. */
public final class ExpressionEvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ExpressionEvaluationException(String message) {
    super(message);
  }

  public ExpressionEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
