package io.nemeton.engine.expression;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One typed value of the expression language: a long, double or string (or an array of them), or
 * a typed null. Immutable and thread-safe; every instance is a new allocation, which is why the
 * row-at-a-time evaluator is a reference implementation and not the engine's hot path.
 */
public final class ExpressionValue {

  private static final ExpressionValue NULL_STRING = new ExpressionValue(ExpressionType.STRING, null);
  private static final ExpressionValue NULL_LONG = new ExpressionValue(ExpressionType.LONG, null);
  private static final ExpressionValue NULL_DOUBLE = new ExpressionValue(ExpressionType.DOUBLE, null);
  private static final ExpressionValue TRUE = new ExpressionValue(ExpressionType.LONG, 1L);
  private static final ExpressionValue FALSE = new ExpressionValue(ExpressionType.LONG, 0L);

  private final ExpressionType type;
  private final Object value;

  private ExpressionValue(ExpressionType type, Object value) {
    this.type = type;
    this.value = value;
  }

  public static ExpressionValue ofLong(long value) {
    return new ExpressionValue(ExpressionType.LONG, value);
  }

  public static ExpressionValue ofDouble(double value) {
    return new ExpressionValue(ExpressionType.DOUBLE, value);
  }

  public static ExpressionValue ofString(String value) {
    return value == null ? NULL_STRING : new ExpressionValue(ExpressionType.STRING, value);
  }

