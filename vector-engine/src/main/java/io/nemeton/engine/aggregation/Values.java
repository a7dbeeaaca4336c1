package io.nemeton.engine.aggregation;

/** Comparisons of result values. Stateless. */
public final class Values {
  private Values() {
  }

  /**
   * Orders two result values: nulls first, numbers by value (longs exactly), strings by text,
   * anything else by its string form.
   */
  public static int compareNumbers(Object left, Object right) {
    if (left == right) {
      return 0;
    }
    if (left == null) {
      return -1;
    }
    if (right == null) {
      return 1;
    }
    if (left instanceof Long a && right instanceof Long b) {
      return Long.compare(a, b);
    }
    if (left instanceof Number a && right instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return left.toString().compareTo(right.toString());
  }
}
