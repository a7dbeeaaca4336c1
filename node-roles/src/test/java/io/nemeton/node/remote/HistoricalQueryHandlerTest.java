package io.nemeton.node.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.node.broker.ParsedQueryTexts;
import io.nemeton.node.testing.TestSegments;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import io.nemeton.segment.format.Segment;
import io.nemeton.transport.QueryRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a historical sends for a sub-query (results encoded into its per-thread buffer, segments
 * matched to the asked ids without a map), and the broker's caches of parsed bodies and encoded
 * sub-queries.
 */
@ExtendWith(LeakCheckExtension.class)
class HistoricalQueryHandlerTest {
  private static final String QUERY = "{\"queryType\":\"timeseries\",\"dataSource\":\"w\","
      + "\"intervals\":[\"2024-01-01/2024-01-05\"],\"granularity\":\"day\",\"aggregations\":["
      + "{\"type\":\"count\",\"name\":\"rows\"},{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}]}";

  @Test
  void answersTheAskedSegmentsInOrderAndReportsTheMissingOnes(@TempDir Path directory) throws Exception {
    final List<QueryableSegment> segments = segments(directory);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final Query query = QueryParser.parse(QUERY);
      final EnginePartialCodec codec = new EnginePartialCodec();
      final List<String> ids = List.of(segments.get(0).segmentId(), "w_gone", segments.get(2).segmentId(),
          segments.get(1).segmentId());
      final String expected = ResultJson.write(engine.finish(query, engine.merge(query, List.of(
          engine.runSegment(query, segments.get(0)), engine.runSegment(query, segments.get(2)),
          engine.runSegment(query, segments.get(1))))));
      for (boolean asked : new boolean[] {true, false}) {
        // the lease in the asked order (as the historical's) and in another order (the map fallback)
        final HistoricalQueryHandler handler = new HistoricalQueryHandler(view(segments, asked),
            new EngineChoice(engine, null), codec);
        for (int round = 0; round < 3; round++) {
          final CollectingSink sink = new CollectingSink();
          handler.handle(new QueryRequest(round, System.currentTimeMillis() + 60_000,
              RemoteLayout.query(QUERY, false), ids, "broker"), sink);
          assertTrue(sink.completed);
          assertEquals(2, sink.results.size());
          final RemoteLayout.Result missing = read(sink.results.get(0), ids.size());
          assertEquals(RemoteLayout.KIND_MISSING, missing.kind());
          assertArrayEquals(new int[] {1}, missing.indexes());
          final RemoteLayout.Result answer = read(sink.results.get(1), ids.size());
          assertEquals(RemoteLayout.KIND_SEGMENTS, answer.kind());
          assertArrayEquals(new int[] {0, 2, 3}, answer.indexes());
          final PartialResult partial = codec.decode(query, answer.partial(), 0, answer.partial().length);
          assertEquals(expected, ResultJson.write(engine.finish(query, engine.merge(query, List.of(partial)))),
              "lease in asked order=" + asked + " round " + round);
        }
      }
      // per segment: one result each, the same bytes as encoding that segment's partial alone
      final HistoricalQueryHandler handler = new HistoricalQueryHandler(view(segments, true),
          new EngineChoice(engine, null), codec);
      final CollectingSink sink = new CollectingSink();
      handler.handle(new QueryRequest(9, System.currentTimeMillis() + 60_000, RemoteLayout.query(QUERY, true),
          List.of(segments.get(1).segmentId(), segments.get(2).segmentId()), "broker"), sink);
      assertTrue(sink.completed);
      assertEquals(2, sink.results.size());
      for (int i = 0; i < 2; i++) {
        final RemoteLayout.Result one = read(sink.results.get(i), 2);
        assertArrayEquals(new int[] {i}, one.indexes());
        assertArrayEquals(codec.encode(query, engine.runSegment(query, segments.get(1 + i))), one.partial());
      }
    } finally {
      for (QueryableSegment segment : segments) {
        segment.close();
      }
    }
  }

  @Test
  void encodedSubQueriesAreTheQueryWithoutItsIds() {
    final EncodedQueries encoded = new EncodedQueries();
    final Query first = QueryParser.parse(QUERY.replace("]}", "],\"context\":{\"queryId\":\"a\",\"priority\":2}}"));
    final Query second = QueryParser.parse(QUERY.replace("]}", "],\"context\":{\"queryId\":\"b\",\"priority\":2}}"));
    final byte[] bytes = encoded.bytes(first, false);
    assertArrayEquals(RemoteLayout.query(RemoteLayout.withoutIds(first).toJson(), false), bytes);
    assertSame(bytes, encoded.bytes(second, false), "only the ids differ: the same bytes");
    assertArrayEquals(RemoteLayout.query(RemoteLayout.withoutIds(first).toJson(), true), encoded.bytes(first, true));
    for (int i = 0; i < EncodedQueries.CAPACITY + 10; i++) {
      encoded.bytes(QueryParser.parse(QUERY.replace("]}", "],\"context\":{\"priority\":" + i + "}}")), false);
    }
    assertTrue(encoded.size() <= 2 * EncodedQueries.CAPACITY, "size=" + encoded.size());
  }

  @Test
  void repeatedBodiesAreParsedOnce() {
    final ParsedQueryTexts texts = new ParsedQueryTexts();
    final Query first = texts.parse(QUERY);
    assertSame(first, texts.parse(new String(QUERY.toCharArray())));
    assertEquals(QueryParser.parse(QUERY), first);
    for (int i = 0; i < ParsedQueryTexts.CAPACITY + 10; i++) {
      texts.parse(QUERY.replace("]}", "],\"context\":{\"priority\":" + i + "}}"));
    }
    assertTrue(texts.size() <= ParsedQueryTexts.CAPACITY, "size=" + texts.size());
  }

  private static RemoteLayout.Result read(byte[] bytes, int segments) {
    return RemoteLayout.readResult(new UnsafeBuffer(bytes), 0, bytes.length, segments);
  }

  private static List<QueryableSegment> segments(Path directory) throws Exception {
    final StringBuilder rows = new StringBuilder();
    for (int day = 1; day <= 3; day++) {
      for (int row = 0; row < 50; row++) {
        rows.append(String.format("{\"ts\":\"2024-01-%02dT%02d:00:00Z\",\"page\":\"p%d\",\"user\":\"u\",\"added\":%d}%n",
            day, row % 24, row % 5, day * 100 + row));
      }
    }
    final List<QueryableSegment> out = new ArrayList<>();
    for (Path file : TestSegments.ingest(directory, "w", "2024-02-01T00:00:00.000Z", "day", rows.toString())) {
      out.add(QueryableSegment.owning(Segment.open(file)));
    }
    out.sort((a, b) -> Long.compare(a.minTimeMs(), b.minTimeMs()));
    assertEquals(3, out.size());
    return out;
  }

  /** Serves {@code segments}; the lease lists the asked ones in the asked order, or reversed. */
  private static SegmentView view(List<QueryableSegment> segments, boolean askedOrder) {
    return new SegmentView() {
      @Override
      public List<io.nemeton.metadata.SegmentRecord> served() {
        return List.of();
      }

      @Override
      public SegmentLease acquire(Collection<String> segmentIds) {
        final List<QueryableSegment> held = new ArrayList<>();
        for (String id : segmentIds) {
          for (QueryableSegment segment : segments) {
            if (segment.segmentId().equals(id)) {
              held.add(askedOrder ? held.size() : 0, segment);
            }
          }
        }
        return SegmentLease.of(held);
      }
    };
  }
}
