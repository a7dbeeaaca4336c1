package io.nemeton.engine.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into {@link Token}s. Stateless apart from one call's cursor. */
final class ExpressionLexer {

  private final String text;
  private int position;

  private ExpressionLexer(String text) {
    this.text = text;
  }

  /** All tokens of {@code text}, ending with an END token. */
  static List<Token> tokenize(String text) {
    final ExpressionLexer lexer = new ExpressionLexer(text);
    final List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (!token.is(Token.Kind.END));
    return tokens;
  }

  private Token next() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    final int start = position;
    if (position >= text.length()) {
      return new Token(Token.Kind.END, "", "", start);
    }
    final char c = text.charAt(position);
    if (Character.isDigit(c)) {
      return number(start);
    }
    if (isIdentifierStart(c)) {
      while (position < text.length() && isIdentifierPart(text.charAt(position))) {
        position++;
      }
      final String word = text.substring(start, position);
      return switch (word) {
        case "null" -> new Token(Token.Kind.NULL, word, word, start);
        case "NaN", "Infinity" -> new Token(Token.Kind.DOUBLE, word, word, start);
        default -> new Token(Token.Kind.IDENTIFIER, word, word, start);
      };
    }
    if (c == '\'') {
      return quoted(start, '\'', Token.Kind.STRING);
    }
    if (c == '"') {
      return quoted(start, '"', Token.Kind.QUOTED_IDENTIFIER);
    }
    position++;
    switch (c) {
      case '(':
        return new Token(Token.Kind.LEFT_PAREN, "(", "(", start);
      case ')':
        return new Token(Token.Kind.RIGHT_PAREN, ")", ")", start);
      case '[':
        return new Token(Token.Kind.LEFT_BRACKET, "[", "[", start);
      case ']':
        return new Token(Token.Kind.RIGHT_BRACKET, "]", "]", start);
      case ',':
        return new Token(Token.Kind.COMMA, ",", ",", start);
      case '+', '-', '*', '/', '%', '^':
        return operator(start);
      case '<', '>', '!':
        if (peek() == '=') {
          position++;
        }
        return operator(start);
      case '=':
        return pair(start, '=', "'=' is not an operator; use '==' to compare");
      case '&':
        return pair(start, '&', "'&' is not an operator; use '&&'");
      case '|':
        return pair(start, '|', "'|' is not an operator; use '||'");
      default:
        throw new ExpressionSyntaxException(start, String.valueOf(c), "unexpected character");
    }
  }

  private Token pair(int start, char second, String problem) {
    if (peek() != second) {
      throw new ExpressionSyntaxException(start, text.substring(start, position), problem);
    }
    position++;
    return operator(start);
  }

  private Token operator(int start) {
    final String symbol = text.substring(start, position);
    return new Token(Token.Kind.OPERATOR, symbol, symbol, start);
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private Token number(int start) {
    boolean real = false;
    while (Character.isDigit(peek())) {
      position++;
    }
    if (peek() == '.') {
      real = true;
      position++;
      while (Character.isDigit(peek())) {
        position++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      final int mark = position;
      position++;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (Character.isDigit(peek())) {
        real = true;
        while (Character.isDigit(peek())) {
          position++;
        }
      } else {
        position = mark;
      }
    }
    final String number = text.substring(start, position);
    return new Token(real ? Token.Kind.DOUBLE : Token.Kind.LONG, number, number, start);
  }

  private Token quoted(int start, char quote, Token.Kind kind) {
    position++;
    final StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw new ExpressionSyntaxException(start, text.substring(start),
            kind == Token.Kind.STRING ? "unterminated string literal" : "unterminated quoted identifier");
      }
      final char c = text.charAt(position++);
      if (c == quote) {
        break;
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw new ExpressionSyntaxException(position - 1, "\\", "escape at the end of the text");
      }
      final char escaped = text.charAt(position++);
      switch (escaped) {
        case '\'', '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw new ExpressionSyntaxException(position - 2, "\\u", "expected 4 hex digits after \\u");
          }
          try {
            value.append((char) Integer.parseInt(text, position, position + 4, 16));
          } catch (NumberFormatException e) {
            throw new ExpressionSyntaxException(position - 2, text.substring(position - 2, position + 4),
                "expected 4 hex digits after \\u");
          }
          position += 4;
        }
        default -> throw new ExpressionSyntaxException(position - 2, "\\" + escaped, "unknown escape");
      }
    }
    return new Token(kind, text.substring(start, position), value.toString(), start);
  }

  private static boolean isIdentifierStart(char c) {
    return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }
}
