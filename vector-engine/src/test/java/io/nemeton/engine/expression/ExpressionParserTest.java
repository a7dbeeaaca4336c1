package io.nemeton.engine.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "1 + 2 * 3 => (1 + (2 * 3))",
      "a || b && c => ((a || b) && c)",
      "a && b || c => ((a && b) || c)",
      "a < b == c => ((a < b) == c)",
      "-x ^ 2 => (-x ^ 2)",
      "2 ^ 3 ^ 4 => (2 ^ (3 ^ 4))",
      "!a && b => (!a && b)",
      "a - -b => (a - -b)",
      "-(-5) => 5",
      "- 3.5 => -3.5",
      "\"j.k\" + \"plain\" => (\"j.k\" + plain)",
      "\"null\" => \"null\"",
      "'it\\'s' => 'it\\'s'",
      "'tab\\there' => 'tab\\there'",
      "NVL(a, 'x') => nvl(a, 'x')",
      "[1, null] => <LONG>[1, null]",
      "<STRING>['a'] => <STRING>['a']",
      "-9223372036854775808 => -9223372036854775808",
      "timestamp_floor(__time, 'PT1H', null, 'UTC') => timestamp_floor(__time, 'PT1H', null, 'UTC')",
  })
  void printsCanonicallyWithDruidPrecedence(String text, String canonical) {
    final Expression expression = ExpressionParser.parse(text);
    assertEquals(canonical, expression.stringify());
    assertEquals(expression, ExpressionParser.parse(canonical));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "`` => syntax error at position 0 at the end: expected an expression",
      "1 + => syntax error at position 3 at the end: expected an expression",
      "1 + * 2 => syntax error at position 4 near '*': expected an operand",
      "(1 + 2 => syntax error at position 6 at the end: expected ')'",
      "1 2 => syntax error at position 2 near '2': unexpected token after the end of the expression",
      "a ! b => syntax error at position 2 near '!': '!' is not a binary operator",
      "foo(1) => syntax error at position 0 near 'foo': unknown function 'foo'",
      "if(1, 2) => syntax error at position 0 near 'if': function 'if' takes 3 arguments, got 2",
      "concat() => syntax error at position 0 near 'concat': function 'concat' takes at least 1 argument, got 0",
      "strlen(a, b) => syntax error at position 0 near 'strlen': function 'strlen' takes 1 argument, got 2",
      "like(a) => syntax error at position 0 near 'like': function 'like' takes 2 to 3 arguments, got 1",
      "nvl(a, b => syntax error at position 8 at the end: expected ',' or ')'",
      "'abc => syntax error at position 0 near ''abc': unterminated string literal",
      "\"abc => syntax error at position 0 near '\"abc': unterminated quoted identifier",
      "'a\\qb' => syntax error at position 2 near '\\q': unknown escape",
      "'\\u12' => syntax error at position 1 near '\\u': expected 4 hex digits after \\u",
      "a = 1 => syntax error at position 2 near '=': '=' is not an operator; use '==' to compare",
      "a & b => syntax error at position 2 near '&': '&' is not an operator; use '&&'",
      "a | b => syntax error at position 2 near '|': '|' is not an operator; use '||'",
      "# => syntax error at position 0 near '#': unexpected character",
      "9223372036854775808 => syntax error at position 0 near '9223372036854775808': long literal 9223372036854775808 is out of range",
      "[1, 'a'] => syntax error at position 0 near '[': array literal mixes strings and numbers",
      "[x] => syntax error at position 1 near 'x': array literal elements must be constants",
      "<INT>[] => syntax error at position 1 near 'INT': unknown array element type; supported: LONG, DOUBLE, STRING",
      "cast(x, 'INT') => syntax error at position 8 near ''INT'': function 'cast' argument 2: unknown cast type 'INT'; supported: LONG, DOUBLE, STRING, ARRAY<LONG>, ARRAY<DOUBLE>, ARRAY<STRING>",
      "cast(x, y) => syntax error at position 8 near 'y': function 'cast' argument 2: expected a type literal such as 'LONG'",
      "like(a, b) => syntax error at position 8 near 'b': function 'like' argument 2: expected a pattern literal",
      "like(a, 'x', '!!') => syntax error at position 13 near ''!!'': function 'like' argument 3: the escape must be a single character",
      "regexp_extract(s, '(a') => syntax error at position 18 near ''(a'': function 'regexp_extract' argument 2: invalid regular expression: Unclosed group",
      "regexp_extract(s, 'a', -1) => syntax error at position 23 near '-': function 'regexp_extract' argument 3: the group index must be a literal long >= 0",
      "contains_string(s, t) => syntax error at position 19 near 't': function 'contains_string' argument 2: expected a string literal to search for",
      "timestamp_floor(t, 'P0D') => syntax error at position 19 near ''P0D'': function 'timestamp_floor' argument 2: the period must not be zero or null",
      "timestamp_floor(t, '1 hour') => syntax error at position 19 near ''1 hour'': function 'timestamp_floor' argument 2: invalid ISO-8601 period '1 hour': must start with P",
      "timestamp_floor(t, 'PT1H', null, 'Mars/X') => syntax error at position 33 near ''Mars/X'': function 'timestamp_floor' argument 4: unknown time zone 'Mars/X'",
      "timestamp_floor(t, 'PT1H', null, tz) => syntax error at position 33 near 'tz': function 'timestamp_floor' argument 4: expected a time zone literal such as 'America/Los_Angeles'",
      "timestamp_extract(t, 'FORTNIGHT') => syntax error at position 21 near ''FORTNIGHT'': function 'timestamp_extract' argument 2: unknown timestamp_extract unit 'FORTNIGHT'; supported: [EPOCH, MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, DOW, ISODOW, DOY, WEEK, MONTH, QUARTER, YEAR, ISOYEAR, DECADE, CENTURY, MILLENNIUM]",
      "timestamp_format(t, 'yyyy-MM-dd bbb') => syntax error at position 20 near ''yyyy-MM-dd bbb'': function 'timestamp_format' argument 2: invalid time format pattern 'yyyy-MM-dd bbb': Unknown pattern letter: b",
  })
  void syntaxErrorsGivePositionAndToken(String text, String message) {
    final ExpressionSyntaxException error = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse(text));
    assertEquals(message, error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "x + 1 => LONG",
      "x + y => DOUBLE",
      "x / 2 => LONG",
      "s + s => STRING",
      "s * 2 => DOUBLE",
      "x > y => LONG",
      "s && x => LONG",
      "!s => LONG",
      "-y => DOUBLE",
      "if(x, 1, 2.5) => DOUBLE",
      "if(x, 1, 'a') => STRING",
      "case_searched(x, 1, y, 2) => LONG",
      "case_simple(x, 1, 'a', 2.5) => STRING",
      "nvl(s, x) => STRING",
      "coalesce(x, y) => DOUBLE",
      "cast(x, 'STRING') => STRING",
      "cast(s, 'ARRAY<LONG>') => ARRAY<LONG>",
      "concat(x) => STRING",
      "strlen(s) => LONG",
      "like(s, 'a%') => LONG",
      "abs(x) => LONG",
      "abs(y) => DOUBLE",
      "floor(x) => DOUBLE",
      "round(x, 2) => LONG",
      "pow(x, 2) => DOUBLE",
      "greatest(x, y) => DOUBLE",
      "greatest(x, s) => STRING",
      "timestamp_floor(__time, 'P1D') => LONG",
      "timestamp_format(__time) => STRING",
      "[1, 2] => ARRAY<LONG>",
      "unknown + 1 => LONG",
      "1 + unknown => LONG",
  })
  void infersOutputTypes(String text, String type) {
    final InputTypes types = InputTypes.of(Map.of("x", ExpressionType.LONG, "y", ExpressionType.DOUBLE,
        "s", ExpressionType.STRING, "__time", ExpressionType.LONG));
    assertEquals(type, ExpressionParser.parse(text).outputType(types).druidName());
  }

  @Test
  void unknownTypesStayUnknown() {
    assertEquals(null, ExpressionParser.parse("unknown").outputType(InputTypes.UNKNOWN));
    assertEquals(null, ExpressionParser.parse("null").outputType(InputTypes.UNKNOWN));
    assertEquals(null, ExpressionParser.parse("nvl(a, b)").outputType(InputTypes.UNKNOWN));
  }

  @Test
  void listsTheColumnsItReads() {
    assertEquals(List.of("page", "j.k", "added"),
        new ArrayList<>(ExpressionParser.parse("concat(page, \"j.k\", added + page)").requiredBindings()));
    assertEquals(Set.of(), ExpressionParser.parse("1 + 2").requiredBindings());
  }

  /** Random trees print and parse back to equal trees that evaluate the same. */
  @Test
  void randomTreesRoundTripThroughText() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final ExpressionBinding row = ExpressionBinding.of(Map.of("a", 3L, "b", 2.5, "c", "x y", "weird name\"", -7L));
    for (int i = 0; i < 3000; i++) {
      final Expression expression = randomTree(random, 4);
      final String text = expression.stringify();
      try {
        final Expression parsed = ExpressionParser.parse(text);
        assertEquals(expression, parsed);
        assertEquals(text, parsed.stringify());
        assertEquals(outcome(expression, row), outcome(parsed, row));
      } catch (RuntimeException | AssertionError e) {
        fail("seed=" + seed + " tree #" + i + ": " + text + "\n" + e, e);
      }
    }
  }

  private static String outcome(Expression expression, ExpressionBinding row) {
    try {
      return expression.evaluate(row).toString();
    } catch (ExpressionEvaluationException e) {
      return "error: " + e.getMessage();
    }
  }

  private static Expression randomTree(SplittableRandom random, int depth) {
    final int kind = random.nextInt(depth > 0 ? 8 : 3);
    switch (kind) {
      case 0:
        return switch (random.nextInt(6)) {
          case 0 -> new LiteralExpression(ExpressionValue.ofLong(random.nextLong(-1000, 1000)));
          case 1 -> new LiteralExpression(ExpressionValue.ofDouble(random.nextDouble(-1e6, 1e6)));
          case 2 -> new LiteralExpression(ExpressionValue.ofString(
              new String[] {"", "a'b", "back\\slash", "new\nline", "\"q\"", "\u0001ctl", "ünï"}[random.nextInt(7)]));
          case 3 -> new LiteralExpression(ExpressionValue.ofNull(ExpressionType.STRING));
          case 4 -> new LiteralExpression(ExpressionValue.ofArray(ExpressionType.LONG_ARRAY, new Object[] {1L, null}));
          default -> new LiteralExpression(ExpressionValue.ofLong(Long.MIN_VALUE));
        };
      case 1:
      case 2:
        return new IdentifierExpression(new String[] {"a", "b", "c", "weird name\"", "null", "NaN", "_x$1"}[random.nextInt(7)]);
      case 3: {
        final Expression operand = randomTree(random, depth - 1);
        final boolean numericLiteral = operand instanceof LiteralExpression literal
            && literal.value().type().isNumeric() && !literal.value().isNull();
        return new UnaryExpression(numericLiteral || random.nextBoolean()
            ? UnaryExpression.Operator.NOT : UnaryExpression.Operator.NEGATE, operand);
      }
      case 4:
      case 5: {
        final BinaryExpression.Operator[] operators = BinaryExpression.Operator.values();
        return new BinaryExpression(operators[random.nextInt(operators.length)], randomTree(random, depth - 1),
            randomTree(random, depth - 1));
      }
      default: {
        final BuiltinFunction[] functions = {BuiltinFunction.NVL, BuiltinFunction.CONCAT, BuiltinFunction.IF,
            BuiltinFunction.ABS, BuiltinFunction.STRLEN, BuiltinFunction.GREATEST, BuiltinFunction.CASE_SEARCHED,
            BuiltinFunction.ISNULL, BuiltinFunction.UPPER};
        final BuiltinFunction function = functions[random.nextInt(functions.length)];
        final int count = function.maxArguments() < 0
            ? Math.max(function.minArguments(), random.nextInt(4))
            : function.minArguments();
        final List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          arguments.add(randomTree(random, depth - 1));
        }
        return new FunctionExpression(function, arguments);
      }
    }
  }
}
