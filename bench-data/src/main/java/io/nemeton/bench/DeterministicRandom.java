package io.nemeton.bench;

/**
 * A small, fast pseudo-random generator (the SplitMix64 sequence) whose output is fixed by its seed
 * on every JVM, so generated data sets are reproducible byte for byte across Java versions.
 *
 * <p>Not thread-safe: each block of generated rows uses its own instance, {@link #reset reset} to a
 * seed derived from the data set seed, the block number and the column (see {@link #streamSeed}).
 * Bounded draws use a 64-bit multiply-high, whose bias is at most {@code bound / 2^64}, far below
 * anything a benchmark could notice. Does not allocate.
 */
public final class DeterministicRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public DeterministicRandom(long seed) {
    state = seed;
  }

  /** Restarts the sequence from {@code seed}, so one instance can serve many blocks. */
  public void reset(long seed) {
    state = seed;
  }

  /** A well-mixed 64-bit function of its input (the SplitMix64 finaliser). */
  public static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The seed of one independent stream: a function of the data set seed, the block number and a
   * stream number (usually the column), so a block can be generated without generating the ones
   * before it, and a column's values do not change when another column draws more or fewer numbers.
   */
  public static long streamSeed(long seed, long block, int stream) {
    return mix(mix(seed ^ 0x5DEECE66DL) + mix(block * GOLDEN_GAMMA + stream) * 31 + stream);
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** A value in {@code [0, bound)}; {@code bound} must be positive. */
  public long nextLong(long bound) {
    return Math.unsignedMultiplyHigh(nextLong(), bound);
  }

  /** A value in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    return (int) Math.unsignedMultiplyHigh(nextLong(), bound);
  }

  /** A value in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** True with probability {@code probability}. */
  public boolean nextBoolean(double probability) {
    return nextDouble() < probability;
  }
}
