package io.nemeton.node.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import io.nemeton.transport.QueryRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The historical parses a repeated query once (the broker leaves the per-request ids out, so a
 * repeated query has the same bytes), and answers a repeated query that was fast on the agent
 * thread; an unknown one goes to a worker.
 */
class ParsedQueriesTest {
  private static final String JSON = "{\"queryType\":\"timeseries\",\"dataSource\":\"w\","
      + "\"intervals\":[\"2024-01-01/2024-01-02\"],\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]";

  @Test
  void brokerLeavesTheRequestIdsOutSoRepeatsHaveTheSameBytes() {
    final Query first = QueryParser.parse(JSON + ",\"context\":{\"queryId\":\"a\",\"sqlQueryId\":\"s1\",\"priority\":3}}");
    final Query second = QueryParser.parse(JSON + ",\"context\":{\"queryId\":\"b\",\"priority\":3}}");
    final String a = RemoteLayout.withoutIds(first).toJson();
    assertEquals(a, RemoteLayout.withoutIds(second).toJson());
    assertFalse(a.contains("queryId"), a);
    assertTrue(a.contains("priority"), a);
    final Query plain = QueryParser.parse(JSON + "}");
    assertSame(plain, RemoteLayout.withoutIds(plain));
  }

  @Test
  void sameBytesParseOnce() {
    final ParsedQueries cache = new ParsedQueries();
    final byte[] bytes = RemoteLayout.query(JSON + "}", false);
    assertNull(cache.known(bytes));
    final ParsedQueries.Parsed first = cache.parse(bytes);
    assertSame(first, cache.parse(bytes.clone()));
    assertSame(first, cache.known(bytes.clone()));
    assertNotSame(first, cache.parse(RemoteLayout.query(JSON + "}", true)), "the per-segment flag is part of the key");
    for (int i = 0; i < ParsedQueries.CAPACITY + 10; i++) {
      cache.parse(RemoteLayout.query(JSON + ",\"context\":{\"priority\":" + i + "}}", false));
    }
    assertTrue(cache.size() <= ParsedQueries.CAPACITY, "size=" + cache.size());
  }

  @Test
  void aRepeatedFastQueryIsAnsweredInline() {
    final SegmentView nothingServed = new SegmentView() {
      @Override
      public List<io.nemeton.metadata.SegmentRecord> served() {
        return List.of();
      }

      @Override
      public SegmentLease acquire(java.util.Collection<String> segmentIds) {
        return SegmentLease.of(List.of());
      }
    };
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults())) {
      final HistoricalQueryHandler handler = new HistoricalQueryHandler(nothingServed, new EngineChoice(engine, null),
          new EnginePartialCodec());
      final QueryRequest request = new QueryRequest(1, System.currentTimeMillis() + 60_000,
          RemoteLayout.query(JSON + "}", false), List.of("s1"), "broker");
      assertFalse(handler.answersInline(request), "never seen: to a worker");
      boolean inline = false;
      for (int i = 0; i < 200 && !inline; i++) {
        final CollectingSink sink = new CollectingSink();
        handler.handle(request, sink);
        assertEquals(1, sink.results.size(), "the segment is reported missing");
        assertTrue(sink.completed);
        inline = handler.answersInline(request);
      }
      assertTrue(inline, "a query answered in microseconds is never answered inline");
    }
  }
}
