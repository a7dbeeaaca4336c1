package io.nemeton.engine.expression;

import java.util.Objects;
import java.util.Set;

/** {@code left op right} for Druid's binary operators. */
public record BinaryExpression(Operator operator, Expression left, Expression right) implements Expression {

  /**
   * The binary operators with Druid's precedence (higher binds tighter): {@code ^} (right
   * associative), then {@code * / %}, then {@code + -}, then comparisons, then {@code && ||}, which
   * share one level and associate to the left as in Druid's grammar.
   */
  public enum Operator {
    POWER("^", 5),
    MULTIPLY("*", 4),
    DIVIDE("/", 4),
    MODULO("%", 4),
    PLUS("+", 3),
    MINUS("-", 3),
    LESS("<", 2),
    LESS_OR_EQUAL("<=", 2),
    GREATER(">", 2),
    GREATER_OR_EQUAL(">=", 2),
    EQUAL("==", 2),
    NOT_EQUAL("!=", 2),
    AND("&&", 1),
    OR("||", 1);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    public String symbol() {
      return symbol;
    }

    public int precedence() {
      return precedence;
    }

    public boolean isComparison() {
      return precedence == 2;
    }

    public boolean isLogical() {
      return precedence == 1;
    }

    static Operator fromSymbol(String symbol) {
      for (Operator operator : values()) {
        if (operator.symbol.equals(symbol)) {
          return operator;
        }
      }
      return null;
    }
  }

  public BinaryExpression {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public ExpressionValue evaluate(ExpressionBinding binding) {
    return Operators.binary(this, binding);
  }

  @Override
  public ExpressionType outputType(InputTypes types) {
    if (operator.isComparison() || operator.isLogical()) {
      return ExpressionType.LONG;
    }
    final ExpressionType type = ExpressionType.operator(left.outputType(types), right.outputType(types));
    return type == ExpressionType.STRING && operator != Operator.PLUS ? ExpressionType.DOUBLE : type;
  }

  @Override
  public String stringify() {
    return "(" + left.stringify() + " " + operator.symbol() + " " + right.stringify() + ")";
  }

  @Override
  public void collectBindings(Set<String> names) {
    left.collectBindings(names);
    right.collectBindings(names);
  }
}
