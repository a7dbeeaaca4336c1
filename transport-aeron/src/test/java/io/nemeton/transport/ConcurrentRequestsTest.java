package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many requests in flight at once on one connection, sent from several threads, each gets its own answer. */
@Timeout(60)
class ConcurrentRequestsTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 100;

  @TempDir Path temp;

  /** Answers query text "n" with partials derived from n, sizes up to a few chunks. */
  private static void answer(QueryRequest request, ResultSink sink) {
    int n = Integer.parseInt(request.queryText());
    sink.sendPartial(LargeResultTest.bytes(n, n % 20_000));
    sink.sendLast(request.queryText().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyRequestGetsItsOwnResults() throws Exception {
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.UDP,
        ConcurrentRequestsTest::answer, config -> config.withWorkers(2, 1024), config -> config)) {
      ExecutorService senders = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<CompletableFuture<List<byte[]>>>>> batches = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int base = t * PER_THREAD;
          batches.add(senders.submit(() -> {
            List<CompletableFuture<List<byte[]>>> futures = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
              byte[] query = Integer.toString(base + i).getBytes(StandardCharsets.UTF_8);
              futures.add(harness.connection.send(query, List.of("s" + i), deadlineInMs(30_000)));
            }
            return futures;
          }));
        }
        for (int t = 0; t < THREADS; t++) {
          List<CompletableFuture<List<byte[]>>> futures = batches.get(t).get(30, TimeUnit.SECONDS);
          for (int i = 0; i < PER_THREAD; i++) {
            int n = t * PER_THREAD + i;
            List<byte[]> results = futures.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(2, results.size(), "request " + n);
            assertArrayEquals(LargeResultTest.bytes(n, n % 20_000), results.get(0), "request " + n);
            assertEquals(Integer.toString(n), new String(results.get(1), StandardCharsets.UTF_8));
          }
        }
      } finally {
        senders.shutdownNow();
      }
      assertEquals(THREADS * PER_THREAD, harness.server.stats().queriesCompleted());
    }
  }
}
