package io.nemeton.engine.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A table of expressions with the value and type Druid gives them, over one fixed row. */
class ExpressionEvaluationTest {

  private static final ExpressionBinding ROW = row();

  private static ExpressionBinding row() {
    final Map<String, Object> values = new HashMap<>();
    values.put("x", 5L);
    values.put("y", 2.5);
    values.put("z", 0L);
    values.put("s", "abc");
    values.put("num", "12");
    values.put("n", null);
    values.put("t", 1377910953456L);
    values.put("arr", Arrays.asList(1L, 2L, 3L));
    values.put("flag", true);
    values.put("col name", 7);
    return ExpressionBinding.of(values);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      // literals
      "1 => LONG:1",
      "1.5 => DOUBLE:1.5",
      "1e3 => DOUBLE:1000.0",
      "-9223372036854775808 => LONG:-9223372036854775808",
      "'a\\'b\\u0041' => STRING:a'bA",
      "null => STRING:null",
      "NaN => DOUBLE:NaN",
      "-Infinity => DOUBLE:-Infinity",
      "[1, 2] => ARRAY<LONG>:[1, 2]",
      "[1, 2.5, null] => ARRAY<DOUBLE>:[1.0, 2.5, null]",
      "['a', null] => ARRAY<STRING>:[a, null]",
      "<DOUBLE>[1] => ARRAY<DOUBLE>:[1.0]",
      "<STRING>[] => ARRAY<STRING>:[]",
      "[] => ARRAY<STRING>:[]",
      // identifiers
      "x => LONG:5",
      "\"col name\" => LONG:7",
      "flag => LONG:1",
      "missing => STRING:null",
      "arr => ARRAY<LONG>:[1, 2, 3]",
      // precedence and associativity
      "1 + 2 * 3 => LONG:7",
      "(1 + 2) * 3 => LONG:9",
      "2 ^ 3 ^ 2 => LONG:512",
      "-2 ^ 2 => LONG:4",
      "-x ^ 2 => LONG:25",
      "-(x + 1) => LONG:-6",
      "10 - 4 - 3 => LONG:3",
      "2 * 3 % 4 => LONG:2",
      "1 < 2 == 1 => LONG:1",
      "1 || 0 && 0 => LONG:0",
      "0 && 0 || 1 => LONG:1",
      "!0 => LONG:1",
      "!x => LONG:0",
      "!!x => LONG:1",
      "x - -1 => LONG:6",
      // arithmetic types
      "7 / 2 => LONG:3",
      "-7 / 2 => LONG:-3",
      "7 / 2.0 => DOUBLE:3.5",
      "7 % 3 => LONG:1",
      "x * y => DOUBLE:12.5",
      "1.0 / 0 => DOUBLE:Infinity",
      "2 ^ 62 => LONG:4611686018427387904",
      "2.0 ^ -1 => DOUBLE:0.5",
      "num * 2 => DOUBLE:24.0",
      "s * 2 => DOUBLE:null",
      "s + 'd' => STRING:abcd",
      "s + x => DOUBLE:null",
      // SQL-compatible nulls
      "n + 1 => LONG:null",
      "1.5 * n => DOUBLE:null",
      "n + n => STRING:null",
      "-n => LONG:null",
      "n > 1 => LONG:null",
      "n == n => LONG:null",
      "!n => LONG:null",
      "n && 0 => LONG:0",
      "n && 1 => LONG:null",
      "n || 1 => LONG:1",
      "n || 0 => LONG:null",
      // comparisons
      "x > y => LONG:1",
      "x == 5.0 => LONG:1",
      "s < 'abd' => LONG:1",
      "s == 'abc' => LONG:1",
      "num > 9 => LONG:1",
      "s > 9 => LONG:null",
      "NaN == NaN => LONG:0",
      "'true' && 1 => LONG:1",
      "'yes' || 0 => LONG:0",
      // conditionals
      "if(x > 3, 'big', 'small') => STRING:big",
      "if(n, 1, 2) => LONG:2",
      "if(-1, 1, 2) => LONG:2",
      "case_searched(x == 1, 'one', x == 5, 'five', 'other') => STRING:five",
      "case_searched(x == 1, 'one', 'other') => STRING:other",
      "case_searched(x == 1, 'one') => STRING:null",
      "case_simple(x, 1, 'one', 5, 'five') => STRING:five",
      "case_simple(s, 'z', 1, 2) => LONG:2",
      "case_simple(n, null, 1, 2) => LONG:2",
      "nvl(n, 'd') => STRING:d",
      "nvl(x, 0) => LONG:5",
      "coalesce(n, missing, 3) => LONG:3",
      "isnull(n) => LONG:1",
      "notnull(x) => LONG:1",
      "cast('12', 'LONG') => LONG:12",
      "cast('1.5', 'long') => LONG:1",
      "cast('x', 'DOUBLE') => DOUBLE:null",
      "cast(x, 'STRING') => STRING:5",
      "cast(y, 'LONG') => LONG:2",
      "cast(n, 'LONG') => LONG:null",
      "cast(x, 'ARRAY<STRING>') => ARRAY<STRING>:[5]",
      "cast(arr, 'ARRAY<DOUBLE>') => ARRAY<DOUBLE>:[1.0, 2.0, 3.0]",
      // strings
      "concat(s, '-', x, y) => STRING:abc-52.5",
      "concat(s, n) => STRING:null",
      "strlen(s) => LONG:3",
      "strlen(n) => LONG:null",
      "substring(s, 1, 1) => STRING:b",
      "substring(s, 1, -1) => STRING:bc",
      "substring(s, 1, 10) => STRING:bc",
      "substring(s, 5, 1) => STRING:null",
      "left(s, 2) => STRING:ab",
      "right(s, 5) => STRING:abc",
      "upper(s) => STRING:ABC",
      "lower('ÀB') => STRING:àb",
      "like(s, 'a%') => LONG:1",
      "like(s, '_b_') => LONG:1",
      "like(s, 'b%') => LONG:0",
      "like('a_c', 'a!_c', '!') => LONG:1",
      "like('abc', 'a!_c', '!') => LONG:0",
      "like('50%', '50\\\\%', '\\\\') => LONG:1",
      "like(n, '%') => LONG:null",
      "regexp_extract(s, 'b(.)', 1) => STRING:c",
      "regexp_extract(s, 'b.') => STRING:bc",
      "regexp_extract(s, 'z') => STRING:null",
      "regexp_like(s, '^a') => LONG:1",
      "contains_string(s, 'bc') => LONG:1",
      "contains_string(s, 'BC') => LONG:0",
      "icontains_string(s, 'BC') => LONG:1",
      "replace(s, 'b', 'BB') => STRING:aBBc",
      "trim('  a  ') => STRING:a",
      "ltrim('xxaxx', 'x') => STRING:axx",
      "rtrim('xxaxx', 'x') => STRING:xxa",
      "strpos(s, 'c') => LONG:2",
      "strpos(s, 'z') => LONG:-1",
      "strpos('abcabc', 'b', 2) => LONG:4",
      // math
      "abs(-3) => LONG:3",
      "abs(-2.5) => DOUBLE:2.5",
      "floor(2.7) => DOUBLE:2.0",
      "floor(x) => DOUBLE:5.0",
      "ceil(y) => DOUBLE:3.0",
      "round(2.345, 2) => DOUBLE:2.35",
      "round(2.5) => DOUBLE:3.0",
      "round(1250, -2) => LONG:1300",
      "round(x) => LONG:5",
      "round(NaN) => DOUBLE:0.0",
      "sqrt(16) => DOUBLE:4.0",
      "pow(2, 10) => DOUBLE:1024.0",
      "log(1) => DOUBLE:0.0",
      "log10(1000) => DOUBLE:3.0",
      "exp(0) => DOUBLE:1.0",
      "abs(n) => DOUBLE:null",
      "div(7, 2) => LONG:3",
      "greatest(1, 2.5, n) => DOUBLE:2.5",
      "least(3, 1) => LONG:1",
      "greatest('a', 1) => STRING:a",
      "least(n, n) => STRING:null",
      "greatest() => STRING:null",
      // time
      "timestamp_floor(t, 'PT1H') => LONG:1377910800000",
      "timestamp_floor(t, 'P1D', null, 'America/Los_Angeles') => LONG:1377846000000",
      "timestamp_floor(t, 'PT1H', '2013-01-01T00:30:00Z') => LONG:1377909000000",
      "timestamp_floor(n, 'PT1H') => LONG:null",
      "timestamp_ceil(t, 'P1D') => LONG:1377993600000",
      "timestamp_ceil(1377993600000, 'P1D') => LONG:1377993600000",
      "timestamp_shift(t, 'P1M', -1) => LONG:1375232553456",
      "timestamp_extract(t, 'HOUR') => LONG:1",
      "timestamp_extract(t, 'DOW') => LONG:6",
      "timestamp_extract(t, 'week') => LONG:35",
      "timestamp_extract(t, 'QUARTER') => LONG:3",
      "timestamp_extract(t, 'EPOCH') => LONG:1377910953",
      "timestamp_extract(t, 'HOUR', 'Asia/Tokyo') => LONG:10",
      "timestamp_format(t) => STRING:2013-08-31T01:02:33.456Z",
      "timestamp_format(t, 'yyyy-MM-dd HH:mm', 'Asia/Tokyo') => STRING:2013-08-31 10:02",
      "timestamp_format(t, 'yyyy-MM-dd\\'T\\'HH:mmZZ', '-08:00') => STRING:2013-08-30T17:02-08:00",
      "timestamp_parse('2013-08-31 01:02:33') => LONG:1377910953000",
      "timestamp_parse('2013-08-31T01:02:33.456Z') => LONG:1377910953456",
      "timestamp_parse('31/08/2013', 'dd/MM/yyyy') => LONG:1377907200000",
      "timestamp_parse('garbage') => LONG:null",
      "timestamp_parse(n) => LONG:null",
  })
  void evaluatesAsDruid(String expression, String expected) {
    final Expression parsed = ExpressionParser.parse(expression);
    assertEquals(expected, parsed.evaluate(ROW).toString(), expression);
    assertEquals(parsed, ExpressionParser.parse(parsed.stringify()), "stringify round trip of " + expression);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x / z                 | long division by zero: 5 / 0",
      "x % z                 | long modulo by zero: 5 % 0",
      "div(x, z)             | div by zero: div(5, 0)",
      "'a' * 'b'             | operator '*' is not supported on type STRING",
      "-s                    | operator '-' is not supported on type STRING",
      "2 ^ -1                | long power with a negative exponent: 2 ^ -1",
      "arr + 1               | operator '+' is not supported on arrays",
      "cast(arr, 'LONG')     | cannot cast ARRAY<LONG> of 3 elements to LONG",
      "substring(s, -1, 2)   | substring needs an index >= 0, got -1",
      "timestamp_floor(t, s) | invalid ISO-8601 period 'abc': must start with P",
  })
  void evaluationErrorsSayWhy(String expression, String message) {
    final Expression parsed = ExpressionParser.parse(expression);
    assertEquals(message, assertThrows(ExpressionEvaluationException.class, () -> parsed.evaluate(ROW)).getMessage());
  }
}
