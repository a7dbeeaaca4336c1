package io.nemeton.codecs;

import java.util.SplittableRandom;

/**
 * Runs a property over seeded random generators and names the seed of a failing trial, so that it
 * can be replayed with {@link #replay}.
 */
public final class SeededTrials {
  /** A property checked against one generator. */
  @FunctionalInterface
  public interface Property {
    void check(SplittableRandom random) throws Exception;
  }

  private SeededTrials() {}

  /** Checks {@code property} for seeds {@code firstSeed .. firstSeed + trials - 1}. */
  public static void run(String name, long firstSeed, int trials, Property property) {
    for (long seed = firstSeed; seed < firstSeed + trials; seed++) {
      replay(name, seed, property);
    }
  }

  /** Checks {@code property} for one seed. */
  public static void replay(String name, long seed, Property property) {
    try {
      property.check(new SplittableRandom(seed));
    } catch (Throwable failure) {
      System.err.println(name + " failed with seed=" + seed);
      throw new AssertionError(name + " failed with seed=" + seed + ": " + failure, failure);
    }
  }

  /** A block size: mostly the usual 1024, often small or odd, now and then up to the 65536 limit. */
  public static int blockSize(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> 1 + random.nextInt(8);
      case 2, 3 -> 1024;
      case 4 -> random.nextInt(4096);
      case 5 -> 256 * (1 + random.nextInt(8)) + random.nextInt(3) - 1;
      case 6 -> random.nextInt(600);
      default -> random.nextInt(100) == 0 ? 65536 - random.nextInt(2) : random.nextInt(2048);
    };
  }

  /** A random value of exactly {@code width} bits or fewer (0..64), unsigned. */
  public static long bits(SplittableRandom random, int width) {
    if (width == 0) {
      return 0;
    }
    final long value = random.nextLong();
    return width == 64 ? value : value & ((1L << width) - 1);
  }
}
