package io.nemeton.engine.expression;

/**
 * Semantics of the unary and binary operators, with SQL-compatible nulls: arithmetic and
 * comparisons on a null give null; {@code &&} and {@code ||} use three-valued logic; comparisons
 * and logic return long 1 or 0. Two longs compute in long (integer division; division or modulo
 * by zero is an error, as in Druid); a string among numbers is parsed as a double (null when it
 * does not parse); two strings concatenate with {@code +} and compare as strings. Stateless.
 */
final class Operators {

  private Operators() {}

  static ExpressionValue negate(ExpressionValue value) {
    if (value.isNull()) {
      return ExpressionValue.ofNull(value.type() == ExpressionType.DOUBLE ? ExpressionType.DOUBLE : ExpressionType.LONG);
    }
    return switch (value.type()) {
      case LONG -> ExpressionValue.ofLong(-value.asLong());
      case DOUBLE -> ExpressionValue.ofDouble(-value.asDouble());
      default -> throw new ExpressionEvaluationException(
          "operator '-' is not supported on type " + value.type().druidName());
    };
  }

  static ExpressionValue not(ExpressionValue value) {
    if (value.isNull()) {
      return ExpressionValue.ofNull(ExpressionType.LONG);
    }
    return ExpressionValue.ofBoolean(!value.asBoolean());
  }

  static ExpressionValue binary(BinaryExpression expression, ExpressionBinding binding) {
    final BinaryExpression.Operator operator = expression.operator();
    if (operator == BinaryExpression.Operator.AND) {
      return and(expression.left(), expression.right(), binding);
    }
    if (operator == BinaryExpression.Operator.OR) {
      return or(expression.left(), expression.right(), binding);
    }
    final ExpressionValue left = expression.left().evaluate(binding);
    final ExpressionValue right = expression.right().evaluate(binding);
    return operator.isComparison() ? compare(operator, left, right) : arithmetic(operator, left, right);
  }

  private static ExpressionValue and(Expression leftExpression, Expression rightExpression, ExpressionBinding binding) {
    final ExpressionValue left = leftExpression.evaluate(binding);
    if (!left.isNull() && !left.asBoolean()) {
      return ExpressionValue.ofBoolean(false);
    }
    final ExpressionValue right = rightExpression.evaluate(binding);
    if (!right.isNull() && !right.asBoolean()) {
      return ExpressionValue.ofBoolean(false);
    }
    if (left.isNull() || right.isNull()) {
      return ExpressionValue.ofNull(ExpressionType.LONG);
    }
    return ExpressionValue.ofBoolean(true);
  }

  private static ExpressionValue or(Expression leftExpression, Expression rightExpression, ExpressionBinding binding) {
    final ExpressionValue left = leftExpression.evaluate(binding);
    if (!left.isNull() && left.asBoolean()) {
      return ExpressionValue.ofBoolean(true);
    }
    final ExpressionValue right = rightExpression.evaluate(binding);
    if (!right.isNull() && right.asBoolean()) {
      return ExpressionValue.ofBoolean(true);
    }
    if (left.isNull() || right.isNull()) {
      return ExpressionValue.ofNull(ExpressionType.LONG);
    }
    return ExpressionValue.ofBoolean(false);
  }

