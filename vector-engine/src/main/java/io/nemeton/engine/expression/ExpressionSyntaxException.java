package io.nemeton.engine.expression;

/**
 * An expression that does not parse: the message gives the position (0-based character offset)
 * and the token found there, e.g. {@code syntax error at position 4 near '*': expected an operand}.
 */
public final class ExpressionSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final String token;

  public ExpressionSyntaxException(int position, String token, String problem) {
    super("syntax error at position " + position + (token.isEmpty() ? " at the end" : " near '" + token + "'")
        + ": " + problem);
    this.position = position;
    this.token = token;
  }

  /** The 0-based character offset of the problem. */
  public int position() {
    return position;
  }

  /** The text of the token at the problem, empty at the end of input. */
  public String token() {
    return token;
  }
}
