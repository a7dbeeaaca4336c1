package io.nemeton.engine.expression;

/**
 * One lexical token of an expression.
 *
 * @param kind what the token is
 * @param text the source text of the token
 * @param value for strings and quoted identifiers: the unescaped content; else the text
 * @param position 0-based character offset of the token's start
 */
record Token(Kind kind, String text, String value, int position) {

  /** Token kinds. */
  enum Kind {
    LONG, DOUBLE, STRING, IDENTIFIER, QUOTED_IDENTIFIER, NULL, OPERATOR, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET,
    RIGHT_BRACKET, COMMA, END
  }

  boolean is(Kind expected) {
    return kind == expected;
  }

  boolean isOperator(String symbol) {
    return kind == Kind.OPERATOR && text.equals(symbol);
  }
}
