package io.nemeton.engine.expression;

import java.util.Locale;

/** The built-in functions, each with its family and how many arguments it takes. */
public enum BuiltinFunction {
  IF(Family.CONDITIONAL, 3, 3),
  CASE_SEARCHED(Family.CONDITIONAL, 2, -1),
  CASE_SIMPLE(Family.CONDITIONAL, 3, -1),
  NVL(Family.CONDITIONAL, 2, 2),
  COALESCE(Family.CONDITIONAL, 1, -1),
  ISNULL(Family.CONDITIONAL, 1, 1),
  NOTNULL(Family.CONDITIONAL, 1, 1),
  CAST(Family.CONDITIONAL, 2, 2),
  CONCAT(Family.STRING, 1, -1),
  STRLEN(Family.STRING, 1, 1),
  SUBSTRING(Family.STRING, 3, 3),
  LEFT(Family.STRING, 2, 2),
  RIGHT(Family.STRING, 2, 2),
  LOWER(Family.STRING, 1, 1),
  UPPER(Family.STRING, 1, 1),
  LIKE(Family.STRING, 2, 3),
  REGEXP_EXTRACT(Family.STRING, 2, 3),
  REGEXP_LIKE(Family.STRING, 2, 2),
  CONTAINS_STRING(Family.STRING, 2, 2),
  ICONTAINS_STRING(Family.STRING, 2, 2),
  REPLACE(Family.STRING, 3, 3),
  TRIM(Family.STRING, 1, 2),
  LTRIM(Family.STRING, 1, 2),
  RTRIM(Family.STRING, 1, 2),
  STRPOS(Family.STRING, 2, 3),
  ABS(Family.MATH, 1, 1),
  FLOOR(Family.MATH, 1, 1),
  CEIL(Family.MATH, 1, 1),
  ROUND(Family.MATH, 1, 2),
  SQRT(Family.MATH, 1, 1),
  POW(Family.MATH, 2, 2),
  LOG(Family.MATH, 1, 1),
  LOG10(Family.MATH, 1, 1),
  EXP(Family.MATH, 1, 1),
  DIV(Family.MATH, 2, 2),
  GREATEST(Family.MATH, 0, -1),
  LEAST(Family.MATH, 0, -1),
  TIMESTAMP_FLOOR(Family.TIME, 2, 4),
  TIMESTAMP_CEIL(Family.TIME, 2, 4),
  TIMESTAMP_SHIFT(Family.TIME, 3, 4),
  TIMESTAMP_EXTRACT(Family.TIME, 2, 3),
  TIMESTAMP_FORMAT(Family.TIME, 1, 3),
  TIMESTAMP_PARSE(Family.TIME, 1, 3);

  /** Which evaluator family implements a function. */
  public enum Family { CONDITIONAL, STRING, MATH, TIME }

  private final Family family;
  private final int minArguments;
  private final int maxArguments;

  BuiltinFunction(Family family, int minArguments, int maxArguments) {
    this.family = family;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
  }

  public Family family() {
    return family;
  }

  public int minArguments() {
    return minArguments;
  }

  /** The most arguments, or -1 for any number. */
  public int maxArguments() {
    return maxArguments;
  }

  /** The name used in expressions, e.g. {@code timestamp_floor}. */
  public String functionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The function with this name (case-insensitive), or null. */
  public static BuiltinFunction fromName(String name) {
    final String upper = name.toUpperCase(Locale.ROOT);
    for (BuiltinFunction function : values()) {
      if (function.name().equals(upper)) {
        return function;
      }
    }
    return null;
  }
}
