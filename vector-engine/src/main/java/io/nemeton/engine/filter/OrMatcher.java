package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.storage.QueryableSegment;

/**
 * Keeps rows any matcher keeps; each matcher tests only the rows no earlier one kept. Not
 * thread-safe; owns scratch of one block.
 */
final class OrMatcher implements RowMatcher {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final RowMatcher[] matchers;
  private final boolean[] kept = new boolean[ROWS];
  private final int[] pending = new int[ROWS];
  private final int[] matched = new int[ROWS];

  OrMatcher(RowMatcher[] matchers) {
    this.matchers = matchers;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    final boolean[] flags = kept;
    System.arraycopy(positions, 0, pending, 0, count);
    int remaining = count;
    for (RowMatcher matcher : matchers) {
      if (remaining == 0) {
        break;
      }
      final int hits = matcher.match(block, pending, remaining, matched);
      for (int i = 0; i < hits; i++) {
        flags[matched[i]] = true;
      }
      int left = 0;
      for (int i = 0; i < remaining; i++) {
        if (!flags[pending[i]]) {
          pending[left++] = pending[i];
        }
      }
      remaining = left;
    }
    int result = 0;
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      if (flags[position]) {
        flags[position] = false;
        out[result++] = position;
      }
    }
    return result;
  }
}
