package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class RoundTripTest {
  @TempDir Path temp;

  /** Echoes the query, then one partial per segment, then an empty last result. */
  private static void echo(QueryRequest request, ResultSink sink) {
    sink.sendPartial(request.query());
    for (String segment : request.segmentIds()) {
      sink.sendPartial(("segment:" + segment).getBytes(StandardCharsets.UTF_8));
    }
    sink.sendLast(new byte[0]);
  }

  @ParameterizedTest
  @EnumSource(TransportHarness.Transport.class)
  void queryAndPartialResults(TransportHarness.Transport transport) throws Exception {
    try (TransportHarness harness = new TransportHarness(temp, transport, RoundTripTest::echo)) {
      assertEquals("test-server", harness.connection.serverName());
      byte[] query = "{\"queryType\":\"timeseries\",\"dataSource\":\"wiki\"}".getBytes(StandardCharsets.UTF_8);
      List<byte[]> results = harness.connection.send(query, List.of("wiki_1", "wiki_2"), deadlineInMs(10_000))
          .get(10, TimeUnit.SECONDS);
      assertEquals(4, results.size());
      assertEquals(new String(query, StandardCharsets.UTF_8), new String(results.get(0), StandardCharsets.UTF_8));
      assertEquals("segment:wiki_1", new String(results.get(1), StandardCharsets.UTF_8));
      assertEquals("segment:wiki_2", new String(results.get(2), StandardCharsets.UTF_8));
      assertEquals(0, results.get(3).length);

      // A second query on the same connection, ending with complete() and no segments.
      List<byte[]> none = harness.connection.send(new byte[] {'{', '}'}, List.of(), deadlineInMs(10_000))
          .get(10, TimeUnit.SECONDS);
      assertEquals(2, none.size());
      QueryServerStats stats = harness.server.stats();
      assertEquals(2, stats.queriesReceived());
      assertEquals(2, stats.queriesCompleted());
      assertEquals(1, stats.connections());
      assertTrue(harness.connection.isOpen());
    }
  }

  @ParameterizedTest
  @EnumSource(TransportHarness.Transport.class)
  void completeWithoutLastResult(TransportHarness.Transport transport) throws Exception {
    QueryHandler handler = (request, sink) -> {
      sink.sendPartial(new byte[] {1, 2, 3});
      sink.complete();
    };
    try (TransportHarness harness = new TransportHarness(temp, transport, handler)) {
      List<byte[]> results = harness.connection.send(new byte[] {'{', '}'}, List.of("s"), deadlineInMs(10_000))
          .get(10, TimeUnit.SECONDS);
      assertEquals(1, results.size());
      assertEquals(3, results.get(0).length);
    }
  }
}
