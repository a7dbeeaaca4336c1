package io.nemeton.codecs;

import java.util.SplittableRandom;

/** Value generators for the match tests: ids of a given width, in shapes that exercise every path. */
final class MatchBlocks {
  private MatchBlocks() {}

  /** {@code count} values spanning at most {@code width} bits above a random base. */
  static int[] values(SplittableRandom random, int count, int width) {
    final int base = random.nextBoolean() ? 0 : random.nextInt();
    final int[] values = new int[count];
    final int shape = random.nextInt(3);
    int i = 0;
    while (i < count) {
      final int offset = (int) SeededTrials.bits(random, width);
      // shape 0: every value random; 1: runs (run-length blocks); 2: a dense value, as a 10 % id is
      final int length = shape == 1 ? 1 + random.nextInt(40) : 1;
      for (int k = 0; k < length && i < count; k++, i++) {
        values[i] = base + (shape == 2 && random.nextInt(10) != 0 ? (int) SeededTrials.bits(random, Math.min(width, 2))
            : offset);
      }
    }
    if (count > 0 && random.nextBoolean()) {
      values[random.nextInt(count)] = base + (int) (width == 0 ? 0 : (1L << width) - 1); // the top of the frame
    }
    return values;
  }

  /** A value present, absent, at the minimum or maximum, or just outside either. */
  static int pickValue(SplittableRandom random, int[] values, int count) {
    if (count == 0) {
      return random.nextInt();
    }
    int min = values[0];
    int max = values[0];
    for (int i = 1; i < count; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return switch (random.nextInt(7)) {
      case 0, 1 -> values[random.nextInt(count)];
      case 2 -> min;
      case 3 -> max;
      case 4 -> min - 1;
      case 5 -> max + 1;
      default -> random.nextInt();
    };
  }

  static boolean allEqual(int[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (values[i] != values[0]) {
        return false;
      }
    }
    return true;
  }
}
