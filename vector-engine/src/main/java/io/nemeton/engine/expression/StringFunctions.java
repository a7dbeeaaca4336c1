package io.nemeton.engine.expression;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String functions. A null input gives null (SQL-compatible); {@code concat} is null when any
 * argument is. Patterns and search strings that Druid requires to be literals have been checked
 * by the parser. Stateless; compiles patterns per call (reference evaluator).
 */
final class StringFunctions {

  private StringFunctions() {}

  static ExpressionType outputType(BuiltinFunction function) {
    return switch (function) {
      case STRLEN, STRPOS, LIKE, REGEXP_LIKE, CONTAINS_STRING, ICONTAINS_STRING -> ExpressionType.LONG;
      default -> ExpressionType.STRING;
    };
  }

  static ExpressionValue evaluate(BuiltinFunction function, List<Expression> arguments, ExpressionBinding binding) {
    if (function == BuiltinFunction.CONCAT) {
      final StringBuilder text = new StringBuilder();
      for (Expression argument : arguments) {
        final String part = argument.evaluate(binding).asString();
        if (part == null) {
          return ExpressionValue.ofNull(ExpressionType.STRING);
        }
        text.append(part);
      }
      return ExpressionValue.ofString(text.toString());
    }
    final String input = arguments.get(0).evaluate(binding).asString();
    if (input == null) {
      return ExpressionValue.ofNull(outputType(function));
    }
    switch (function) {
      case STRLEN:
        return ExpressionValue.ofLong(input.length());
      case SUBSTRING:
        return substring(input, arguments, binding);
      case LEFT:
      case RIGHT: {
        final ExpressionValue count = arguments.get(1).evaluate(binding);
        if (count.isNumericNull()) {
          return ExpressionValue.ofNull(ExpressionType.STRING);
        }
        final long length = count.asLong();
        if (length < 0) {
          throw new ExpressionEvaluationException(function.functionName() + " needs a length >= 0, got " + length);
        }
        final int kept = (int) Math.min(length, input.length());
        return ExpressionValue.ofString(function == BuiltinFunction.LEFT
            ? input.substring(0, kept)
            : input.substring(input.length() - kept));
      }
      case LOWER:
        return ExpressionValue.ofString(input.toLowerCase(Locale.ROOT));
      case UPPER:
        return ExpressionValue.ofString(input.toUpperCase(Locale.ROOT));
      case LIKE:
        return ExpressionValue.ofBoolean(likePattern(literal(arguments, 1),
            arguments.size() > 2 ? literal(arguments, 2) : null).matcher(input).matches());
      case REGEXP_EXTRACT: {
        final Matcher matcher = Pattern.compile(literal(arguments, 1)).matcher(input);
        final int group = arguments.size() > 2 ? (int) arguments.get(2).evaluate(binding).asLong() : 0;
        if (!matcher.find() || group > matcher.groupCount()) {
          return ExpressionValue.ofNull(ExpressionType.STRING);
        }
        return ExpressionValue.ofString(matcher.group(group));
      }
      case REGEXP_LIKE:
        return ExpressionValue.ofBoolean(Pattern.compile(literal(arguments, 1)).matcher(input).find());
      case CONTAINS_STRING:
        return ExpressionValue.ofBoolean(input.contains(literal(arguments, 1)));
      case ICONTAINS_STRING:
        return ExpressionValue.ofBoolean(
            input.toLowerCase(Locale.ROOT).contains(literal(arguments, 1).toLowerCase(Locale.ROOT)));
      case REPLACE: {
        final String pattern = arguments.get(1).evaluate(binding).asString();
        final String replacement = arguments.get(2).evaluate(binding).asString();
        if (pattern == null || replacement == null) {
          return ExpressionValue.ofNull(ExpressionType.STRING);
        }
        return ExpressionValue.ofString(input.replace(pattern, replacement));
      }
      case TRIM:
      case LTRIM:
      case RTRIM:
        return trim(function, input, arguments, binding);
      case STRPOS: {
        final String needle = arguments.get(1).evaluate(binding).asString();
        if (needle == null) {
          return ExpressionValue.ofNull(ExpressionType.LONG);
        }
        final int from = arguments.size() > 2 ? (int) arguments.get(2).evaluate(binding).asLong() : 0;
        return ExpressionValue.ofLong(input.indexOf(needle, from));
      }
      default:
        throw new IllegalStateException("not a string function: " + function);
    }
  }

  /** Like Druid (and Java's substring), 0-based; a negative length means to the end. */
  private static ExpressionValue substring(String input, List<Expression> arguments, ExpressionBinding binding) {
    final int index = (int) arguments.get(1).evaluate(binding).asLong();
    final int length = (int) arguments.get(2).evaluate(binding).asLong();
    if (index < 0) {
      throw new ExpressionEvaluationException("substring needs an index >= 0, got " + index);
    }
    if (index >= input.length()) {
      return ExpressionValue.ofNull(ExpressionType.STRING);
    }
    final int end = length < 0 ? input.length() : (int) Math.min((long) index + length, input.length());
    return ExpressionValue.ofString(input.substring(index, end));
  }

  private static ExpressionValue trim(
      BuiltinFunction function, String input, List<Expression> arguments, ExpressionBinding binding) {
    final String characters = arguments.size() > 1 ? arguments.get(1).evaluate(binding).asString() : " ";
    if (characters == null) {
      return ExpressionValue.ofNull(ExpressionType.STRING);
    }
    int start = 0;
    int end = input.length();
    if (function != BuiltinFunction.RTRIM) {
      while (start < end && characters.indexOf(input.charAt(start)) >= 0) {
        start++;
      }
    }
    if (function != BuiltinFunction.LTRIM) {
      while (end > start && characters.indexOf(input.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return ExpressionValue.ofString(input.substring(start, end));
  }

  private static String literal(List<Expression> arguments, int index) {
    return ((LiteralExpression) arguments.get(index)).value().asString();
  }

  /**
   * Compiles a SQL LIKE pattern: {@code %} any run of characters, {@code _} any one, {@code
   * escape} makes the next character literal.
   */
  static Pattern likePattern(String pattern, String escape) {
    final char escapeChar = escape == null || escape.isEmpty() ? '\0' : escape.charAt(0);
    final StringBuilder regex = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      final char c = pattern.charAt(i);
      if (escape != null && c == escapeChar && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
