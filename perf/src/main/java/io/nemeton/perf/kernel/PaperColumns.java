package io.nemeton.perf.kernel;

import io.nemeton.bench.DeterministicRandom;
import io.nemeton.bench.ZipfSampler;

/**
 * The paper schema's query columns as plain arrays, the shape the kernels see after decoding: the
 * dictionary ids of {@code dim_high} (Zipf 0.8 over 1 M values, ranks mapped to ids by a fixed
 * random bijection as a sorted dictionary would) and the four metrics with the distributions of
 * {@code io.nemeton.bench.PaperSchema}. Deterministic for a seed.
 */
final class PaperColumns {
  static final int ROWS = 10_000_000;
  static final int BATCH = 1024;
  static final int DIM_HIGH_CARDINALITY = 1_000_000;

  final int[] dimHigh = new int[ROWS];
  final int[] dim10 = new int[ROWS];
  final long[] metric1 = new long[ROWS];
  final long[] metric2 = new long[ROWS];
  final double[] metric3 = new double[ROWS];
  final double[] metric4 = new double[ROWS];

  /** Columns with {@code dim_high} Zipf-distributed, or uniform when {@code uniform}. */
  PaperColumns(long seed, boolean uniform) {
    final DeterministicRandom random = new DeterministicRandom(seed);
    final int[] idOfRank = new int[DIM_HIGH_CARDINALITY];
    for (int i = 0; i < idOfRank.length; i++) {
      idOfRank[i] = i;
    }
    for (int i = idOfRank.length - 1; i > 0; i--) {
      final int j = random.nextInt(i + 1);
      final int swap = idOfRank[i];
      idOfRank[i] = idOfRank[j];
      idOfRank[j] = swap;
    }
    final ZipfSampler zipf = new ZipfSampler(DIM_HIGH_CARDINALITY, 0.8);
    for (int row = 0; row < ROWS; row++) {
      dimHigh[row] =
          uniform
              ? random.nextInt(DIM_HIGH_CARDINALITY)
              : idOfRank[(int) zipf.sample(random) - 1];
      dim10[row] = random.nextInt(10);
      metric1[row] = random.nextLong(10_001);
      metric2[row] = random.nextLong(1_000_000_001L);
      metric3[row] = random.nextLong(1_000_001) / 100.0;
      metric4[row] = random.nextLong(10_001) / 10_000.0;
    }
  }
}
