package io.nemeton.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentInfoTest {
  @Test
  void segmentIdPrintsMillisecondsAsDruidDoes() {
    SegmentInfo first = new SegmentInfo("rollup", 1514764800000L, 1514851200000L, "2024-05-01T00:00:00.000Z", 0, Map.of());
    assertEquals("rollup_2018-01-01T00:00:00.000Z_2018-01-02T00:00:00.000Z_2024-05-01T00:00:00.000Z", first.segmentId());
    SegmentInfo third = new SegmentInfo("rollup", 1514764800000L, 1514851200000L, "v", 2, Map.of());
    assertEquals("rollup_2018-01-01T00:00:00.000Z_2018-01-02T00:00:00.000Z_v_2", third.segmentId());
  }

  @Test
  void reversedIntervalIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new SegmentInfo("d", 10, 5, "v", 0, Map.of()));
    assertEquals("segment interval end=5 is before start=10", error.getMessage());
  }
}
