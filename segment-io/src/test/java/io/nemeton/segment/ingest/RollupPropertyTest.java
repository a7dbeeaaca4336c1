package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.time.Granularity;
import io.nemeton.segment.time.IsoTimestamps;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random rows through the whole pipeline (JSON or CSV, rollup or not, spilling or not) against a
 * naive row-at-a-time reference: group with a sorted map, aggregate, sort, cut.
 */
class RollupPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] QUERY_GRANULARITIES = {"none", "second", "minute", "hour", "day"};
  private static final String[] SEGMENT_GRANULARITIES = {"hour", "day", "month", "all"};
  private static final long START = IsoTimestamps.parse("2013-08-31T20:00:00Z", false);

  @TempDir
  Path temp;

  @Test
  void ingestionMatchesNaiveReference() throws Exception {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 25; trial++) {
      final long trialSeed = random.nextLong();
      try {
        runTrial(new SplittableRandom(trialSeed), trial);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed=" + seed + " trial=" + trial + " trialSeed=" + trialSeed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void spillingGivesTheSameSegmentsAsHoldingEverything() throws Exception {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 6; trial++) {
      final Trial setup = Trial.random(random, true);
      final String data = setup.data(random, 2000 + random.nextInt(2000));
      final List<ColumnarSegment> spilled = ingest(setup.spec(data, 100 + random.nextInt(50)), "spilled" + trial);
      final List<ColumnarSegment> inMemory = ingest(setup.spec(data, 1_000_000), "memory" + trial);
      assertEquals(inMemory.size(), spilled.size(), "seed=" + seed);
      for (int i = 0; i < inMemory.size(); i++) {
        assertEquals(inMemory.get(i).info(), spilled.get(i).info(), "seed=" + seed);
        assertSameRows(normalize(SegmentRows.rows(inMemory.get(i))), normalize(SegmentRows.rows(spilled.get(i))),
            "seed=" + seed + " trial=" + trial + " segment=" + i);
      }
    }
  }

  private void runTrial(SplittableRandom random, int trial) throws Exception {
    final Trial setup = Trial.random(random, random.nextBoolean());
    final int rowCount = random.nextInt(0, 1500);
    final List<Map<String, Object>> inputs = new ArrayList<>();
    final String data = setup.data(random, rowCount, inputs);
    final int maxRowsInMemory = new int[] {7, 100, 1000, 1_000_000}[random.nextInt(4)];
    final List<ColumnarSegment> segments = ingest(setup.spec(data, maxRowsInMemory), "trial" + trial);
    final List<List<Map<String, Object>>> expected = setup.reference(inputs);
    final List<List<Map<String, Object>>> actual = new ArrayList<>();
    for (ColumnarSegment segment : segments) {
      SegmentRows.checkWellFormed(segment);
      actual.add(normalize(SegmentRows.rows(segment)));
    }
    assertEquals(expected.size(), actual.size(), "segments; " + setup);
    for (int i = 0; i < expected.size(); i++) {
      assertSameRows(expected.get(i), actual.get(i), "segment " + i + "; " + setup);
    }
  }

  /** Equal lists, reporting only the first differing row. */
  private static void assertSameRows(List<Map<String, Object>> expected, List<Map<String, Object>> actual, String context) {
    for (int r = 0; r < Math.min(expected.size(), actual.size()); r++) {
      assertEquals(expected.get(r), actual.get(r), context + " row " + r);
    }
    assertEquals(expected.size(), actual.size(), context + " rows");
  }

  private List<ColumnarSegment> ingest(String spec, String name) throws Exception {
    final List<ColumnarSegment> segments = new ArrayList<>();
    BatchIngestion.run(IngestionSpec.parse(spec), IngestOptions.defaults(temp.resolve(name)).withVersion("2020-01-01T00:00:00.000Z"), segments::add);
    return segments;
  }

  /** Turns complex pair bytes into comparable text. */
  private static List<Map<String, Object>> normalize(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      for (Map.Entry<String, Object> entry : row.entrySet()) {
        if (entry.getValue() instanceof byte[] bytes) {
          final ByteBuffer pair = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
          final long time = pair.getLong();
          entry.setValue(pair.get() != 0 ? time + ":null" : time + ":" + pair.getLong());
        }
      }
    }
    return rows;
  }

  /** One random schema and its reference semantics. */
  private record Trial(boolean csv, boolean rollup, String queryGranularity, String segmentGranularity,
      int maxRowsPerSegment, int stringCardinality) {
    static Trial random(SplittableRandom random, boolean rollup) {
      final int query = random.nextInt(QUERY_GRANULARITIES.length);
      String segment = SEGMENT_GRANULARITIES[random.nextInt(SEGMENT_GRANULARITIES.length)];
      if (query == 4 && segment.equals("hour")) {
        segment = "day";
      }
      return new Trial(random.nextBoolean(), rollup, QUERY_GRANULARITIES[query], segment,
          new int[] {3, 50, 5_000_000}[random.nextInt(3)], 1 + random.nextInt(12));
    }

    String spec(String data, int maxRowsInMemory) throws Exception {
      final Map<String, Object> inputFormat = csv
          ? Map.of("type", "csv", "columns", List.of("ts", "s1", "s2", "l1", "ml", "md"), "listDelimiter", "|")
          : Map.of("type", "json");
      final Map<String, Object> spec = Map.of("type", "index_parallel", "spec", Map.of(
          "dataSchema", Map.of(
              "dataSource", "property",
              "timestampSpec", Map.of("column", "ts", "format", "iso"),
              "dimensionsSpec", Map.of("dimensions", List.of("s1", "s2", Map.of("name", "l1", "type", "long"))),
              "metricsSpec", List.of(
                  Map.of("type", "count", "name", "count"),
                  Map.of("type", "longSum", "name", "lsum", "fieldName", "ml"),
                  Map.of("type", "longMin", "name", "lmin", "fieldName", "ml"),
                  Map.of("type", "longMax", "name", "lmax", "fieldName", "ml"),
                  Map.of("type", "doubleSum", "name", "dsum", "fieldName", "md"),
                  Map.of("type", "doubleMax", "name", "dmax", "fieldName", "md"),
                  Map.of("type", "longFirst", "name", "lfirst", "fieldName", "ml"),
                  Map.of("type", "longLast", "name", "llast", "fieldName", "ml")),
              "granularitySpec", Map.of("segmentGranularity", segmentGranularity, "queryGranularity", queryGranularity,
                  "rollup", rollup)),
          "ioConfig", Map.of("type", "index_parallel", "inputSource", Map.of("type", "inline", "data", data),
              "inputFormat", inputFormat),
          "tuningConfig", Map.of("type", "index_parallel", "maxRowsInMemory", maxRowsInMemory,
              "maxRowsPerSegment", maxRowsPerSegment)));
      return JSON.writeValueAsString(spec);
    }

    String data(SplittableRandom random, int rows) throws Exception {
      return data(random, rows, new ArrayList<>());
    }

    /** Rows as JSON lines or CSV; {@code inputs} gets each row as the reference sees it. */
    String data(SplittableRandom random, int rows, List<Map<String, Object>> inputs) throws Exception {
      final StringBuilder text = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        final long time = START + random.nextLong(0, 3L * 86_400_000) / (random.nextBoolean() ? 1 : 60_000) * (1);
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("ts", time);
        row.put("s1", stringValue(random, csv));
        row.put("s2", random.nextInt(5) == 0 ? multiValue(random) : stringValue(random, csv));
        row.put("l1", random.nextInt(6) == 0 ? null : (long) random.nextInt(-3, 4));
        row.put("ml", random.nextInt(5) == 0 ? null : random.nextLong(-1000, 1000));
        row.put("md", random.nextInt(5) == 0 ? null : random.nextInt(-400, 400) / 4.0);
        inputs.add(row);
        if (csv) {
          text.append(IsoTimestamps.format(time));
          for (String field : List.of("s1", "s2", "l1", "ml", "md")) {
            text.append(',');
            final Object value = row.get(field);
            if (value instanceof List<?> list) {
              text.append(String.join("|", list.stream().map(String::valueOf).toList()));
            } else if (value != null) {
              text.append(value);
            }
          }
        } else {
          final Map<String, Object> json = new LinkedHashMap<>(row);
          json.put("ts", IsoTimestamps.format(time));
          json.values().removeIf(value -> value == null && random.nextBoolean());
          text.append(JSON.writeValueAsString(json));
        }
        text.append('\n');
      }
      return text.toString();
    }

    private String stringValue(SplittableRandom random, boolean forCsv) {
      final int pick = random.nextInt(stringCardinality + 2);
      if (pick == 0) {
        return null;
      }
      if (pick == 1) {
        return forCsv ? null : "";
      }
      // mix ASCII, accents and a character outside the BMP so String order is exercised
      return switch (pick % 4) {
        case 0 -> "v" + pick;
        case 1 -> "é" + pick;
        case 2 -> "\uD83D\uDE00" + pick;
        default -> "\uFF21" + pick;
      };
    }

    private List<String> multiValue(SplittableRandom random) {
      final List<String> values = new ArrayList<>();
      final int count = random.nextInt(0, 4);
      for (int i = 0; i < count; i++) {
        values.add("m" + random.nextInt(4));
      }
      return values;
    }

    /** The expected segments' rows, computed naively. */
    List<List<Map<String, Object>>> reference(List<Map<String, Object>> inputs) {
      final Granularity query = Granularity.of(queryGranularity);
      final Granularity segment = Granularity.of(segmentGranularity);
      final Comparator<List<Object>> keyOrder = RollupPropertyTest::compareKeys;
      final TreeMap<List<Object>, List<Map<String, Object>>> groups = new TreeMap<>(keyOrder);
      final List<Map.Entry<List<Object>, List<Map<String, Object>>>> unrolled = new ArrayList<>();
      for (Map<String, Object> input : inputs) {
        final List<Object> key = new ArrayList<>();
        key.add(query.bucketStart((Long) input.get("ts")));
        key.add(stringKey(input.get("s1")));
        key.add(stringKey(input.get("s2")));
        key.add(input.get("l1"));
        if (rollup) {
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(input);
        } else {
          unrolled.add(Map.entry(key, new ArrayList<>(List.of(input))));
        }
      }
      final List<Map.Entry<List<Object>, List<Map<String, Object>>>> ordered =
          rollup ? new ArrayList<>(groups.entrySet()) : unrolled;
      if (!rollup) {
        ordered.sort((a, b) -> keyOrder.compare(a.getKey(), b.getKey()));
      }
      final List<List<Map<String, Object>>> segments = new ArrayList<>();
      long chunk = Long.MIN_VALUE;
      List<Map<String, Object>> current = null;
      for (Map.Entry<List<Object>, List<Map<String, Object>>> entry : ordered) {
        final long time = (Long) entry.getKey().get(0);
        final long bucket = segment.bucketStart(time);
        if (current == null || bucket != chunk || current.size() == maxRowsPerSegment) {
          current = new ArrayList<>();
          segments.add(current);
          chunk = bucket;
        }
        current.add(aggregate(entry.getKey(), entry.getValue()));
      }
      return segments;
    }

    private static Map<String, Object> aggregate(List<Object> key, List<Map<String, Object>> rows) {
      final Map<String, Object> out = new LinkedHashMap<>();
      out.put("__time", IsoTimestamps.format((Long) key.get(0)));
      out.put("s1", key.get(1));
      out.put("s2", key.get(2));
      out.put("l1", key.get(3));
      out.put("count", (long) rows.size());
      Long sum = null;
      Long min = null;
      Long max = null;
      Double doubleSum = null;
      Double doubleMax = null;
      Map<String, Object> first = rows.get(0);
      Map<String, Object> last = rows.get(0);
      for (Map<String, Object> row : rows) {
        final Long value = (Long) row.get("ml");
        if (value != null) {
          sum = sum == null ? value : sum + value;
          min = min == null ? value : Math.min(min, value);
          max = max == null ? value : Math.max(max, value);
        }
        final Double decimal = (Double) row.get("md");
        if (decimal != null) {
          doubleSum = doubleSum == null ? decimal : doubleSum + decimal;
          doubleMax = doubleMax == null ? decimal : Math.max(doubleMax, decimal);
        }
        if ((Long) row.get("ts") < (Long) first.get("ts")) {
          first = row;
        }
        if ((Long) row.get("ts") >= (Long) last.get("ts")) {
          last = row;
        }
      }
      out.put("lsum", sum);
      out.put("lmin", min);
      out.put("lmax", max);
      out.put("dsum", doubleSum);
      out.put("dmax", doubleMax);
      out.put("lfirst", first.get("ts") + ":" + (first.get("ml") == null ? "null" : first.get("ml")));
      out.put("llast", last.get("ts") + ":" + (last.get("ml") == null ? "null" : last.get("ml")));
      return out;
    }
  }

  /** A string dimension's stored value: null, a String, or a sorted list of two or more. */
  private static Object stringKey(Object value) {
    if (value instanceof List<?> list) {
      final List<String> values = new ArrayList<>();
      for (Object element : list) {
        values.add((String) element);
      }
      values.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
      return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static int compareKeys(List<Object> a, List<Object> b) {
    final int byTime = Long.compare((Long) a.get(0), (Long) b.get(0));
    if (byTime != 0) {
      return byTime;
    }
    for (int i = 1; i < a.size(); i++) {
      final Object x = a.get(i);
      final Object y = b.get(i);
      final int result;
      if (x == null || y == null) {
        result = x == null ? (y == null ? 0 : -1) : 1;
      } else if (x instanceof Long lx) {
        result = Long.compare(lx, (Long) y);
      } else {
        final List<String> lx = x instanceof List<?> ? (List<String>) x : List.of((String) x);
        final List<String> ly = y instanceof List<?> ? (List<String>) y : List.of((String) y);
        int byElement = 0;
        for (int k = 0; k < Math.min(lx.size(), ly.size()) && byElement == 0; k++) {
          byElement = lx.get(k).compareTo(ly.get(k));
        }
        result = byElement != 0 ? byElement : Integer.compare(lx.size(), ly.size());
      }
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }
}
