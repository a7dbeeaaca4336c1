package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests the handler calls small run on the server's agent thread: answered like any other,
 * errors included, and a client that stops reading makes the agent queue the rest of the result
 * instead of waiting, which then arrives complete and in order.
 */
@Timeout(60)
class InlineAnswerTest {
  private static final int PARTIALS = 200;
  private static final int PARTIAL_BYTES = 10_000;

  @TempDir Path temp;

  /** A handler that answers every request inline. */
  private abstract static class Inline implements QueryHandler {
    @Override
    public boolean answersInline(QueryRequest request) {
      return true;
    }
  }

  @ParameterizedTest
  @EnumSource(TransportHarness.Transport.class)
  void answersOnTheAgentThread(TransportHarness.Transport transport) throws Exception {
    final AtomicReference<String> thread = new AtomicReference<>();
    final QueryHandler handler = new Inline() {
      @Override
      public void handle(QueryRequest request, ResultSink sink) {
        thread.set(Thread.currentThread().getName());
        if (request.query().length == 0) {
          throw new QueryException(QueryErrorCodes.UNSUPPORTED_OPERATION, "empty query");
        }
        sink.sendLast(request.query());
      }
    };
    try (TransportHarness harness = new TransportHarness(temp, transport, handler)) {
      for (int i = 0; i < 50; i++) {
        final byte[] query = ("q" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        final List<byte[]> results = harness.connection.send(query, List.of("s"), deadlineInMs(20_000)).get(20, TimeUnit.SECONDS);
        assertArrayEquals(query, results.get(0));
      }
      assertTrue(thread.get().startsWith("query-server-"), "ran on " + thread.get());
      final var failed = harness.connection.send(new byte[0], List.of(), deadlineInMs(20_000));
      final var error = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
          () -> failed.get(20, TimeUnit.SECONDS));
      assertEquals(QueryErrorCodes.UNSUPPORTED_OPERATION, ((QueryException) error.getCause()).errorCode());
      assertEquals(51, harness.server.stats().queriesReceived());
      assertEquals(1, harness.server.stats().queriesFailed());
    }
  }

  @ParameterizedTest
  @EnumSource(TransportHarness.Transport.class)
  void slowConsumerOfAnInlineAnswerLosesNothing(TransportHarness.Transport transport) throws Exception {
    final QueryHandler handler = new Inline() {
      @Override
      public void handle(QueryRequest request, ResultSink sink) {
        for (int i = 0; i < PARTIALS; i++) {
          sink.sendPartial(LargeResultTest.bytes(i, PARTIAL_BYTES));
        }
        sink.complete();
      }
    };
    try (TransportHarness harness = new TransportHarness(temp, transport, handler)) {
      final List<byte[]> received = new ArrayList<>();
      final QueryServer server = harness.server;
      final PartialResultListener slow = new PartialResultListener() {
        @Override
        public void onPartial(DirectBuffer buffer, int offset, int length) {
          if (received.isEmpty()) {
            final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.stats().backPressureRetries() == 0 && System.nanoTime() < giveUp) {
              LockSupport.parkNanos(1_000_000);
            }
          }
          final byte[] copy = new byte[length];
          buffer.getBytes(offset, copy);
          received.add(copy);
        }

        @Override
        public void onComplete() {}

        @Override
        public void onError(QueryException error) {}
      };
      final QueryCall call = harness.connection.stream(new byte[] {'{', '}'}, List.of(), deadlineInMs(40_000), slow);
      call.completion().get(40, TimeUnit.SECONDS);
      assertTrue(server.stats().backPressureRetries() > 0, "the server never met back-pressure");
      assertEquals(PARTIALS, received.size());
      for (int i = 0; i < PARTIALS; i++) {
        assertArrayEquals(LargeResultTest.bytes(i, PARTIAL_BYTES), received.get(i), "partial " + i);
      }
    }
  }
}