  /** A comparison; also used by {@code case_simple}. */
  static ExpressionValue compare(BinaryExpression.Operator operator, ExpressionValue left, ExpressionValue right) {
    if (left.isNull() || right.isNull()) {
      return ExpressionValue.ofNull(ExpressionType.LONG);
    }
    if (left.type().isArray() || right.type().isArray()) {
      throw new ExpressionEvaluationException("operator '" + operator.symbol() + "' is not supported on arrays");
    }
    final int order;
    if (left.type() == ExpressionType.STRING && right.type() == ExpressionType.STRING) {
      order = Integer.signum(left.asString().compareTo(right.asString()));
    } else if (left.type() == ExpressionType.LONG && right.type() == ExpressionType.LONG) {
      order = Long.compare(left.asLong(), right.asLong());
    } else {
      if (left.isNumericNull() || right.isNumericNull()) {
        return ExpressionValue.ofNull(ExpressionType.LONG);
      }
      final double a = left.asDouble();
      final double b = right.asDouble();
      // Primitive comparisons, so NaN is unequal and unordered as in Druid.
      return ExpressionValue.ofBoolean(switch (operator) {
        case LESS -> a < b;
        case LESS_OR_EQUAL -> a <= b;
        case GREATER -> a > b;
        case GREATER_OR_EQUAL -> a >= b;
        case EQUAL -> a == b;
        case NOT_EQUAL -> a != b;
        default -> throw new IllegalStateException("not a comparison: " + operator);
      });
    }
    return ExpressionValue.ofBoolean(switch (operator) {
      case LESS -> order < 0;
      case LESS_OR_EQUAL -> order <= 0;
      case GREATER -> order > 0;
      case GREATER_OR_EQUAL -> order >= 0;
      case EQUAL -> order == 0;
      case NOT_EQUAL -> order != 0;
      default -> throw new IllegalStateException("not a comparison: " + operator);
    });
  }

  private static ExpressionValue arithmetic(
      BinaryExpression.Operator operator, ExpressionValue left, ExpressionValue right) {
    if (left.type().isArray() || right.type().isArray()) {
      throw new ExpressionEvaluationException("operator '" + operator.symbol() + "' is not supported on arrays");
    }
    // A null operand takes the other side's type, as Druid's type auto-detection does.
    final ExpressionType type = ExpressionType.operator(
        left.isNull() ? right.type() : left.type(), right.isNull() ? left.type() : right.type());
    if (left.isNull() || right.isNull()) {
      return ExpressionValue.ofNull(type == ExpressionType.STRING && operator != BinaryExpression.Operator.PLUS
          ? ExpressionType.DOUBLE : type);
    }
    if (type == ExpressionType.STRING) {
      if (operator == BinaryExpression.Operator.PLUS) {
        return ExpressionValue.ofString(left.asString() + right.asString());
      }
      throw new ExpressionEvaluationException("operator '" + operator.symbol() + "' is not supported on type STRING");
    }
    if (type == ExpressionType.LONG) {
      return ExpressionValue.ofLong(longArithmetic(operator, left.asLong(), right.asLong()));
    }
    if (left.isNumericNull() || right.isNumericNull()) {
      return ExpressionValue.ofNull(ExpressionType.DOUBLE);
    }
    final double a = left.asDouble();
    final double b = right.asDouble();
    return ExpressionValue.ofDouble(switch (operator) {
      case PLUS -> a + b;
      case MINUS -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> a / b;
      case MODULO -> a % b;
      case POWER -> Math.pow(a, b);
      default -> throw new IllegalStateException("not arithmetic: " + operator);
    });
  }

  private static long longArithmetic(BinaryExpression.Operator operator, long a, long b) {
    switch (operator) {
      case PLUS:
        return a + b;
      case MINUS:
        return a - b;
      case MULTIPLY:
        return a * b;
      case DIVIDE:
        if (b == 0) {
          throw new ExpressionEvaluationException("long division by zero: " + a + " / 0");
        }
        return a / b;
      case MODULO:
        if (b == 0) {
          throw new ExpressionEvaluationException("long modulo by zero: " + a + " % 0");
        }
        return a % b;
      case POWER:
        return power(a, b);
      default:
        throw new IllegalStateException("not arithmetic: " + operator);
    }
  }

  /** Long power with wrap-around on overflow, as Guava's LongMath.pow which Druid uses. */
  static long power(long base, long exponent) {
    if (exponent < 0) {
      throw new ExpressionEvaluationException("long power with a negative exponent: " + base + " ^ " + exponent);
    }
    long result = 1;
    long factor = base;
    long remaining = exponent;
    while (remaining > 0) {
      if ((remaining & 1) != 0) {
        result *= factor;
      }
      factor *= factor;
      remaining >>= 1;
    }
    return result;
  }
}
