package io.nemeton.engine.expression;

import java.util.Map;

/** The types of an expression's inputs, for output type inference. */
@FunctionalInterface
public interface InputTypes {

  /** Nothing known: every identifier's type is unknown. */
  InputTypes UNKNOWN = name -> null;

  /** The type of {@code name}, or null when unknown. */
  ExpressionType typeOf(String name);

  /** Types from a map (not copied). */
  static InputTypes of(Map<String, ExpressionType> types) {
    return types::get;
  }
}
