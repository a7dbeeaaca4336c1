package io.nemeton.engine.testing;

import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets golden query files name with {@code dataset: <name>}: {@code wiki} (Druid's it-wiki
 * rows, see {@link WikiData}) and {@code small} (four hand-written rows over two day segments with
 * a multi-value column and nulls, small enough to check answers by hand):
 *
 * <pre>
 * __time                  dim   tags        num   d     s
 * 2020-01-01T00:00:00Z    a     [t1, t2]    1     1.5   x
 * 2020-01-01T01:00:00Z    b     [t2]        null  2.5   ""
 * 2020-01-01T02:00:00Z    null  null        3     null  null
 * 2020-01-02T00:00:00Z    a     [t3, t1]    4     -1.0  y
 * </pre>
 */
public final class GoldenDatasets {
  private GoldenDatasets() {
  }

  public static List<ColumnarSegment> dataset(String name) {
    return switch (name) {
      case "wiki" -> WikiData.segments("wikipedia");
      case "small" -> small();
      default -> throw new IllegalArgumentException("unknown golden dataset '" + name + "'; known: wiki, small");
    };
  }

  private static Map<String, Object> row(String time, String dim, List<String> tags, Long num, Double d, String s) {
    final Map<String, Object> row = new HashMap<>();
    row.put("__time", IsoInstant.parse(time));
    row.put("dim", dim);
    row.put("tags", tags);
    row.put("num", num);
    row.put("d", d);
    row.put("s", s);
    return row;
  }

  private static List<ColumnarSegment> small() {
    final List<TestColumn> columns = List.of(TestColumn.string("dim"), TestColumn.multiString("tags"),
        TestColumn.longs("num"), TestColumn.doubles("d"), TestColumn.string("s"));
    final List<Map<String, Object>> day1 = new ArrayList<>();
    day1.add(row("2020-01-01T00:00:00Z", "a", Arrays.asList("t1", "t2"), 1L, 1.5, "x"));
    day1.add(row("2020-01-01T01:00:00Z", "b", Arrays.asList("t2"), null, 2.5, ""));
    day1.add(row("2020-01-01T02:00:00Z", null, null, 3L, null, null));
    final List<Map<String, Object>> day2 = new ArrayList<>();
    day2.add(row("2020-01-02T00:00:00Z", "a", Arrays.asList("t3", "t1"), 4L, -1.0, "y"));
    final long day = 86_400_000L;
    final long start = IsoInstant.parse("2020-01-01");
    return List.of(
        TestSegments.build(new SegmentInfo("small", start, start + day, "v1", 0, Map.of()), columns, day1),
        TestSegments.build(new SegmentInfo("small", start + day, start + 2 * day, "v1", 0, Map.of()), columns, day2));
  }
}
