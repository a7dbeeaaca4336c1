package io.nemeton.bitmap;

import java.util.SplittableRandom;

/**
 * Runs property trials over seeded generators. The base seed is random unless the system property
 * {@code nemeton.seed} fixes it; a failing trial's seed is in the failure message, to be replayed
 * with {@code -Dnemeton.seed=SEED} and kept as a regression case. {@code
 * -Dnemeton.trialsMultiplier=N} runs N times as many trials, for a longer hunt.
 */
final class Seeds {
  private Seeds() {}

  interface Trial {
    void run(SplittableRandom random) throws Exception;
  }

  static void trials(int count, Trial trial) {
    final String fixed = System.getProperty("nemeton.seed");
    final long base = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
    final int multiplier = Integer.getInteger("nemeton.trialsMultiplier", 1);
    final int trials = fixed != null ? 1 : count * multiplier;
    for (int t = 0; t < trials; t++) {
      final long seed = base + t;
      runWithSeed(seed, trial);
    }
  }

  static void runWithSeed(long seed, Trial trial) {
    try {
      trial.run(new SplittableRandom(seed));
    } catch (Throwable failure) {
      throw new AssertionError("property failed with seed=" + seed + " (replay: -Dnemeton.seed=" + seed + "): " + failure, failure);
    }
  }
}
