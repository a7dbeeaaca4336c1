package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.transport.frame.FrameHeader;
import io.nemeton.transport.frame.FrameLimits;
import io.nemeton.transport.frame.FrameReader;
import io.nemeton.transport.frame.FrameType;
import io.nemeton.transport.frame.HelloFrame;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server that closes, goes silent or was never there ends calls with a clear error well before their deadline. */
@Timeout(60)
class ServerLossTest {
  private static final byte[] QUERY = {'{', '}'};

  @TempDir Path temp;

  @Test
  void serverClosedMidQuery() throws Exception {
    AtomicReference<CancelReason> seen = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.UDP,
        (request, sink) -> FailureTest.waitForCancel(request, sink, seen, started))) {
      long start = System.currentTimeMillis();
      CompletableFuture<List<byte[]>> future = harness.connection.send(QUERY, List.of("s"), deadlineInMs(30_000));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      harness.server.close();
      QueryException error = FailureTest.failure(future);
      assertEquals(QueryErrorCodes.QUERY_INTERRUPTED, error.errorCode());
      assertEquals("server=test-server closed while request id=1 was running", error.getMessage());
      assertTrue(System.currentTimeMillis() - start < 10_000);
      assertEquals(CancelReason.SERVER_CLOSING, seen.get());
      FailureTest.awaitCondition(() -> !harness.connection.isOpen());
      QueryException after = FailureTest.failure(harness.connection.send(QUERY, List.of(), deadlineInMs(30_000)));
      assertEquals(QueryErrorCodes.QUERY_INTERRUPTED, after.errorCode());
      assertTrue(after.getMessage().contains("is closed: the server said goodbye"), after.getMessage());
    }
  }

  @Test
  void silentServerIsDetectedByHeartbeats() throws Exception {
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), TransportHarness.SMALL_TERMS);
        RawPeer fakeServer = new RawPeer(driver.directory(), "aeron:ipc", 4001);
        QueryClient client = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:ipc", 4002)
            .withClientName("c").withHeartbeat(100, 500))) {
      CompletableFuture<ServerConnection> connecting =
          CompletableFuture.supplyAsync(() -> client.connect("aeron:ipc", 4001, 10_000));
      FrameHeader header = new FrameHeader(FrameLimits.DEFAULT);
      HelloFrame hello = new FrameReader().readHello(fakeServer.next(header));
      fakeServer.openOutbound(hello.responseChannel(), hello.responseStreamId());
      fakeServer.send(fakeServer.writer.writeWelcome(fakeServer.buffer, 0, hello.connectionId(), 4096, 100, "mute"));
      ServerConnection connection = connecting.get(10, TimeUnit.SECONDS);

      long start = System.currentTimeMillis();
      QueryException error = FailureTest.failure(connection.send(QUERY, List.of(), deadlineInMs(30_000)));
      long elapsed = System.currentTimeMillis() - start;
      assertEquals(QueryErrorCodes.QUERY_INTERRUPTED, error.errorCode());
      assertTrue(error.getMessage().contains("the server was silent for ms="), error.getMessage());
      assertTrue(error.getMessage().endsWith("limit=500"), error.getMessage());
      assertTrue(elapsed < 5_000, "took ms=" + elapsed);
      assertFalse(connection.isOpen());
      // It did send its heartbeats and its query meanwhile.
      assertEquals(FrameType.QUERY, fakeServer.next(header).type());
    }
  }

  @Test
  void noServerListening() {
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), TransportHarness.SMALL_TERMS);
        QueryClient client = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:ipc", 4002))) {
      TransportException e = assertThrows(TransportException.class, () -> client.connect("aeron:ipc", 4999, 300));
      assertEquals("no server is listening on channel=aeron:ipc stream=4999 (waited timeoutMs=300)", e.getMessage());
    }
  }

  @Test
  void clientCloseFailsCallsInFlight() throws Exception {
    AtomicReference<CancelReason> seen = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC,
        (request, sink) -> FailureTest.waitForCancel(request, sink, seen, started))) {
      CompletableFuture<List<byte[]>> future = harness.connection.send(QUERY, List.of(), deadlineInMs(30_000));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      harness.client.close();
      QueryException error = FailureTest.failure(future);
      assertEquals(QueryErrorCodes.QUERY_INTERRUPTED, error.errorCode());
      FailureTest.awaitCondition(() -> seen.get() != null);
      assertEquals(CancelReason.CLIENT_GONE, seen.get());
      assertThrows(TransportException.class, () -> harness.client.connect(harness.server.channel(), 1001, 1000));
    }
  }
}
