package io.nemeton.engine.cursor;

import io.nemeton.engine.expression.Expression;
import io.nemeton.engine.expression.ExpressionBinding;
import io.nemeton.engine.expression.ExpressionType;
import io.nemeton.engine.expression.ExpressionValue;
import java.util.List;

/**
 * An expression (a virtual column) evaluated row by row with the reference evaluator, over the
 * value readers of the columns it names. The generic path: it boxes and allocates per row. The last
 * row evaluated is remembered, so several consumers of one row evaluate it once. Not thread-safe.
 */
final class ExpressionValueBlocks extends ValueBlocks implements ExpressionBinding {
  private final Expression expression;
  private final ExpressionType outputType;
  private final List<String> names;
  private final ValueBlocks[] inputs;
  private int block = -1;
  private int position = -1;
  private Object current;

  /**
   * @param outputType the type results are cast to, or null to keep the evaluated type
   */
  ExpressionValueBlocks(Expression expression, ExpressionType outputType, List<String> names, ValueBlocks[] inputs) {
    this.expression = expression;
    this.outputType = outputType;
    this.names = names;
    this.inputs = inputs;
  }

  @Override
  public Object value(int block, int position) {
    if (block != this.block || position != this.position) {
      this.block = block;
      this.position = position;
      ExpressionValue value = expression.evaluate(this);
      if (outputType != null && value.type() != outputType) {
        value = value.castTo(outputType);
      }
      current = value.toJava();
    }
    return current;
  }

  @Override
  public Object get(String name) {
    final int index = names.indexOf(name);
    return index < 0 ? null : inputs[index].value(block, position);
  }
}
