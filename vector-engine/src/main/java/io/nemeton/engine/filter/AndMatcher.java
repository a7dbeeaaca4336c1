package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;

/** Applies matchers one after another, each to the survivors of the last. Not thread-safe. */
final class AndMatcher implements RowMatcher {
  private final RowMatcher[] matchers;

  AndMatcher(RowMatcher[] matchers) {
    this.matchers = matchers;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    int remaining = count;
    int[] input = positions;
    for (RowMatcher matcher : matchers) {
      remaining = matcher.match(block, input, remaining, out);
      input = out;
      if (remaining == 0) {
        break;
      }
    }
    return remaining;
  }
}
