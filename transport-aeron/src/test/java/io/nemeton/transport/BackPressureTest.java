package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A consumer that stops reading fills the server's window: the server's offers are back-pressured
 * and retried, and when the consumer reads again every byte arrives, in order.
 */
@Timeout(60)
class BackPressureTest {
  private static final int PARTIALS = 200;
  private static final int PARTIAL_BYTES = 10_000;

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(TransportHarness.Transport.class)
  void slowConsumerLosesNothing(TransportHarness.Transport transport) throws Exception {
    QueryHandler handler = (request, sink) -> {
      for (int i = 0; i < PARTIALS; i++) {
        sink.sendPartial(LargeResultTest.bytes(i, PARTIAL_BYTES));
      }
      sink.complete();
    };
    try (TransportHarness harness = new TransportHarness(temp, transport, handler)) {
      List<byte[]> received = new ArrayList<>();
      QueryServer server = harness.server;
      PartialResultListener slow = new PartialResultListener() {
        @Override
        public void onPartial(DirectBuffer buffer, int offset, int length) {
          if (received.isEmpty()) {
            // Hold the client's only receiving thread until the server has felt the back-pressure.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.stats().backPressureRetries() == 0 && System.nanoTime() < giveUp) {
              LockSupport.parkNanos(1_000_000);
            }
          }
          byte[] copy = new byte[length];
          buffer.getBytes(offset, copy);
          received.add(copy);
        }

        @Override
        public void onComplete() {}

        @Override
        public void onError(QueryException error) {}
      };
      QueryCall call = harness.connection.stream(new byte[] {'{', '}'}, List.of(), deadlineInMs(40_000), slow);
      call.completion().get(40, TimeUnit.SECONDS);
      assertTrue(server.stats().backPressureRetries() > 0, "the server never met back-pressure");
      assertEquals(PARTIALS, received.size());
      for (int i = 0; i < PARTIALS; i++) {
        assertArrayEquals(LargeResultTest.bytes(i, PARTIAL_BYTES), received.get(i), "partial " + i);
      }
    }
  }
}
