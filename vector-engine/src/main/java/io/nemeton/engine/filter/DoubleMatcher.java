package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.storage.BlockBounds;
import io.nemeton.engine.storage.NumericBlocks;

/**
 * Tests double values (float columns widened) against a range with open or closed ends, or a set
 * of values compared with {@code ==}; NaN is never inside. Null rows take a fixed result; {@code
 * negated} as in {@link LongMatcher}. Not thread-safe.
 */
final class DoubleMatcher implements RowMatcher {
  private final NumericBlocks numbers;
  private final double low;
  private final boolean lowOpen;
  private final double high;
  private final boolean highOpen;
  private final double[] set;
  private final boolean negated;
  private final boolean nullResult;
  private final BlockBounds bounds;

  /** @param set the values, or null to test the range; infinite bounds for open-ended ranges */
  DoubleMatcher(NumericBlocks numbers, double low, boolean lowOpen, double high, boolean highOpen, double[] set,
      boolean negated, boolean nullMatches) {
    this.numbers = numbers;
    this.low = low;
    this.lowOpen = lowOpen;
    this.high = high;
    this.highOpen = highOpen;
    this.set = set;
    this.negated = negated;
    this.nullResult = !negated && nullMatches;
    this.bounds = numbers instanceof BlockBounds known ? known : null;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    final boolean[] nulls = numbers.nulls(block);
    if (set == null && nulls == null && bounds != null) {
      final double min = bounds.blockMinDouble(block);
      final double max = bounds.blockMaxDouble(block);
      final boolean noneInside = (lowOpen ? max <= low : max < low) || (highOpen ? min >= high : min > high);
      final boolean allInside = !Double.isNaN(max) && (lowOpen ? min > low : min >= low)
          && (highOpen ? max < high : max <= high);
      if (allInside || noneInside) {
        if (allInside == negated) {
          return 0;
        }
        System.arraycopy(positions, 0, out, 0, count);
        return count;
      }
    }
    final double[] values = numbers.doubles(block);
    final boolean keepInside = !negated;
    int kept = 0;
    if (set == null) {
      final double lowest = low;
      final double highest = high;
      final boolean lowExclusive = lowOpen;
      final boolean highExclusive = highOpen;
      for (int i = 0; i < count; i++) {
        final int position = positions[i];
        final double value = values[position];
        final boolean inside = (lowExclusive ? value > lowest : value >= lowest)
            && (highExclusive ? value < highest : value <= highest);
        final boolean keep = nulls != null && nulls[position] ? nullResult : inside == keepInside;
        if (keep) {
          out[kept++] = position;
        }
      }
      return kept;
    }
    final double[] members = set;
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      final double value = values[position];
      boolean inside = false;
      for (double member : members) {
        inside |= value == member;
      }
      final boolean keep = nulls != null && nulls[position] ? nullResult : inside == keepInside;
      if (keep) {
        out[kept++] = position;
      }
    }
    return kept;
  }
}
