package io.nemeton.engine.filter;

/**
 * A filter's test of one value with SQL three-valued logic: {@link #TRUE}, {@link #FALSE} or
 * {@link #UNKNOWN} (a comparison with null). Values are {@code String}, a {@code Number} or null;
 * multi-value rows are tested value by value by the caller. A {@code not} filter keeps the rows
 * whose test is FALSE, never those that are UNKNOWN.
 *
 * <p>Implementations are thread-safe. The generic path: called per dictionary id when the column
 * has a dictionary, per row otherwise.
 */
@FunctionalInterface
public interface ValueTest {
  int TRUE = 1;
  int FALSE = 0;
  int UNKNOWN = -1;

  int test(Object value);
}
