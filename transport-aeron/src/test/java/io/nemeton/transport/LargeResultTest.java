package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Results far larger than one Aeron message (8 KiB here) are cut into frames and put back together. */
@Timeout(60)
class LargeResultTest {
  @TempDir Path temp;

  static byte[] bytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(TransportHarness.Transport.class)
  void severalMegabytesReassembled(TransportHarness.Transport transport) throws Exception {
    byte[] big = bytes(1, 5 * 1024 * 1024 + 17);
    byte[] exactChunk = bytes(2, 8192 - 28);
    byte[] tail = bytes(3, 3 * 1024 * 1024);
    QueryHandler handler = (request, sink) -> {
      sink.sendPartial(big);
      sink.sendPartial(new UnsafeBuffer(exactChunk), 0, exactChunk.length);
      sink.sendPartial(new byte[0]);
      sink.sendLast(tail);
    };
    try (TransportHarness harness = new TransportHarness(temp, transport, handler)) {
      List<byte[]> results = harness.connection.send(new byte[] {'{', '}'}, List.of("s"), deadlineInMs(30_000))
          .get(30, TimeUnit.SECONDS);
      assertEquals(4, results.size());
      assertArrayEquals(big, results.get(0));
      assertArrayEquals(exactChunk, results.get(1));
      assertEquals(0, results.get(2).length);
      assertArrayEquals(tail, results.get(3));
      assertTrue(harness.server.stats().queriesCompleted() == 1);
    }
  }
}
