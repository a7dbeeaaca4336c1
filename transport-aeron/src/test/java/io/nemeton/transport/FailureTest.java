package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Deadlines, cancellation, handler failures and refusals end in clear errors, never in a hang. */
@Timeout(60)
class FailureTest {
  private static final byte[] QUERY = {'{', '}'};

  @TempDir Path temp;

  static QueryException failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
    return assertInstanceOf(QueryException.class, e.getCause());
  }

  /** Parks until the request is cancelled, records why, and lets the sink say it was aborted. */
  static void waitForCancel(QueryRequest request, ResultSink sink, AtomicReference<CancelReason> seen,
      CountDownLatch started) {
    started.countDown();
    while (!request.isCancelled()) {
      LockSupport.parkNanos(1_000_000);
    }
    seen.set(request.cancelReason());
    sink.sendPartial(new byte[1]); // throws QueryAbortedException
  }

  @Test
  void deadlineFailsTheCallAndTheServerSeesCancel() throws Exception {
    AtomicReference<CancelReason> seen = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.UDP,
        (request, sink) -> waitForCancel(request, sink, seen, started),
        config -> config.withDeadlineGraceMs(60_000), config -> config)) {
      long start = System.currentTimeMillis();
      QueryException error = failure(harness.connection.send(QUERY, List.of("s"), deadlineInMs(300)));
      assertEquals(QueryErrorCodes.QUERY_TIMEOUT, error.errorCode());
      assertTrue(error.getMessage().startsWith("request id=1 to server=test-server channel=aeron:udp"), error.getMessage());
      assertTrue(error.getMessage().contains("passed its deadline epochMs="), error.getMessage());
      assertTrue(System.currentTimeMillis() - start < 5_000);
      awaitCondition(() -> seen.get() != null);
      assertEquals(CancelReason.CANCELLED_BY_CLIENT, seen.get());
      assertEquals(1, harness.server.stats().cancelsReceived());
      awaitCondition(() -> harness.server.stats().queriesAborted() == 1);
    }
  }

  @Test
  void cancellingTheFutureCancelsOnTheServer() throws Exception {
    AtomicReference<CancelReason> seen = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC,
        (request, sink) -> waitForCancel(request, sink, seen, started))) {
      CompletableFuture<List<byte[]>> future = harness.connection.send(QUERY, List.of(), deadlineInMs(30_000));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      future.cancel(true);
      awaitCondition(() -> seen.get() != null);
      assertEquals(CancelReason.CANCELLED_BY_CLIENT, seen.get());
    }
  }

  @Test
  void serverCancelsOnItsOwnAfterDeadlineAndGrace() throws Exception {
    AtomicReference<CancelReason> seen = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC,
        (request, sink) -> waitForCancel(request, sink, seen, started),
        config -> config.withDeadlineGraceMs(0), config -> config)) {
      // A listener that ignores the client's own timeout path is not needed: the server's timer races the
      // client's CANCEL; either reason is correct, and the work stops.
      failure(harness.connection.send(QUERY, List.of(), deadlineInMs(200)));
      awaitCondition(() -> seen.get() != null);
      assertTrue(seen.get() == CancelReason.DEADLINE_PASSED || seen.get() == CancelReason.CANCELLED_BY_CLIENT);
    }
  }

  @Test
  void handlerExceptionsBecomeErrorFrames() throws Exception {
    QueryHandler handler = (request, sink) -> {
      switch (request.queryText()) {
        case "throw" -> throw new IllegalStateException("column=page dictionary id=7 out of range limit=5");
        case "limit" -> throw new QueryException(QueryErrorCodes.RESOURCE_LIMIT_EXCEEDED, "x.Limits", "rows=10 limit=5");
        case "fail" -> {
          sink.sendPartial(new byte[] {1});
          sink.fail(QueryErrorCodes.UNSUPPORTED_OPERATION, "x.Planner", "queryType=nope");
        }
        default -> { } // returns without finishing
      }
    };
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC, handler)) {
      QueryException thrown = failure(harness.connection.send("throw".getBytes(), List.of(), deadlineInMs(10_000)));
      assertEquals(QueryErrorCodes.UNKNOWN_EXCEPTION, thrown.errorCode());
      assertEquals(IllegalStateException.class.getName(), thrown.errorClass());
      assertEquals("column=page dictionary id=7 out of range limit=5", thrown.getMessage());

      QueryException limit = failure(harness.connection.send("limit".getBytes(), List.of(), deadlineInMs(10_000)));
      assertEquals(QueryErrorCodes.RESOURCE_LIMIT_EXCEEDED, limit.errorCode());
      assertEquals("x.Limits", limit.errorClass());
      assertEquals("rows=10 limit=5", limit.getMessage());

      QueryException failed = failure(harness.connection.send("fail".getBytes(), List.of(), deadlineInMs(10_000)));
      assertEquals(QueryErrorCodes.UNSUPPORTED_OPERATION, failed.errorCode());
      assertEquals("queryType=nope", failed.getMessage());

      QueryException unfinished = failure(harness.connection.send("other".getBytes(), List.of(), deadlineInMs(10_000)));
      assertEquals("query handler returned without finishing request id=4 (call sendLast, complete or fail)",
          unfinished.getMessage());
      assertEquals(4, harness.server.stats().queriesFailed());
      assertTrue(harness.connection.isOpen());
    }
  }

  @Test
  void fullQueueRefusesWithCapacityExceeded() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    QueryHandler handler = (request, sink) -> {
      started.countDown();
      release.await(20, TimeUnit.SECONDS);
      sink.complete();
    };
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC, handler,
        config -> config.withWorkers(1, 0), config -> config)) {
      CompletableFuture<List<byte[]>> first = harness.connection.send(QUERY, List.of(), deadlineInMs(20_000));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      QueryException refused = failure(harness.connection.send(QUERY, List.of(), deadlineInMs(20_000)));
      assertEquals(QueryErrorCodes.QUERY_CAPACITY_EXCEEDED, refused.errorCode());
      assertEquals("server=test-server is busy: workers=1 and queue capacity=0 are all taken; request id=2 refused",
          refused.getMessage());
      release.countDown();
      assertEquals(0, first.get(10, TimeUnit.SECONDS).size());
    }
  }

  @Test
  void deadlineAlreadyPassedFailsAtOnce() throws Exception {
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC, (r, s) -> s.complete())) {
      QueryException error = failure(harness.connection.send(QUERY, List.of(), System.currentTimeMillis() - 1));
      assertEquals(QueryErrorCodes.QUERY_TIMEOUT, error.errorCode());
    }
  }

  @Test
  void oversizedQueryIsRefusedBeforeSending() {
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC, (r, s) -> s.complete())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> harness.connection.send(new byte[9000], List.of(), deadlineInMs(1000)));
      assertTrue(e.getMessage().startsWith("query frame bytes=9040 exceeds the largest message bytes=8192 of channel=aeron:ipc"),
          e.getMessage());
    }
  }

  static void awaitCondition(java.util.function.BooleanSupplier condition) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("condition not met within 20 s");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