  /** 1 or 0 as a long. */
  public static ExpressionValue ofBoolean(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** A null of the given type. */
  public static ExpressionValue ofNull(ExpressionType type) {
    return switch (type) {
      case LONG -> NULL_LONG;
      case DOUBLE -> NULL_DOUBLE;
      case STRING -> NULL_STRING;
      default -> new ExpressionValue(type, null);
    };
  }

  /**
   * An array; elements must be Long, Double or String (or null) according to the element type.
   */
  public static ExpressionValue ofArray(ExpressionType arrayType, Object[] elements) {
    if (!arrayType.isArray()) {
      throw new IllegalArgumentException("not an array type: " + arrayType);
    }
    return new ExpressionValue(arrayType, elements == null ? null : elements.clone());
  }

  /**
   * Converts a bound input value: Long/Integer/Short/Byte are longs, Double/Float doubles, Boolean 1
   * or 0, String a string, a List or Object[] an array typed by its first non-null element (string
   * for an empty or all-null one), null a string-typed null.
   */
  public static ExpressionValue fromJava(Object value) {
    if (value == null) {
      return NULL_STRING;
    }
    if (value instanceof ExpressionValue expressionValue) {
      return expressionValue;
    }
    if (value instanceof String text) {
      return ofString(text);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ofLong(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return ofDouble(number.doubleValue());
    }
    if (value instanceof Boolean bool) {
      return ofBoolean(bool);
    }
    final Object[] elements;
    if (value instanceof List<?> list) {
      elements = list.toArray();
    } else if (value instanceof Object[] array) {
      elements = array;
    } else {
      return ofString(value.toString());
    }
    ExpressionType elementType = null;
    for (Object element : elements) {
      if (element != null) {
        final ExpressionType candidate = fromJava(element).type;
        elementType = elementType == null ? candidate : ExpressionType.leastRestrictive(elementType, candidate);
      }
    }
    if (elementType == null) {
      elementType = ExpressionType.STRING;
    }
    final Object[] converted = new Object[elements.length];
    for (int i = 0; i < elements.length; i++) {
      converted[i] = elements[i] == null ? null : fromJava(elements[i]).castTo(elementType).value;
    }
    return new ExpressionValue(elementType.arrayType(), converted);
  }

  public ExpressionType type() {
    return type;
  }

  /** The value: Long, Double, String, Object[] (a copy) or null. */
  public Object value() {
    return value instanceof Object[] array ? array.clone() : value;
  }

  public boolean isNull() {
    return value == null;
  }

  /**
   * True when the value cannot be read as a number: null, or a string that does not parse.
   */
  public boolean isNumericNull() {
    if (value == null) {
      return true;
    }
    if (type == ExpressionType.STRING) {
      return parseNumber((String) value) == null;
    }
    return type.isArray();
  }

  /** The value as a long: doubles truncate, strings parse (0 when they do not, or for null). */
  public long asLong() {
    if (value instanceof Long whole) {
      return whole;
    }
    if (value instanceof Double real) {
      return real.longValue();
    }
    if (value instanceof String text) {
      final Number number = parseNumber(text);
      return number == null ? 0L : number.longValue();
    }
    return 0L;
  }

  /** The value as a double: strings parse (0 when they do not, or for null). */
  public double asDouble() {
    if (value instanceof Long whole) {
      return whole;
    }
    if (value instanceof Double real) {
      return real;
    }
    if (value instanceof String text) {
      final Number number = parseNumber(text);
      return number == null ? 0.0 : number.doubleValue();
    }
    return 0.0;
  }

  /** The value as a string, or null. */
  public String asString() {
    if (value == null) {
      return null;
    }
    if (value instanceof Object[] array) {
      return Arrays.toString(array);
    }
    return value.toString();
  }

  /**
   * Druid's truth: numbers are true when positive, strings when they equal "true" ignoring case,
   * null is false.
   */
  public boolean asBoolean() {
    if (value instanceof Long whole) {
      return whole > 0;
    }
    if (value instanceof Double real) {
      return real > 0;
    }
    if (value instanceof String text) {
      return Boolean.parseBoolean(text);
    }
    return false;
  }

  /** The elements of an array value (a copy), or null. */
  public Object[] asArray() {
    if (value instanceof Object[] array) {
      return array.clone();
    }
    return value == null ? null : new Object[] {value};
  }

  /**
   * Converts to another type as {@code cast} does: unparseable strings become null, scalars become
   * one-element arrays.
   *
   * @throws ExpressionEvaluationException for array-to-scalar casts of more than one element
   */
  public ExpressionValue castTo(ExpressionType target) {
    if (target == type) {
      return this;
    }
    if (value == null) {
      return ofNull(target);
    }
    if (target.isArray()) {
      final Object[] source = type.isArray() ? (Object[]) value : new Object[] {value};
      final Object[] converted = new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        converted[i] = source[i] == null
            ? null
            : fromJava(source[i]).castTo(target.elementType()).value;
      }
      return new ExpressionValue(target, converted);
    }
    if (type.isArray()) {
      final Object[] source = (Object[]) value;
      if (source.length == 1) {
        return fromJava(source[0]).castTo(target);
      }
      throw new ExpressionEvaluationException(
          "cannot cast " + type.druidName() + " of " + source.length + " elements to " + target.druidName());
    }
    return switch (target) {
      case LONG -> isNumericNull() ? ofNull(ExpressionType.LONG) : ofLong(asLong());
      case DOUBLE -> isNumericNull() ? ofNull(ExpressionType.DOUBLE) : ofDouble(asDouble());
      case STRING -> ofString(asString());
      default -> throw new IllegalStateException("unhandled cast to " + target);
    };
  }

  /** Parses a long, else a double; null when the text is neither. */
  static Number parseNumber(String text) {
    final String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(trimmed);
    } catch (NumberFormatException notLong) {
      try {
        return Double.parseDouble(trimmed);
      } catch (NumberFormatException notDouble) {
        return null;
      }
    }
  }

  /** The value as a plain Java object: Long, Double, String, List or null. */
  public Object toJava() {
    if (value instanceof Object[] array) {
      return Arrays.asList(array.clone());
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExpressionValue that
        && type == that.type
        && (value instanceof Object[] array
            ? that.value instanceof Object[] thatArray && Arrays.equals(array, thatArray)
            : Objects.equals(value, that.value));
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + (value instanceof Object[] array ? Arrays.hashCode(array) : Objects.hashCode(value));
  }

  @Override
  public String toString() {
    return type.druidName() + ":" + (value instanceof Object[] array ? Arrays.toString(array) : value);
  }
}
