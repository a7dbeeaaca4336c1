package io.nemeton.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.TestColumn;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time-ordered scans over segments whose rows share timestamps: newest first is exactly the
 * oldest-first order reversed (ties included), and merging merged partials — a broker merging the
 * partials its data nodes merged — gives the same rows in the same order as one merge of all.
 */
class ScanMergeOrderTest {
  private static final long T = 1_577_836_800_000L;

  @Test
  void descendingIsAscendingReversedAndMergingTwiceChangesNothing() {
    final List<ColumnarSegment> built = List.of(segment(0, "a", "b", "c"), segment(1, "d", "e"), segment(2, "f", "g"));
    final List<QueryableSegment> segments = new ArrayList<>();
    for (ColumnarSegment segment : built) {
      segments.add(QueryableSegment.of(segment));
    }
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final List<String> ascending = names(engine.run(query("ascending"), segments));
      final List<String> descending = names(engine.run(query("descending"), segments));
      assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), ascending, "equal times keep segment and row order");
      assertEquals(List.of("g", "f", "e", "d", "c", "b", "a"), descending, "newest first is the reverse");
      for (String order : List.of("ascending", "descending", "none")) {
        final Query query = query(order);
        final List<PartialResult> partials = new ArrayList<>();
        for (QueryableSegment segment : segments) {
          partials.add(engine.runSegment(query, segment));
        }
        final String once = ResultJson.write(engine.finish(query, engine.merge(query, partials)));
        final PartialResult first = engine.merge(query, partials.subList(0, 2));
        final PartialResult second = engine.merge(query, partials.subList(2, 3));
        final String twice = ResultJson.write(engine.finish(query, engine.merge(query, List.of(first, second))));
        assertEquals(once, twice, "order " + order);
      }
    } finally {
      TestSegments.closeAll(segments);
    }
  }

  /** All rows at the same instant, in the given order. */
  private static ColumnarSegment segment(int partition, String... names) {
    final List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : names) {
      rows.add(Map.of("__time", T, "name", name));
    }
    return TestSegments.build(new SegmentInfo("t", T, T + 86_400_000L, "v1", partition, Map.of()),
        List.of(TestColumn.string("name")), rows);
  }

  private static Query query(String order) {
    return QueryParser.parse("{\"queryType\":\"scan\",\"dataSource\":\"t\",\"intervals\":[\"2019/2021\"],"
        + "\"columns\":[\"name\"],\"resultFormat\":\"compactedList\",\"order\":\"" + order + "\"}");
  }

  private static List<String> names(List<Object> answer) {
    final List<String> names = new ArrayList<>();
    for (Object batch : answer) {
      for (Object event : (List<?>) ((Map<?, ?>) batch).get("events")) {
        names.add((String) ((List<?>) event).get(0));
      }
    }
    return names;
  }
}
