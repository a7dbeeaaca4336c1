package io.nemeton.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller that sleeps on the client's doorbell for its own answers ({@link QueryClient#awaitAsGuest}):
 * the answers wake it, every call of the scatter has ended when it returns, and calls of other threads
 * still end while it waits and after it leaves. The agents park for a second when not rung, so a
 * median of far less shows that the rings, not the timeouts, moved the answers.
 */
@Timeout(120)
class GuestWaitTest {
  private static final long LONG_PARK_MICROS = 1_000_000;

  @TempDir Path temp;

  /** Echoes the query after the number of milliseconds it names. */
  private static void delayedEcho(QueryRequest request, ResultSink sink) {
    final int delayMs = Integer.parseInt(request.queryText().split(":")[0]);
    try {
      Thread.sleep(delayMs); // the server's work, not the test's waiting
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.sendLast(request.query());
  }

  private static TransportHarness harness(Path directory) {
    return new TransportHarness(directory, TransportHarness.Transport.IPC, GuestWaitTest::delayedEcho,
        config -> config.withMaxParkMicros(LONG_PARK_MICROS).withWorkers(4, 64),
        config -> config.withMaxParkMicros(LONG_PARK_MICROS));
  }

  private static byte[] query(int delayMs, int n) {
    return (delayMs + ":" + n).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theAnswersWakeTheGuestAndEveryCallHasEndedWhenItReturns() throws Exception {
    try (TransportHarness harness = harness(temp)) {
      final long[] tookMs = new long[20];
      final AtomicInteger deliveredHere = new AtomicInteger();
      for (int i = 0; i < tookMs.length; i++) {
        final Thread self = Thread.currentThread();
        final List<QueryCall> calls = new ArrayList<>();
        final long start = System.nanoTime();
        for (int k = 0; k < 3; k++) {
          calls.add(harness.connection.stream(query(k * 2, i * 3 + k), List.of("s" + k),
              TransportHarness.deadlineInMs(30_000), new Listener(self, deliveredHere)));
        }
        assertTrue(harness.client.awaitAsGuest(calls, System.nanoTime() + TimeUnit.SECONDS.toNanos(30)),
            "the only caller may sleep on the doorbell");
        tookMs[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        for (QueryCall call : calls) {
          assertTrue(call.isDone(), "call " + call.requestId() + " still open after the guest returned");
          call.await(1); // succeeded
        }
      }
      Arrays.sort(tookMs);
      assertTrue(tookMs[tookMs.length / 2] < 150, "median scatter ms=" + tookMs[tookMs.length / 2]
          + " (all: " + Arrays.toString(tookMs) + "): the guest slept through its rings");
      assertTrue(deliveredHere.get() > 0, "no answer was delivered on the waiting thread");
      assertEquals(0, harness.client.openCalls.get(), "open calls after all ended");
    }
  }

  @Test
  void onlyOneGuestAtATimeAndTheOthersWaitOnTheirFutures() throws Exception {
    try (TransportHarness harness = harness(temp)) {
      final QueryCall slow = harness.connection.stream(query(300, 0), List.of(), TransportHarness.deadlineInMs(30_000),
          new Listener(null, new AtomicInteger()));
      final CountDownLatch guestIn = new CountDownLatch(1);
      final AtomicBoolean firstWasGuest = new AtomicBoolean();
      final Thread first = Thread.ofPlatform().start(() -> {
        guestIn.countDown();
        firstWasGuest.set(harness.client.awaitAsGuest(List.of(slow), System.nanoTime() + TimeUnit.SECONDS.toNanos(30)));
      });
      guestIn.await();
      while (harness.client.guests.get() == 0 && first.isAlive()) {
        Thread.onSpinWait();
      }
      final QueryCall quick = harness.connection.stream(query(0, 1), List.of(), TransportHarness.deadlineInMs(30_000),
          new Listener(null, new AtomicInteger()));
      if (harness.client.guests.get() == 1) {
        assertFalse(harness.client.awaitAsGuest(List.of(quick), System.nanoTime() + TimeUnit.SECONDS.toNanos(30)),
            "a second guest while the first one waits");
      }
      quick.await(30_000); // its answer is read by the guest's duty cycle
      first.join(30_000);
      assertTrue(firstWasGuest.get());
      assertTrue(slow.isDone());
    }
  }

  @Test
  void callsOfOtherThreadsEndWhileAGuestWaitsAndAfterItLeaves() throws Exception {
    try (TransportHarness harness = harness(temp)) {
      final AtomicBoolean stop = new AtomicBoolean();
      final AtomicReference<Throwable> failure = new AtomicReference<>();
      final AtomicInteger guestRounds = new AtomicInteger();
      final Thread guest = Thread.ofPlatform().start(() -> {
        try {
          for (int n = 0; !stop.get(); n++) {
            final QueryCall call = harness.connection.stream(query(5, n), List.of(),
                TransportHarness.deadlineInMs(30_000), new Listener(null, new AtomicInteger()));
            harness.client.awaitAsGuest(List.of(call), System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            call.await(30_000);
            guestRounds.incrementAndGet();
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      // Calls whose senders only hold futures: while the guest comes and goes, the agent or the guest reads them.
      final long[] tookMs = new long[100];
      for (int i = 0; i < tookMs.length; i++) {
        final long start = System.nanoTime();
        final CompletableFuture<List<byte[]>> answer =
            harness.connection.send(query(1, 1_000 + i), List.of(), TransportHarness.deadlineInMs(30_000));
        answer.get(30, TimeUnit.SECONDS);
        tookMs[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      stop.set(true);
      guest.join(30_000);
      if (failure.get() != null) {
        throw new AssertionError("guest thread failed", failure.get());
      }
      assertTrue(guestRounds.get() > 0, "the guest never waited");
      // with the guest gone, the agent must be listening again
      final long start = System.nanoTime();
      harness.connection.send(query(0, 9_999), List.of(), TransportHarness.deadlineInMs(30_000)).get(30, TimeUnit.SECONDS);
      final long afterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Arrays.sort(tookMs);
      assertTrue(tookMs[tookMs.length / 2] < 150, "median ms=" + tookMs[tookMs.length / 2] + " of calls of other"
          + " threads (all: " + Arrays.toString(tookMs) + "): their answers waited for a parked agent");
      assertTrue(afterMs < 900, "a call after the guest left took ms=" + afterMs + ": the agent was not listening");
      assertEquals(0, harness.client.openCalls.get(), "open calls after all ended");
    }
  }

  /** Counts completions on {@code waiter} (null: counts nothing). */
  private record Listener(Thread waiter, AtomicInteger deliveredOnWaiter) implements PartialResultListener {
    @Override
    public void onPartial(DirectBuffer buffer, int offset, int length) {}

    @Override
    public void onComplete() {
      if (waiter != null && Thread.currentThread() == waiter) {
        deliveredOnWaiter.incrementAndGet();
      }
    }

    @Override
    public void onError(QueryException error) {}
  }
}
