package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One client, several servers (UDP and IPC mixed): each answers its own queries; losing one spares the others. */
@Timeout(60)
class ScatterGatherTest {
  @TempDir Path temp;

  private static QueryHandler named(String name) {
    return (request, sink) -> {
      if (request.queryText().equals("hang")) {
        while (!sink.isCancelled()) {
          java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return;
      }
      for (String segment : request.segmentIds()) {
        sink.sendPartial((name + ":" + segment).getBytes(StandardCharsets.UTF_8));
      }
      sink.complete();
    };
  }

  @Test
  void scatterToThreeServersAndLoseOne() throws Exception {
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), TransportHarness.SMALL_TERMS);
        QueryServer first = QueryServer.start(QueryServerConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0", 1001)
            .withServerName("h1"), named("h1"));
        QueryServer second = QueryServer.start(QueryServerConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0", 1001)
            .withServerName("h2"), named("h2"));
        QueryServer third = QueryServer.start(QueryServerConfig.of(driver.directory(), "aeron:ipc", 1003)
            .withServerName("h3"), named("h3"));
        QueryClient client = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0", 2001))) {
      ServerConnection one = client.connect(first.channel(), 1001, 10_000);
      ServerConnection two = client.connect(second.channel(), 1001, 10_000);
      ServerConnection three = client.connect(third.channel(), 1003, 10_000);
      byte[] query = "q".getBytes(StandardCharsets.UTF_8);
      for (int round = 0; round < 20; round++) {
        CompletableFuture<List<byte[]>> a = one.send(query, List.of("s1", "s2"), deadlineInMs(10_000));
        CompletableFuture<List<byte[]>> b = two.send(query, List.of("s3"), deadlineInMs(10_000));
        CompletableFuture<List<byte[]>> c = three.send(query, List.of("s4"), deadlineInMs(10_000));
        assertEquals("h1:s2", new String(a.get(10, TimeUnit.SECONDS).get(1), StandardCharsets.UTF_8));
        assertEquals("h2:s3", new String(b.get(10, TimeUnit.SECONDS).get(0), StandardCharsets.UTF_8));
        assertEquals("h3:s4", new String(c.get(10, TimeUnit.SECONDS).get(0), StandardCharsets.UTF_8));
      }

      CompletableFuture<List<byte[]>> lost = two.send("hang".getBytes(StandardCharsets.UTF_8), List.of(), deadlineInMs(30_000));
      CompletableFuture<List<byte[]>> kept = one.send("hang".getBytes(StandardCharsets.UTF_8), List.of(), deadlineInMs(30_000));
      FailureTest.awaitCondition(() -> second.stats().queriesReceived() == 21);
      second.close();
      assertEquals(QueryErrorCodes.QUERY_INTERRUPTED, FailureTest.failure(lost).errorCode());
      assertTrue(one.isOpen() && three.isOpen());
      assertEquals(1, one.send(query, List.of("s9"), deadlineInMs(10_000)).get(10, TimeUnit.SECONDS).size());
      assertTrue(!kept.isDone());
      kept.cancel(true);
    }
  }
}
