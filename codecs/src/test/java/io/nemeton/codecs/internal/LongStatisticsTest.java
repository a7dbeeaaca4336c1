package io.nemeton.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.codecs.LongGenerators;
import io.nemeton.codecs.SeededTrials;
import org.junit.jupiter.api.Test;

/** The statistics without deltas agree with the full ones on every other figure, object reused. */
class LongStatisticsTest {
  @Test
  void withoutDeltasAgreesWithFullStatistics() {
    final LongStatistics reused = new LongStatistics();
    SeededTrials.run("statistics without deltas", 41_000, 300, random -> {
      final int count = SeededTrials.blockSize(random);
      final long[] values = LongGenerators.mixed(random, count);
      final LongStatistics full = LongStatistics.of(values, count);
      reused.computeWithoutDeltas(values, count);
      assertEquals(full.count, reused.count, "count");
      assertEquals(full.min, reused.min, "min");
      assertEquals(full.max, reused.max, "max");
      assertEquals(full.constant, reused.constant, "constant");
      assertEquals(full.runs, reused.runs, "runs");
      assertEquals(full.width(), reused.width(), "width");
      assertEquals(full.longestRun(), reused.longestRun(), "longest run");
      assertEquals(full.runsAreLong(), reused.runsAreLong(), "runs are long");
      assertEquals(0, reused.deltaMin, "deltaMin");
      assertEquals(0, reused.deltaMax, "deltaMax");
    });
  }
}
