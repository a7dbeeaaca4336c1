package io.nemeton.engine.expression;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A call of a built-in function; the parser has checked its argument count and literal arguments. */
public record FunctionExpression(BuiltinFunction function, List<Expression> arguments) implements Expression {

  public FunctionExpression {
    Objects.requireNonNull(function, "function");
    arguments = List.copyOf(arguments);
  }

  @Override
  public ExpressionValue evaluate(ExpressionBinding binding) {
    return switch (function.family()) {
      case CONDITIONAL -> ConditionalFunctions.evaluate(function, arguments, binding);
      case STRING -> StringFunctions.evaluate(function, arguments, binding);
      case MATH -> MathFunctions.evaluate(function, arguments, binding);
      case TIME -> TimeFunctions.evaluate(function, arguments, binding);
    };
  }

  @Override
  public ExpressionType outputType(InputTypes types) {
    return switch (function.family()) {
      case CONDITIONAL -> ConditionalFunctions.outputType(function, arguments, types);
      case STRING -> StringFunctions.outputType(function);
      case MATH -> MathFunctions.outputType(function, arguments, types);
      case TIME -> TimeFunctions.outputType(function);
    };
  }

  @Override
  public String stringify() {
    final StringBuilder text = new StringBuilder(function.functionName()).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(arguments.get(i).stringify());
    }
    return text.append(')').toString();
  }

  @Override
  public void collectBindings(Set<String> names) {
    for (Expression argument : arguments) {
      argument.collectBindings(names);
    }
  }
}
