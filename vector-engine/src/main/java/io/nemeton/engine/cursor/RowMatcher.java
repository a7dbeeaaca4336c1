package io.nemeton.engine.cursor;

/**
 * Keeps the rows of a batch that pass a filter which the indexes could not answer: reads the
 * columns it needs for the block and tests only the given positions. Implementations are final
 * classes specialised by column type; the type {@code switch} happens when the filter is planned.
 *
 * <p>Not thread-safe: matchers own scratch and column readers for one scan.
 */
public interface RowMatcher {

  /**
   * Writes to {@code out} the positions of {@code positions[0, count)} (ascending) that match, in
   * order, and returns how many. {@code out} may be {@code positions} itself.
   */
  int match(int block, int[] positions, int count, int[] out);
}
