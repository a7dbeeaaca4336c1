package io.nemeton.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Range filters on a mapped segment decide whole blocks from the block directory's bounds; over
 * values that rise with the row (so blocks are wholly inside or outside most ranges) the answers
 * equal those of the heap segment, which has no bounds and tests every row.
 */
@ExtendWith(LeakCheckExtension.class)
class BlockPruningTest {
  @TempDir
  Path directory;

  @Test
  void rangesOverBlockBoundsEqualRowByRowTests() {
    final int rows = 5000;
    final long[] times = new long[rows];
    final long[] longs = new long[rows];
    final double[] doubles = new double[rows];
    final float[] floats = new float[rows];
    for (int r = 0; r < rows; r++) {
      times[r] = 1_577_836_800_000L + r;
      longs[r] = r - 1000;
      doubles[r] = (r - 1000) / 4.0;
      floats[r] = (r - 1000) / 2f;
    }
    final ColumnarSegment built = new ColumnarSegment(
        new SegmentInfo("rising", times[0], times[0] + 86_400_000L, "v1", 0, Map.of()), rows).time(times)
        .longColumn("l", ColumnRole.METRIC, longs, null)
        .doubleColumn("d", ColumnRole.METRIC, doubles, null)
        .floatColumn("f", ColumnRole.METRIC, floats, null);
    final String[] filters = {
        "{\"type\":\"range\",\"column\":\"l\",\"matchValueType\":\"LONG\",\"lower\":24,\"upper\":2047}",
        "{\"type\":\"range\",\"column\":\"l\",\"matchValueType\":\"LONG\",\"lower\":24,\"lowerOpen\":true}",
        "{\"type\":\"not\",\"field\":{\"type\":\"range\",\"column\":\"l\",\"matchValueType\":\"LONG\",\"upper\":3071}}",
        "{\"type\":\"bound\",\"dimension\":\"l\",\"lower\":\"-1000\",\"upper\":\"23\",\"ordering\":\"numeric\"}",
        "{\"type\":\"range\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"lower\":6,\"upper\":767.75}",
        "{\"type\":\"range\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"lower\":6,\"lowerOpen\":true,\"upper\":512,\"upperOpen\":true}",
        "{\"type\":\"not\",\"field\":{\"type\":\"range\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"lower\":-250}}",
        "{\"type\":\"range\",\"column\":\"__time\",\"matchValueType\":\"LONG\",\"lower\":1577836801024,\"upper\":1577836803000}",
        "{\"type\":\"selector\",\"dimension\":\"f\",\"value\":\"12.5\"}"};
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1));
        QueryableSegment heap = TestSegments.open(built, TestSegments.Storage.HEAP, directory);
        QueryableSegment mapped = TestSegments.open(built, TestSegments.Storage.MAPPED, directory)) {
      for (String filter : filters) {
        for (long vectorSize : new long[] {7, 512, 1024}) {
          final Query query = QueryParser.parse("{\"queryType\":\"timeseries\",\"dataSource\":\"rising\","
              + "\"intervals\":[\"2019/2021\"],\"granularity\":\"all\",\"filter\":" + filter
              + ",\"context\":{\"vectorSize\":" + vectorSize + "},\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},"
              + "{\"type\":\"longSum\",\"name\":\"s\",\"fieldName\":\"l\"}]}");
          assertEquals(ResultJson.write(engine.run(query, List.of(heap))),
              ResultJson.write(engine.run(query, List.of(mapped))), filter + " vectorSize=" + vectorSize);
        }
      }
    }
  }
}
