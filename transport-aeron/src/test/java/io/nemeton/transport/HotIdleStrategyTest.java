package io.nemeton.transport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The agents' idle strategy: short parks while traffic is recent, long ones once cold; bad bounds refused. */
@Timeout(30)
class HotIdleStrategyTest {
  @Test
  void refusesBoundsThatDoNotNest() {
    assertThrows(IllegalArgumentException.class, () -> new HotIdleStrategy(0, 1_000, 1_000));
    assertThrows(IllegalArgumentException.class, () -> new HotIdleStrategy(2_000, 1_000, 1_000));
    assertThrows(IllegalArgumentException.class, () -> new HotIdleStrategy(1_000, -1, 1_000));
  }

  @Test
  void staysResponsiveWithinTheWindowAndBacksOffAfterIt() {
    // Hot: parks of 1 µs for a whole second; 200 idles take far less than the 200 x 50 ms a cold strategy would.
    final HotIdleStrategy hot = new HotIdleStrategy(1_000, 1_000_000_000L, 50_000_000L);
    hot.idle(1);
    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      hot.idle(0);
    }
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "hot idles took ns=" + (System.nanoTime() - start));

    // Cold (no window): the parks double up to 50 ms, so 20 idles after the 25 spins and yields take over 50 ms.
    final HotIdleStrategy cold = new HotIdleStrategy(1_000, 0, 50_000_000L);
    cold.idle(1);
    start = System.nanoTime();
    for (int i = 0; i < 25 + 20; i++) {
      cold.idle(0);
    }
    assertTrue(System.nanoTime() - start > 50_000_000L, "cold idles took only ns=" + (System.nanoTime() - start));

    // Work resets the backoff: the next idles spin again.
    cold.idle(3);
    start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      cold.idle(0);
    }
    assertTrue(System.nanoTime() - start < 50_000_000L, "spins after work took ns=" + (System.nanoTime() - start));
  }

  @Test
  void anAgentWithoutPeersParksLongerOnceCold() {
    // maxPark 1 ms, but without peers the parks keep doubling up to PEERLESS_PARK_NS (20 ms): after
    // the 25 spins and yields, 20 parks of 1 µs doubling and then capped at 20 ms take over 100 ms
    // (with peers they would take about 11 ms).
    final HotIdleStrategy idle = new HotIdleStrategy(1_000, 0, 1_000_000L);
    idle.peerless(true);
    idle.idle(1);
    final long start = System.nanoTime();
    for (int i = 0; i < 25 + 20; i++) {
      idle.idle(0);
    }
    assertTrue(HotIdleStrategy.PEERLESS_PARK_NS >= 20_000_000L, "default peerless park " + HotIdleStrategy.PEERLESS_PARK_NS);
    assertTrue(System.nanoTime() - start > 100_000_000L, "peerless idles took only ns=" + (System.nanoTime() - start));
  }
}
