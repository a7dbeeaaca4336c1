package io.nemeton.bitmap;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

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
    trialsUntil(count, count, () -> true, trial);
  }

  /**
   * Like {@link #trials}, but after {@code count} trials goes on until {@code covered} holds, for at
   * most {@code limit} trials in all: for properties that also check that every case came up, which
   * a fixed number of random trials leaves to luck. A fixed seed runs one trial, as in {@link #trials}.
   */
  static void trialsUntil(int count, int limit, BooleanSupplier covered, Trial trial) {
    final String fixed = System.getProperty("nemeton.seed");
    final long base = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
    final int multiplier = Integer.getInteger("nemeton.trialsMultiplier", 1);
    final int least = fixed != null ? 1 : count * multiplier;
    final int most = fixed != null ? 1 : Math.max(least, limit);
    for (int t = 0; t < most && (t < least || !covered.getAsBoolean()); t++) {
      runWithSeed(base + t, trial);
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
