package io.nemeton.engine.expression;

import java.util.Objects;
import java.util.Set;

/** {@code -x} or {@code !x}. Negation of a number literal is folded into the literal by the parser. */
public record UnaryExpression(Operator operator, Expression operand) implements Expression {

  /** The prefix operators. */
  public enum Operator {
    NEGATE("-"),
    NOT("!");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public UnaryExpression {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public ExpressionValue evaluate(ExpressionBinding binding) {
    final ExpressionValue value = operand.evaluate(binding);
    return operator == Operator.NEGATE ? Operators.negate(value) : Operators.not(value);
  }

  @Override
  public ExpressionType outputType(InputTypes types) {
    return operator == Operator.NOT ? ExpressionType.LONG : operand.outputType(types);
  }

  @Override
  public String stringify() {
    return operator.symbol() + operand.stringify();
  }

  @Override
  public void collectBindings(Set<String> names) {
    operand.collectBindings(names);
  }
}
