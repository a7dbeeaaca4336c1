package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeterministicRandomTest {
  @Test
  void matchesTheSplitMix64ReferenceSequence() {
    // First outputs of SplitMix64 from state 0, as published with the algorithm.
    final DeterministicRandom random = new DeterministicRandom(0);
    assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
    assertEquals(0x06C45D188009454FL, random.nextLong());
  }

  @Test
  void resetRestartsTheSequence() {
    final DeterministicRandom random = new DeterministicRandom(7);
    final long first = random.nextLong();
    random.nextLong();
    random.reset(7);
    assertEquals(first, random.nextLong());
  }

  @Test
  void boundedDrawsStayInRangeAndCoverIt() {
    final DeterministicRandom random = new DeterministicRandom(11);
    final int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) {
      counts[random.nextInt(7)]++;
      final long value = random.nextLong(1_000_000_001L);
      assertTrue(value >= 0 && value <= 1_000_000_000L, "value=" + value);
      final double unit = random.nextDouble();
      assertTrue(unit >= 0 && unit < 1, "unit=" + unit);
    }
    for (int count : counts) {
      assertTrue(Math.abs(count - 10_000) < 500, "count=" + count);
    }
  }

  @Test
  void streamSeedsDifferByBlockAndStream() {
    assertNotEquals(DeterministicRandom.streamSeed(1, 0, 0), DeterministicRandom.streamSeed(1, 1, 0));
    assertNotEquals(DeterministicRandom.streamSeed(1, 0, 0), DeterministicRandom.streamSeed(1, 0, 1));
    assertNotEquals(DeterministicRandom.streamSeed(1, 0, 0), DeterministicRandom.streamSeed(2, 0, 0));
    assertEquals(DeterministicRandom.streamSeed(5, 9, 3), DeterministicRandom.streamSeed(5, 9, 3));
  }
}
