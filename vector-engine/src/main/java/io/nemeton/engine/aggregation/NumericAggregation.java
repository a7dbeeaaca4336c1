package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.aggregation.NumericAggregator;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.storage.NumericBlocks;

/**
 * Sum, min and max in long, double or float ({@code longSum} ... {@code floatMax}) over a column or
 * an expression. Null when no non-null value was seen. Float sums stay in double until finalized.
 * Immutable.
 */
final class NumericAggregation implements Aggregation {
  private final NumericAggregator spec;
  private final ValueType.Kind type;
  private final Operation operation;

  NumericAggregation(NumericAggregator spec) {
    this.spec = spec;
    this.type = spec.kind().type().kind();
    this.operation = spec.kind().operation();
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels) {
    final NumericBlocks input = spec.fieldName() != null ? columns.numeric(spec.fieldName())
        : columns.expressionNumbers(ExpressionParser.parse(spec.expression()));
    return switch (type) {
      case LONG -> new LongGroupAggregator(input, operation, kernels);
      case FLOAT -> new FloatGroupAggregator(input, operation, kernels);
      default -> new DoubleGroupAggregator(input, operation, kernels);
    };
  }

  @Override
  public PrimitiveAggregation primitive() {
    final PrimitiveAggregation.Type cells = switch (type) {
      case LONG -> PrimitiveAggregation.Type.LONG;
      case FLOAT -> PrimitiveAggregation.Type.FLOAT;
      default -> PrimitiveAggregation.Type.DOUBLE;
    };
    return new PrimitiveAggregation(cells, operation, spec.fieldName(), spec.expression());
  }

  @Override
  public Object combine(Object left, Object right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    return switch (type) {
      case LONG -> {
        final long a = (Long) left;
        final long b = (Long) right;
        yield switch (operation) {
          case SUM -> a + b;
          case MIN -> Math.min(a, b);
          case MAX -> Math.max(a, b);
        };
      }
      case FLOAT -> switch (operation) {
        case SUM -> (Double) left + (Double) right;
        case MIN -> Math.min((Float) left, (Float) right);
        case MAX -> Math.max((Float) left, (Float) right);
      };
      default -> {
        final double a = (Double) left;
        final double b = (Double) right;
        yield switch (operation) {
          case SUM -> a + b;
          case MIN -> Math.min(a, b);
          case MAX -> Math.max(a, b);
        };
      }
    };
  }

  @Override
  public Object empty() {
    return null;
  }

  /** A float sum is kept in double while merging and rounded to float once, here. */
  @Override
  public Object finalizeValue(Object intermediate) {
    if (intermediate != null && type == ValueType.Kind.FLOAT && operation == Operation.SUM) {
      return ((Double) intermediate).floatValue();
    }
    return intermediate;
  }
}
