package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZipfSamplerTest {
  /** Observed rank frequencies match the exact Zipf probabilities within five standard deviations. */
  @Test
  void frequenciesMatchTheExactDistribution() {
    final long seed = 20260101L;
    for (double exponent : new double[] {0.5, 0.8, 1.0, 1.3, 2.8}) {
      final int n = 1000;
      final int draws = 200_000;
      final ZipfSampler sampler = new ZipfSampler(n, exponent);
      final DeterministicRandom random = new DeterministicRandom(seed);
      final int[] counts = new int[n + 1];
      for (int i = 0; i < draws; i++) {
        final long rank = sampler.sample(random);
        assertTrue(rank >= 1 && rank <= n, "seed=" + seed + " rank=" + rank);
        counts[(int) rank]++;
      }
      double normaliser = 0;
      for (int k = 1; k <= n; k++) {
        normaliser += Math.pow(k, -exponent);
      }
      for (int k = 1; k <= 20; k++) {
        final double expected = draws * Math.pow(k, -exponent) / normaliser;
        final double tolerance = 5 * Math.sqrt(expected) + 1;
        assertTrue(Math.abs(counts[k] - expected) < tolerance,
            "seed=" + seed + " exponent=" + exponent + " rank=" + k + " observed=" + counts[k] + " expected=" + expected);
      }
    }
  }

  @Test
  void edgeSizesStayInRange() {
    final DeterministicRandom random = new DeterministicRandom(3);
    final ZipfSampler single = new ZipfSampler(1, 1.0);
    final ZipfSampler huge = new ZipfSampler(1L << 40, 0.7);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(1, single.sample(random));
      final long rank = huge.sample(random);
      assertTrue(rank >= 1 && rank <= 1L << 40, "rank=" + rank);
    }
  }

  @Test
  void rejectsBadParameters() {
    assertEquals("Zipf rank count n=0: must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> new ZipfSampler(0, 1.0)).getMessage());
    assertEquals("Zipf exponent=0.0: must be in (0, 20]",
        assertThrows(IllegalArgumentException.class, () -> new ZipfSampler(10, 0.0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ZipfSampler(10, Double.NaN));
  }
}
