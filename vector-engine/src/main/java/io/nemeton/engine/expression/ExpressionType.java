package io.nemeton.engine.expression;

import java.util.Locale;

/**
 * The value types of Druid's expression language: long, double and string scalars and arrays of
 * each. Booleans are longs (1 and 0).
 */
public enum ExpressionType {
  LONG("LONG"),
  DOUBLE("DOUBLE"),
  STRING("STRING"),
  LONG_ARRAY("ARRAY<LONG>"),
  DOUBLE_ARRAY("ARRAY<DOUBLE>"),
  STRING_ARRAY("ARRAY<STRING>");

  private final String druidName;

  ExpressionType(String druidName) {
    this.druidName = druidName;
  }

  /** Druid's name: {@code LONG}, {@code ARRAY<STRING>}, ... */
  public String druidName() {
    return druidName;
  }

  /** The type named (case-insensitive) {@code LONG}, {@code ARRAY<DOUBLE>}, ...; null if unknown. */
  public static ExpressionType fromName(String name) {
    final String upper = name.trim().replace(" ", "").toUpperCase(Locale.ROOT);
    for (ExpressionType type : values()) {
      if (type.druidName.equals(upper)) {
        return type;
      }
    }
    return null;
  }

  public boolean isNumeric() {
    return this == LONG || this == DOUBLE;
  }

  public boolean isArray() {
    return this == LONG_ARRAY || this == DOUBLE_ARRAY || this == STRING_ARRAY;
  }

  /** The element type of an array type; the type itself for scalars. */
  public ExpressionType elementType() {
    return switch (this) {
      case LONG_ARRAY -> LONG;
      case DOUBLE_ARRAY -> DOUBLE;
      case STRING_ARRAY -> STRING;
      default -> this;
    };
  }

  /** The array type of a scalar type; the type itself for arrays. */
  public ExpressionType arrayType() {
    return switch (this) {
      case LONG -> LONG_ARRAY;
      case DOUBLE -> DOUBLE_ARRAY;
      case STRING -> STRING_ARRAY;
      default -> this;
    };
  }

  /**
   * The type of a math operator's result: unknown inputs defer to the known one; two strings stay
   * string (only {@code +} accepts them); two longs are long; anything else is double.
   */
  public static ExpressionType operator(ExpressionType left, ExpressionType right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    if (left == STRING && right == STRING) {
      return STRING;
    }
    if (left == LONG && right == LONG) {
      return LONG;
    }
    return DOUBLE;
  }

  /**
   * The least restrictive of two types, for conditional results: string beats double beats long,
   * arrays widen by element; unknown defers to the other.
   */
  public static ExpressionType leastRestrictive(ExpressionType left, ExpressionType right) {
    if (left == null) {
      return right;
    }
    if (right == null || left == right) {
      return left;
    }
    if (left.isArray() || right.isArray()) {
      return leastRestrictive(left.elementType(), right.elementType()).arrayType();
    }
    if (left == STRING || right == STRING) {
      return STRING;
    }
    return DOUBLE;
  }
}
