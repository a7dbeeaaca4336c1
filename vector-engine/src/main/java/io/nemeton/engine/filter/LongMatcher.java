package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.storage.BlockBounds;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.Arrays;

/**
 * Tests long values against an inclusive range {@code [low, high]} or a sorted set; null rows
 * take a fixed result. With {@code negated} a non-null row matches when the test fails (null rows
 * then never match: a comparison with null is UNKNOWN). Blocks whose bounds are known decide
 * without decoding when they lie wholly inside or outside the range. Not thread-safe.
 */
final class LongMatcher implements RowMatcher {
  private final NumericBlocks numbers;
  private final long low;
  private final long high;
  private final long[] set;
  private final boolean negated;
  private final boolean nullResult;
  private final BlockBounds bounds;

  /** @param set sorted values, or null to test the range */
  LongMatcher(NumericBlocks numbers, long low, long high, long[] set, boolean negated, boolean nullMatches) {
    this.numbers = numbers;
    this.low = low;
    this.high = high;
    this.set = set;
    this.negated = negated;
    this.nullResult = !negated && nullMatches;
    this.bounds = numbers instanceof BlockBounds known ? known : null;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    final boolean[] nulls = numbers.nulls(block);
    if (set == null && nulls == null && bounds != null) {
      // a block wholly inside or wholly outside the range is decided without decoding it
      final long min = bounds.blockMinLong(block);
      final long max = bounds.blockMaxLong(block);
      final boolean allInside = min >= low && max <= high;
      final boolean noneInside = max < low || min > high;
      if (allInside || noneInside) {
        if (allInside == negated) {
          return 0;
        }
        System.arraycopy(positions, 0, out, 0, count);
        return count;
      }
    }
    final long[] values = numbers.longs(block);
    final boolean keepInside = !negated;
    int kept = 0;
    if (set == null) {
      final long lowest = low;
      final long highest = high;
      if (nulls == null) {
        for (int i = 0; i < count; i++) {
          final int position = positions[i];
          final long value = values[position];
          if ((value >= lowest && value <= highest) == keepInside) {
            out[kept++] = position;
          }
        }
      } else {
        for (int i = 0; i < count; i++) {
          final int position = positions[i];
          final long value = values[position];
          final boolean keep = nulls[position] ? nullResult : (value >= lowest && value <= highest) == keepInside;
          if (keep) {
            out[kept++] = position;
          }
        }
      }
      return kept;
    }
    final long[] members = set;
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      final boolean keep = nulls != null && nulls[position] ? nullResult
          : (Arrays.binarySearch(members, values[position]) >= 0) == keepInside;
      if (keep) {
        out[kept++] = position;
      }
    }
    return kept;
  }
}
