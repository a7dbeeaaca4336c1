package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.storage.NumericBlocks;

/**
 * The primitive form of an aggregation that a grouped scan can keep in {@code long} accumulator
 * cells instead of a {@link GroupAggregator}: {@code count}, or the sum, min or max of a column or
 * expression read as longs, doubles or floats. Float sums accumulate in double (the kernels'
 * convention) and their intermediate value is a Double; float min and max answer a Float.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type what the cells hold
 * @param operation sum, min or max (unused for {@link Type#COUNT})
 * @param fieldName the column read, or null when {@code expression} is set (or for a count)
 * @param expression the expression read, or null
 */
public record PrimitiveAggregation(Type type, Operation operation, String fieldName, String expression) {

  /** The value type of the cells. */
  public enum Type { COUNT, LONG, DOUBLE, FLOAT }

  /** A per-thread reader of the input for one segment; null for a count. */
  public NumericBlocks input(BlockColumns columns) {
    if (type == Type.COUNT) {
      return null;
    }
    return fieldName != null ? columns.numeric(fieldName)
        : columns.expressionNumbers(ExpressionParser.parse(expression));
  }

  /** The intermediate value ({@link Aggregation#combine}'s form) of a cell that saw rows. */
  public Object intermediate(long cell) {
    return switch (type) {
      case COUNT, LONG -> cell;
      case DOUBLE -> Double.longBitsToDouble(cell);
      case FLOAT -> operation == Operation.SUM ? (Object) Double.longBitsToDouble(cell)
          : (Object) (float) Double.longBitsToDouble(cell);
    };
  }
}
