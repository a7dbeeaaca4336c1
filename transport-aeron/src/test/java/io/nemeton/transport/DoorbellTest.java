package io.nemeton.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wake-up signal of IPC readers: a ring wakes a sleeping owner at once, a reader that did not
 * announce its sleep is not rung, a ringer whose reader has no doorbell yet does nothing, and an
 * IPC round trip whose agents sleep on their doorbells answers well before their timeouts.
 */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class DoorbellTest {
  @TempDir Path temp;

  @Test
  void ringWakesAnArmedOwnerAndOnlyThen() throws Exception {
    try (Doorbell bell = Doorbell.open(temp.toString(), 77); DoorbellRinger ringer = new DoorbellRinger(temp.toString(), 77)) {
      assertTrue(Files.exists(Doorbell.path(temp.toString(), 77)));
      ringer.ring(); // not armed: nothing is sent
      assertFalse(bell.await(TimeUnit.MILLISECONDS.toNanos(20)), "rung while awake");

      bell.arm();
      final Thread ringing = Thread.ofPlatform().start(() -> {
        sleepMs(50);
        ringer.ring();
      });
      final long start = System.nanoTime();
      assertTrue(bell.await(TimeUnit.SECONDS.toNanos(20)), "the ring did not arrive");
      final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(tookMs < 10_000, "woke after ms=" + tookMs + ", not at the ring");
      ringing.join();
      assertEquals(0, flag(Doorbell.path(temp.toString(), 77)), "the ringer clears the sleeping flag");

      ringer.ring(); // flag cleared by the first ring: a second one sends nothing
      assertFalse(bell.await(TimeUnit.MILLISECONDS.toNanos(20)), "rung twice for one sleep");

      bell.arm();
      bell.nudge(); // a thread of the owner's process wakes it the same way
      assertTrue(bell.await(TimeUnit.SECONDS.toNanos(20)));
    }
  }

  @Test
  void ringerWithoutADoorbellDoesNothingAndFindsItLater() throws Exception {
    try (DoorbellRinger ringer = new DoorbellRinger(temp.toString(), 78)) {
      ringer.ring(); // no file yet
      try (Doorbell bell = Doorbell.open(temp.toString(), 78)) {
        bell.arm();
        final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean rung = false;
        while (!rung && System.nanoTime() < giveUp) {
          ringer.ring(); // looks for the file again after its retry interval
          rung = bell.await(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertTrue(rung, "the ringer never found the doorbell");
      }
    }
  }

  @Test
  void ipcRoundTripWithSleepingAgentsAnswersBeforeTheirTimeouts() throws Exception {
    // Agents that poll only once a second unless rung: answers in far less mean the rings woke them.
    final QueryHandler echo = (request, sink) -> sink.sendLast(request.query());
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC, echo,
        config -> config.withMaxParkMicros(1_000_000), config -> config.withMaxParkMicros(1_000_000))) {
      final long[] tookMs = new long[20];
      for (int i = 0; i < tookMs.length; i++) {
        sleepMs(20); // long enough for both agents to go to sleep
        final byte[] query = ("{\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        final long start = System.nanoTime();
        final List<byte[]> results = harness.connection.send(query, List.of(), TransportHarness.deadlineInMs(30_000))
            .get(30, TimeUnit.SECONDS);
        tookMs[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(new String(query), new String(results.get(0)));
      }
      java.util.Arrays.sort(tookMs);
      // Without rings each of the two hops waits for a wake-up somewhere in a second: a median near 500 ms.
      assertTrue(tookMs[tookMs.length / 2] < 150, "median round trip ms=" + tookMs[tookMs.length / 2]
          + " (all: " + java.util.Arrays.toString(tookMs) + "): the agents slept through their rings");
    }
  }

  private static int flag(Path file) throws Exception {
    try (Arena arena = Arena.ofConfined();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      final MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, Doorbell.FILE_BYTES, arena);
      return (int) Doorbell.INT.getVolatile(segment, Doorbell.SLEEPING_OFFSET);
    }
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
