package io.nemeton.engine.expression;

import java.util.Map;

/**
 * The input of one evaluation: column (identifier) name to value. Values may be Long, Integer,
 * Double, Float, String, Boolean, a List or Object[] (arrays), an {@link ExpressionValue}, or null.
 */
@FunctionalInterface
public interface ExpressionBinding {

  /** A binding with no values: every identifier is null. */
  ExpressionBinding EMPTY = name -> null;

  /** The value bound to {@code name}, or null. */
  Object get(String name);

  /** A binding backed by a map (not copied). */
  static ExpressionBinding of(Map<String, ?> values) {
    return values::get;
  }
}
