package io.nemeton.engine.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Math functions. Null (or a non-numeric string) in gives null out. {@code abs} and {@code round}
 * keep a long a long; the others return doubles; {@code greatest} and {@code least} follow Druid's
 * reduction rules (strings if any argument is a string, else doubles if any is a double, else
 * longs; nulls ignored). Stateless.
 */
final class MathFunctions {

  private MathFunctions() {}

  static ExpressionType outputType(BuiltinFunction function, List<Expression> arguments, InputTypes types) {
    switch (function) {
      case ABS:
      case ROUND: {
        final ExpressionType type = arguments.get(0).outputType(types);
        return type == ExpressionType.LONG ? ExpressionType.LONG : ExpressionType.DOUBLE;
      }
      case DIV:
        return ExpressionType.LONG;
      case GREATEST:
      case LEAST: {
        ExpressionType type = null;
        for (Expression argument : arguments) {
          type = ExpressionType.leastRestrictive(type, argument.outputType(types));
        }
        return type == null ? ExpressionType.STRING : type;
      }
      default:
        return ExpressionType.DOUBLE;
    }
  }

  static ExpressionValue evaluate(BuiltinFunction function, List<Expression> arguments, ExpressionBinding binding) {
    if (function == BuiltinFunction.GREATEST || function == BuiltinFunction.LEAST) {
      return reduce(function == BuiltinFunction.GREATEST, arguments, binding);
    }
    final ExpressionValue first = arguments.get(0).evaluate(binding);
    if (first.isNumericNull()) {
      return ExpressionValue.ofNull(outputType(first, function));
    }
    switch (function) {
      case ABS:
        return first.type() == ExpressionType.LONG
            ? ExpressionValue.ofLong(Math.abs(first.asLong()))
            : ExpressionValue.ofDouble(Math.abs(first.asDouble()));
      case FLOOR:
        return ExpressionValue.ofDouble(Math.floor(first.asDouble()));
      case CEIL:
        return ExpressionValue.ofDouble(Math.ceil(first.asDouble()));
      case SQRT:
        return ExpressionValue.ofDouble(Math.sqrt(first.asDouble()));
      case LOG:
        return ExpressionValue.ofDouble(Math.log(first.asDouble()));
      case LOG10:
        return ExpressionValue.ofDouble(Math.log10(first.asDouble()));
      case EXP:
        return ExpressionValue.ofDouble(Math.exp(first.asDouble()));
      case ROUND:
        return round(first, arguments.size() > 1 ? arguments.get(1).evaluate(binding) : ExpressionValue.ofLong(0));
      case POW:
      case DIV: {
        final ExpressionValue second = arguments.get(1).evaluate(binding);
        if (second.isNumericNull()) {
          return ExpressionValue.ofNull(outputType(first, function));
        }
        if (function == BuiltinFunction.POW) {
          return ExpressionValue.ofDouble(Math.pow(first.asDouble(), second.asDouble()));
        }
        final long divisor = second.asLong();
        if (divisor == 0) {
          throw new ExpressionEvaluationException("div by zero: div(" + first.asLong() + ", 0)");
        }
        return ExpressionValue.ofLong(first.asLong() / divisor);
      }
      default:
        throw new IllegalStateException("not a math function: " + function);
    }
  }

  private static ExpressionType outputType(ExpressionValue first, BuiltinFunction function) {
    if (function == BuiltinFunction.DIV) {
      return ExpressionType.LONG;
    }
    if ((function == BuiltinFunction.ABS || function == BuiltinFunction.ROUND) && first.type() == ExpressionType.LONG) {
      return ExpressionType.LONG;
    }
    return ExpressionType.DOUBLE;
  }

  /** Half-up rounding to {@code scale} decimals; NaN gives 0 and infinities the largest finite double. */
  private static ExpressionValue round(ExpressionValue value, ExpressionValue scaleValue) {
    if (scaleValue.isNumericNull()) {
      return ExpressionValue.ofNull(value.type() == ExpressionType.LONG ? ExpressionType.LONG : ExpressionType.DOUBLE);
    }
    final int scale = (int) scaleValue.asLong();
    if (value.type() == ExpressionType.LONG) {
      final long whole = value.asLong();
      return ExpressionValue.ofLong(scale >= 0
          ? whole
          : BigDecimal.valueOf(whole).setScale(scale, RoundingMode.HALF_UP).longValue());
    }
    final double real = value.asDouble();
    if (Double.isNaN(real)) {
      return ExpressionValue.ofDouble(0.0);
    }
    if (Double.isInfinite(real)) {
      return ExpressionValue.ofDouble(real > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
    }
    return ExpressionValue.ofDouble(BigDecimal.valueOf(real).setScale(scale, RoundingMode.HALF_UP).doubleValue());
  }

  private static ExpressionValue reduce(boolean greatest, List<Expression> arguments, ExpressionBinding binding) {
    final ExpressionValue[] values = new ExpressionValue[arguments.size()];
    ExpressionType type = null;
    for (int i = 0; i < values.length; i++) {
      values[i] = arguments.get(i).evaluate(binding);
      if (values[i].type().isArray()) {
        throw new ExpressionEvaluationException((greatest ? "greatest" : "least") + " does not take arrays");
      }
      if (!values[i].isNull()) {
        type = ExpressionType.leastRestrictive(type, values[i].type());
      }
    }
    if (type == null) {
      return ExpressionValue.ofNull(ExpressionType.STRING);
    }
    ExpressionValue best = null;
    for (ExpressionValue value : values) {
      if (value.isNull()) {
        continue;
      }
      final ExpressionValue converted = value.castTo(type);
      if (converted.isNull()) {
        continue;
      }
      if (best == null) {
        best = converted;
        continue;
      }
      final int order = switch (type) {
        case LONG -> Long.compare(converted.asLong(), best.asLong());
        case DOUBLE -> Double.compare(converted.asDouble(), best.asDouble());
        default -> converted.asString().compareTo(best.asString());
      };
      if (greatest ? order > 0 : order < 0) {
        best = converted;
      }
    }
    return best == null ? ExpressionValue.ofNull(type) : best;
  }
}
