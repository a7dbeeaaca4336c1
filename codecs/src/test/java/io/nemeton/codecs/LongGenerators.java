package io.nemeton.codecs;

import java.util.SplittableRandom;

/** Blocks of longs shaped like real columns, and some hostile ones. */
public final class LongGenerators {
  private LongGenerators() {}

  /** One of the shapes below, picked at random. */
  public static long[] mixed(SplittableRandom random, int count) {
    return switch (random.nextInt(8)) {
      case 0 -> narrow(random, count, random.nextInt(65));
      case 1 -> sortedTimes(random, count);
      case 2 -> runs(random, count, 1 + random.nextInt(200));
      case 3 -> extremes(random, count);
      case 4 -> constant(random, count);
      case 5 -> descending(random, count);
      case 6 -> runs(random, count, 1 + random.nextInt(4));
      default -> narrow(random, count, 1 + random.nextInt(32));
    };
  }

  /** Values in a random window of {@code width} bits, anywhere in the long range. */
  public static long[] narrow(SplittableRandom random, int count, int width) {
    final long base = random.nextLong();
    final long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = base + SeededTrials.bits(random, width);
    }
    return values;
  }

  /** Epoch millis, non-decreasing, with small steps. */
  public static long[] sortedTimes(SplittableRandom random, int count) {
    long now = 1_400_000_000_000L + random.nextLong(100_000_000_000L);
    final int step = 1 + random.nextInt(5000);
    final long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      now += random.nextInt(step);
      values[i] = now;
    }
    return values;
  }

  /** Runs averaging {@code meanRun} values. */
  public static long[] runs(SplittableRandom random, int count, int meanRun) {
    final long[] values = new long[count];
    long value = random.nextLong();
    for (int i = 0; i < count; i++) {
      if (random.nextInt(meanRun) == 0) {
        value = random.nextBoolean() ? random.nextLong() : value + random.nextInt(100) - 50;
      }
      values[i] = value;
    }
    return values;
  }

  /** Long.MIN_VALUE, Long.MAX_VALUE, 0, -1 and neighbours. */
  public static long[] extremes(SplittableRandom random, int count) {
    final long[] pool = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
    final long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = pool[random.nextInt(pool.length)];
    }
    return values;
  }

  public static long[] constant(SplittableRandom random, int count) {
    final long[] values = new long[count];
    java.util.Arrays.fill(values, random.nextLong());
    return values;
  }

  /** Strictly decreasing, sometimes by large steps that overflow. */
  public static long[] descending(SplittableRandom random, int count) {
    final long[] values = new long[count];
    long value = random.nextLong();
    final long step = random.nextBoolean() ? 1 + random.nextInt(1000) : random.nextLong() >>> 2;
    for (int i = 0; i < count; i++) {
      value -= step;
      values[i] = value;
    }
    return values;
  }
}
