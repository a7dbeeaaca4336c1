package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.cursor.ValueBlocks;
import java.util.List;

/**
 * Tests boxed row values with a {@link ValueTest}: the fallback for filters that neither the
 * indexes nor a typed matcher answer (expressions, virtual columns, extraction functions on
 * numbers, string orderings on numbers). A multi-value row is TRUE when any value is, FALSE when
 * every value is. Not thread-safe; boxes per row.
 */
final class GenericMatcher implements RowMatcher {
  private final ValueBlocks values;
  private final ValueTest test;
  private final int wanted;

  GenericMatcher(ValueBlocks values, ValueTest test, boolean negated) {
    this.values = values;
    this.test = test;
    this.wanted = negated ? ValueTest.FALSE : ValueTest.TRUE;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      if (truth(test, values.value(block, position)) == wanted) {
        out[kept++] = position;
      }
    }
    return kept;
  }

  /** The test of a row value, combining the values of a multi-value row. */
  static int truth(ValueTest test, Object value) {
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return test.test(null);
      }
      int result = ValueTest.FALSE;
      for (Object element : list) {
        final int truth = test.test(element);
        if (truth == ValueTest.TRUE) {
          return ValueTest.TRUE;
        }
        if (truth == ValueTest.UNKNOWN) {
          result = ValueTest.UNKNOWN;
        }
      }
      return result;
    }
    return test.test(value);
  }
}
