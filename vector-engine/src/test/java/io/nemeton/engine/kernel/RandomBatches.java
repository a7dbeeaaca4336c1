package io.nemeton.engine.kernel;

import java.util.SplittableRandom;

/**
 * Seeded generators of hostile batches for the kernel property tests: batch sizes at the edges,
 * extreme values, NaN/infinities/signed zeros, random selections and null masks. Every test prints
 * its seed in failure messages; set {@code -Dnemeton.test.seed=N} to replay one.
 */
final class RandomBatches {
  static final int BATCH = 1024;
  private static final int[] EDGE_SIZES = {0, 1, 7, 8, 9, 1023, 1024};

  private final SplittableRandom random;

  RandomBatches(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The seed for this run: the system property when set, else a fresh one. */
  static long seed() {
    final String fixed = System.getProperty("nemeton.test.seed");
    return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
  }

  SplittableRandom random() {
    return random;
  }

  int batchSize() {
    return random.nextInt(3) == 0 ? random.nextInt(BATCH + 1) : EDGE_SIZES[random.nextInt(EDGE_SIZES.length)];
  }

  long[] longs(int count) {
    final long[] values = new long[BATCH];
    final int kind = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      values[i] =
          switch (kind) {
            case 0 -> random.nextLong(-1000, 1000);
            case 1 -> random.nextLong();
            case 2 -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3) : Long.MIN_VALUE + random.nextInt(3);
            default -> extremeLong();
          };
    }
    return values;
  }

  private long extremeLong() {
    return switch (random.nextInt(6)) {
      case 0 -> Long.MAX_VALUE;
      case 1 -> Long.MIN_VALUE;
      case 2 -> 0;
      case 3 -> -1;
      default -> random.nextLong();
    };
  }

  double[] doubles(int count) {
    final double[] values = new double[BATCH];
    final int kind = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      values[i] =
          switch (kind) {
            case 0 -> random.nextDouble(-1000, 1000);
            case 1 -> Double.longBitsToDouble(random.nextLong());
            case 2 -> random.nextInt(50) == 0 ? extremeDouble() : random.nextDouble() * 1e300;
            default -> extremeDouble();
          };
    }
    return values;
  }

  private double extremeDouble() {
    return switch (random.nextInt(12)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> 0.0;
      case 4 -> -0.0;
      case 5 -> Double.MAX_VALUE;
      case 6 -> -Double.MAX_VALUE;
      case 7 -> Double.MIN_VALUE;
      case 8 -> -Double.MIN_VALUE;
      case 9 -> Double.longBitsToDouble(0x7ff8_0000_0000_1234L); // a NaN with a payload
      default -> random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-300, 300));
    };
  }

  float[] floats(int count) {
    final double[] wide = doubles(count);
    final float[] values = new float[BATCH];
    for (int i = 0; i < count; i++) {
      values[i] = (float) wide[i];
    }
    return values;
  }

  /** Null flags at a random density (none, some, half, all). */
  boolean[] nulls(int count) {
    final boolean[] nulls = new boolean[BATCH];
    final double density = new double[] {0.0, 0.05, 0.5, 1.0}[random.nextInt(4)];
    for (int i = 0; i < count; i++) {
      nulls[i] = random.nextDouble() < density;
    }
    return nulls;
  }

  /** An ascending selection of the positions {@code [0, rowCount)}; its count is returned in [0]. */
  int[] selection(int rowCount, int[] countOut) {
    final int[] selection = new int[BATCH];
    final double density = new double[] {0.0, 0.01, 0.3, 0.9, 1.0}[random.nextInt(5)];
    int n = 0;
    for (int row = 0; row < rowCount; row++) {
      if (random.nextDouble() < density) {
        selection[n++] = row;
      }
    }
    countOut[0] = n;
    return selection;
  }

  /** Exact copy of {@code selection} sized to its count, so a kernel that reads past it fails. */
  static int[] tight(int[] selection, int count) {
    return java.util.Arrays.copyOf(selection, count);
  }
}
