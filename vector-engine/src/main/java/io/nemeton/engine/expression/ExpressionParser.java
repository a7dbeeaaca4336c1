package io.nemeton.engine.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses Druid's expression language into an {@link Expression}: literals (long, double,
 * single-quoted string, {@code null}, arrays {@code [1, 2]} and typed arrays {@code <LONG>[]}),
 * identifiers (bare or double-quoted), prefix {@code -} and {@code !}, the binary operators of
 * {@link BinaryExpression.Operator} with Druid's precedence, and calls of {@link BuiltinFunction}s,
 * whose argument counts and literal arguments (cast types, patterns, units, zones, periods) are
 * checked here. Errors are {@link ExpressionSyntaxException}s with the position and token.
 * Stateless and thread-safe.
 */
public final class ExpressionParser {

  private final List<Token> tokens;
  private int index;

  private ExpressionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses one expression. */
  public static Expression parse(String text) {
    if (text == null) {
      throw new ExpressionSyntaxException(0, "", "expected an expression, got null");
    }
    final ExpressionParser parser = new ExpressionParser(ExpressionLexer.tokenize(text));
    final Expression expression = parser.expression(1);
    final Token rest = parser.peek();
    if (!rest.is(Token.Kind.END)) {
      throw error(rest, "unexpected token after the end of the expression");
    }
    return expression;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    return tokens.get(index++);
  }

  private static ExpressionSyntaxException error(Token token, String problem) {
    return new ExpressionSyntaxException(token.position(), token.text(), problem);
  }

  private Token expect(Token.Kind kind, String what) {
    final Token token = peek();
    if (!token.is(kind)) {
      throw error(token, "expected " + what);
    }
    return advance();
  }

  private Expression expression(int minimumPrecedence) {
    Expression left = unary();
    while (true) {
      final Token token = peek();
      if (!token.is(Token.Kind.OPERATOR)) {
        return left;
      }
      final BinaryExpression.Operator operator = BinaryExpression.Operator.fromSymbol(token.text());
      if (operator == null) {
        throw error(token, "'" + token.text() + "' is not a binary operator");
      }
      if (operator.precedence() < minimumPrecedence) {
        return left;
      }
      advance();
      final boolean rightAssociative = operator == BinaryExpression.Operator.POWER;
      final Expression right = expression(rightAssociative ? operator.precedence() : operator.precedence() + 1);
      left = new BinaryExpression(operator, left, right);
    }
  }

  private Expression unary() {
    final Token token = peek();
    if (token.isOperator("-")) {
      advance();
      final Token next = peek();
      if (next.is(Token.Kind.LONG) || next.is(Token.Kind.DOUBLE)) {
        advance();
        return number(next, "-" + next.text());
      }
      final Expression operand = unary();
      if (operand instanceof LiteralExpression literal && literal.value().type().isNumeric() && !literal.value().isNull()) {
        return new LiteralExpression(Operators.negate(literal.value()));
      }
      return new UnaryExpression(UnaryExpression.Operator.NEGATE, operand);
    }
    if (token.isOperator("!")) {
      advance();
      return new UnaryExpression(UnaryExpression.Operator.NOT, unary());
    }
    return primary();
  }

  private Expression primary() {
    final Token token = advance();
    switch (token.kind()) {
      case LONG:
      case DOUBLE:
        return number(token, token.text());
      case STRING:
        return new LiteralExpression(ExpressionValue.ofString(token.value()));
      case NULL:
        return new LiteralExpression(ExpressionValue.ofNull(ExpressionType.STRING));
      case QUOTED_IDENTIFIER:
        return new IdentifierExpression(token.value());
      case IDENTIFIER:
        if (peek().is(Token.Kind.LEFT_PAREN)) {
          return call(token);
        }
        return new IdentifierExpression(token.value());
      case LEFT_PAREN: {
        final Expression inner = expression(1);
        expect(Token.Kind.RIGHT_PAREN, "')'");
        return inner;
      }
      case LEFT_BRACKET:
        return array(null, token);
      case OPERATOR:
        if (token.text().equals("<")) {
          return typedArray(token);
        }
        throw error(token, "expected an operand");
      case END:
        throw error(token, "expected an expression");
      default:
        throw error(token, "expected an operand");
    }
  }

