package io.nemeton.engine.cursor;

/**
 * Row values of one column as Java objects: {@code Long}, {@code Float}, {@code Double}, {@code
 * String}, a {@code List<String>} for a multi-value row, {@code byte[]} for a complex value, or null.
 * The generic path: used by scan output, expressions and filters the typed matchers do not cover;
 * it boxes, so hot aggregation loops never use it.
 *
 * <p>Not thread-safe; reads through the per-thread readers it was built on.
 */
public abstract class ValueBlocks {

  /** The value at {@code position} of block {@code block}. */
  public abstract Object value(int block, int position);
}
