package io.nemeton.engine.expression;

import java.util.List;

/**
 * {@code if}, {@code case_searched}, {@code case_simple}, {@code nvl}, {@code coalesce}, {@code
 * isnull}, {@code notnull} and {@code cast}. Branches are evaluated lazily and returned as they
 * are (not converted to the inferred output type), as in Druid. Stateless.
 */
final class ConditionalFunctions {

  private ConditionalFunctions() {}

  static ExpressionValue evaluate(BuiltinFunction function, List<Expression> arguments, ExpressionBinding binding) {
    switch (function) {
      case IF:
        return arguments.get(0).evaluate(binding).asBoolean()
            ? arguments.get(1).evaluate(binding)
            : arguments.get(2).evaluate(binding);
      case CASE_SEARCHED: {
        final int size = arguments.size();
        for (int i = 0; i + 1 < size; i += 2) {
          if (arguments.get(i).evaluate(binding).asBoolean()) {
            return arguments.get(i + 1).evaluate(binding);
          }
        }
        return size % 2 == 1 ? arguments.get(size - 1).evaluate(binding) : ExpressionValue.ofNull(ExpressionType.STRING);
      }
      case CASE_SIMPLE: {
        final ExpressionValue subject = arguments.get(0).evaluate(binding);
        final int size = arguments.size();
        for (int i = 1; i + 1 < size; i += 2) {
          final ExpressionValue candidate = arguments.get(i).evaluate(binding);
          if (Operators.compare(BinaryExpression.Operator.EQUAL, subject, candidate).asBoolean()) {
            return arguments.get(i + 1).evaluate(binding);
          }
        }
        return size % 2 == 0 ? arguments.get(size - 1).evaluate(binding) : ExpressionValue.ofNull(ExpressionType.STRING);
      }
      case NVL: {
        final ExpressionValue value = arguments.get(0).evaluate(binding);
        return value.isNull() ? arguments.get(1).evaluate(binding) : value;
      }
      case COALESCE: {
        ExpressionValue value = ExpressionValue.ofNull(ExpressionType.STRING);
        for (Expression argument : arguments) {
          value = argument.evaluate(binding);
          if (!value.isNull()) {
            return value;
          }
        }
        return value;
      }
      case ISNULL:
        return ExpressionValue.ofBoolean(arguments.get(0).evaluate(binding).isNull());
      case NOTNULL:
        return ExpressionValue.ofBoolean(!arguments.get(0).evaluate(binding).isNull());
      case CAST:
        return arguments.get(0).evaluate(binding).castTo(castTarget(arguments));
      default:
        throw new IllegalStateException("not a conditional function: " + function);
    }
  }

  static ExpressionType outputType(BuiltinFunction function, List<Expression> arguments, InputTypes types) {
    switch (function) {
      case IF:
        return ExpressionType.leastRestrictive(arguments.get(1).outputType(types), arguments.get(2).outputType(types));
      case CASE_SEARCHED: {
        ExpressionType type = null;
        for (int i = 1; i < arguments.size(); i += 2) {
          type = ExpressionType.leastRestrictive(type, arguments.get(i).outputType(types));
        }
        if (arguments.size() % 2 == 1) {
          type = ExpressionType.leastRestrictive(type, arguments.get(arguments.size() - 1).outputType(types));
        }
        return type;
      }
      case CASE_SIMPLE: {
        ExpressionType type = null;
        for (int i = 2; i < arguments.size(); i += 2) {
          type = ExpressionType.leastRestrictive(type, arguments.get(i).outputType(types));
        }
        if (arguments.size() % 2 == 0) {
          type = ExpressionType.leastRestrictive(type, arguments.get(arguments.size() - 1).outputType(types));
        }
        return type;
      }
      case NVL:
      case COALESCE: {
        ExpressionType type = null;
        for (Expression argument : arguments) {
          type = ExpressionType.leastRestrictive(type, argument.outputType(types));
        }
        return type;
      }
      case ISNULL:
      case NOTNULL:
        return ExpressionType.LONG;
      case CAST:
        return castTarget(arguments);
      default:
        throw new IllegalStateException("not a conditional function: " + function);
    }
  }

  /** The target of {@code cast}; the parser has checked it is a literal naming a type. */
  private static ExpressionType castTarget(List<Expression> arguments) {
    return ExpressionType.fromName(((LiteralExpression) arguments.get(1)).value().asString());
  }
}