  private static LiteralExpression number(Token token, String text) {
    try {
      if (token.is(Token.Kind.LONG)) {
        return new LiteralExpression(ExpressionValue.ofLong(Long.parseLong(text)));
      }
      return new LiteralExpression(ExpressionValue.ofDouble(Double.parseDouble(text)));
    } catch (NumberFormatException e) {
      throw error(token, "long literal " + text + " is out of range");
    }
  }

  private Expression typedArray(Token start) {
    final Token typeToken = expect(Token.Kind.IDENTIFIER, "an element type LONG, DOUBLE or STRING");
    final ExpressionType elementType = ExpressionType.fromName(typeToken.text());
    if (elementType == null || elementType.isArray()) {
      throw error(typeToken, "unknown array element type; supported: LONG, DOUBLE, STRING");
    }
    final Token close = advance();
    if (!close.isOperator(">")) {
      throw error(close, "expected '>'");
    }
    return array(elementType, expect(Token.Kind.LEFT_BRACKET, "'['"));
  }

  /** An array literal after its '['; elements are literals, as in Druid's grammar. */
  private Expression array(ExpressionType declaredType, Token open) {
    final List<ExpressionValue> elements = new ArrayList<>();
    if (!peek().is(Token.Kind.RIGHT_BRACKET)) {
      do {
        final Token elementStart = peek();
        final Expression element = unary();
        if (!(element instanceof LiteralExpression literal) || literal.value().type().isArray()) {
          throw error(elementStart, "array literal elements must be constants");
        }
        elements.add(literal.value());
      } while (peek().is(Token.Kind.COMMA) && advance() != null);
    }
    expect(Token.Kind.RIGHT_BRACKET, "',' or ']'");
    ExpressionType elementType = declaredType;
    if (elementType == null) {
      for (ExpressionValue element : elements) {
        if (!element.isNull()) {
          if (elementType != null && (elementType == ExpressionType.STRING) != (element.type() == ExpressionType.STRING)) {
            throw error(open, "array literal mixes strings and numbers");
          }
          elementType = ExpressionType.leastRestrictive(elementType, element.type());
        }
      }
      if (elementType == null) {
        elementType = ExpressionType.STRING;
      }
    }
    final Object[] values = new Object[elements.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = elements.get(i).isNull() ? null : elements.get(i).castTo(elementType).value();
    }
    return new LiteralExpression(ExpressionValue.ofArray(elementType.arrayType(), values));
  }

  private Expression call(Token name) {
    final BuiltinFunction function = BuiltinFunction.fromName(name.text());
    if (function == null) {
      throw error(name, "unknown function '" + name.text() + "'");
    }
    advance();
    final List<Expression> arguments = new ArrayList<>();
    final List<Token> starts = new ArrayList<>();
    if (!peek().is(Token.Kind.RIGHT_PAREN)) {
      do {
        starts.add(peek());
        arguments.add(expression(1));
      } while (peek().is(Token.Kind.COMMA) && advance() != null);
    }
    expect(Token.Kind.RIGHT_PAREN, "',' or ')'");
    final int count = arguments.size();
    if (count < function.minArguments() || (function.maxArguments() >= 0 && count > function.maxArguments())) {
      final String expected = function.maxArguments() < 0
          ? "at least " + function.minArguments()
          : function.minArguments() == function.maxArguments()
              ? String.valueOf(function.minArguments())
              : function.minArguments() + " to " + function.maxArguments();
      throw error(name, "function '" + function.functionName() + "' takes " + expected
          + (expected.equals("1") || expected.equals("at least 1") ? " argument" : " arguments") + ", got " + count);
    }
    new LiteralChecks(function, arguments, starts).check();
    return new FunctionExpression(function, arguments);
  }

