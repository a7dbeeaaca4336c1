package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextBufferTest {
  @Test
  void formatsIntegersLikeTheJdk() {
    final long seed = 99L;
    final SplittableRandom random = new SplittableRandom(seed);
    final TextBuffer buffer = new TextBuffer(0);
    final long[] fixed = {0, 1, -1, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000L};
    for (long value : fixed) {
      buffer.clear();
      buffer.appendLong(value);
      assertEquals(Long.toString(value), buffer.toString());
    }
    for (int i = 0; i < 10_000; i++) {
      final long value = random.nextLong() >> random.nextInt(64);
      buffer.clear();
      buffer.appendLong(value);
      assertEquals(Long.toString(value), buffer.toString(), "seed=" + seed);
      buffer.clear();
      buffer.appendBase36(Math.abs(value == Long.MIN_VALUE ? 0 : value));
      assertEquals(Long.toString(Math.abs(value == Long.MIN_VALUE ? 0 : value), 36), buffer.toString(), "seed=" + seed);
    }
  }

  @Test
  void formatsFixedPointWithExactScale() {
    final long seed = 7L;
    final SplittableRandom random = new SplittableRandom(seed);
    final TextBuffer buffer = new TextBuffer(8);
    for (int i = 0; i < 10_000; i++) {
      final long unscaled = random.nextLong(2_000_000L);
      final int scale = 1 + random.nextInt(6);
      buffer.clear();
      buffer.appendFixedPoint(unscaled, scale);
      assertEquals(BigDecimal.valueOf(unscaled, scale).toPlainString(), buffer.toString(), "seed=" + seed);
    }
    buffer.clear();
    buffer.appendFixedPoint(5, 2);
    assertEquals("0.05", buffer.toString());
  }

  @Test
  void formatsTimesOfDay() {
    final DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    final TextBuffer buffer = new TextBuffer(16);
    for (int millis : new int[] {0, 1, 999, 1000, 59_999, 3_600_000, 45_296_789, 86_399_999}) {
      buffer.clear();
      buffer.appendTimeOfDay(millis);
      assertEquals(LocalTime.ofNanoOfDay(millis * 1_000_000L).format(format), buffer.toString());
    }
  }

  @Test
  void rejectsValuesOutsideTheirRange() {
    final TextBuffer buffer = new TextBuffer(16);
    assertEquals("millisOfDay=86400000: must be in [0, 86400000)",
        assertThrows(IllegalArgumentException.class, () -> buffer.appendTimeOfDay(86_400_000)).getMessage());
    assertEquals("base-36 value=-1: must be non-negative",
        assertThrows(IllegalArgumentException.class, () -> buffer.appendBase36(-1)).getMessage());
    assertEquals("fixed point unscaled=-5 scale=2: need unscaled >= 0 and scale in [1, 18]",
        assertThrows(IllegalArgumentException.class, () -> buffer.appendFixedPoint(-5, 2)).getMessage());
  }

  @Test
  void growsPastItsInitialCapacity() {
    final TextBuffer buffer = new TextBuffer(0);
    final StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      buffer.appendLong(i);
      buffer.append(',');
      expected.append(i).append(',');
    }
    assertEquals(expected.toString(), buffer.toString());
  }
}