  /** Checks the arguments Druid requires to be literals, and their values. */
  private record LiteralChecks(BuiltinFunction function, List<Expression> arguments, List<Token> starts) {

    void check() {
      switch (function) {
        case CAST -> {
          final String type = requireString(1, "a type literal such as 'LONG'");
          if (ExpressionType.fromName(type) == null) {
            throw fail(1, "unknown cast type '" + type + "'; supported: LONG, DOUBLE, STRING, ARRAY<LONG>, "
                + "ARRAY<DOUBLE>, ARRAY<STRING>");
          }
        }
        case LIKE -> {
          requireString(1, "a pattern literal");
          if (arguments.size() > 2 && requireString(2, "an escape literal").length() != 1) {
            throw fail(2, "the escape must be a single character");
          }
        }
        case REGEXP_EXTRACT, REGEXP_LIKE -> {
          regex(1);
          if (arguments.size() > 2) {
            if (!(arguments.get(2) instanceof LiteralExpression literal) || literal.value().type() != ExpressionType.LONG
                || literal.value().isNull() || literal.value().asLong() < 0) {
              throw fail(2, "the group index must be a literal long >= 0");
            }
          }
        }
        case CONTAINS_STRING, ICONTAINS_STRING -> requireString(1, "a string literal to search for");
        case TIMESTAMP_FLOOR, TIMESTAMP_CEIL -> {
          period(1);
          zone(3);
        }
        case TIMESTAMP_SHIFT -> {
          period(1);
          zone(3);
        }
        case TIMESTAMP_EXTRACT -> {
          final String unit = requireString(1, "a unit literal such as 'HOUR'");
          try {
            TimeFunctions.unit(unit);
          } catch (ExpressionEvaluationException e) {
            throw fail(1, e.getMessage());
          }
          zone(2);
        }
        case TIMESTAMP_FORMAT, TIMESTAMP_PARSE -> {
          final String pattern = optionalString(1, "a pattern literal");
          if (pattern != null) {
            try {
              TimeFunctions.formatter(pattern);
            } catch (ExpressionEvaluationException e) {
              throw fail(1, e.getMessage());
            }
          }
          zone(2);
        }
        default -> {
          // no literal arguments
        }
      }
    }

    private ExpressionSyntaxException fail(int argument, String problem) {
      return error(starts.get(argument), "function '" + function.functionName() + "' argument " + (argument + 1)
          + ": " + problem);
    }

    private String requireString(int argument, String what) {
      final String value = optionalString(argument, what);
      if (value == null) {
        throw fail(argument, "expected " + what + ", got null");
      }
      return value;
    }

    /** A string literal or null literal; anything else fails. */
    private String optionalString(int argument, String what) {
      if (argument >= arguments.size()) {
        return null;
      }
      if (arguments.get(argument) instanceof LiteralExpression literal
          && (literal.value().type() == ExpressionType.STRING)) {
        return literal.value().asString();
      }
      throw fail(argument, "expected " + what);
    }

    private void regex(int argument) {
      final String pattern = requireString(argument, "a regular expression literal");
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw fail(argument, "invalid regular expression: " + e.getDescription());
      }
    }

    private void period(int argument) {
      if (arguments.get(argument) instanceof LiteralExpression literal) {
        try {
          final String text = literal.value().asString();
          if (text == null || TimeFunctions.period(text).isZero()) {
            throw fail(argument, "the period must not be zero or null");
          }
        } catch (ExpressionEvaluationException e) {
          throw fail(argument, e.getMessage());
        }
      }
    }

    private void zone(int argument) {
      final String zone = optionalString(argument, "a time zone literal such as 'America/Los_Angeles'");
      if (zone != null) {
        try {
          TimeFunctions.zone(zone);
        } catch (ExpressionEvaluationException e) {
          throw fail(argument, e.getMessage());
        }
      }
    }
  }
}
