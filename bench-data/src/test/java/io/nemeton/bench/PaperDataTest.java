package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Range, cardinality and shape checks over a 200 k-row sample of the paper schema. */
class PaperDataTest {
  private static final long SEED = 42L;
  private static final int ROWS = 200_000;
  private static final Pattern TIMESTAMP = Pattern.compile("2026-01-01T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  private static final Pattern HIGH = Pattern.compile("u[0-9a-z]{1,4}");
  private static final Pattern PRICE = Pattern.compile("\\d{1,5}\\.\\d\\d");
  private static final Pattern RATIO = Pattern.compile("[01]\\.\\d{4}");

  private static String[][] rows;

  @BeforeAll
  static void generate() {
    final String[] lines = Generated.paperLines(ROWS, SEED, OutputFormat.CSV);
    assertEquals(ROWS + 1, lines.length);
    assertEquals(String.join(",", PaperSchema.COLUMNS), lines[0]);
    rows = new String[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      rows[i] = lines[i + 1].split(",", -1);
      assertEquals(10, rows[i].length, "row=" + i + " line=" + lines[i + 1]);
    }
  }

  @Test
  void timestampsCoverTheDayInRandomOrder() {
    final long dayStart = PaperSchema.DAY_START_EPOCH_MILLIS;
    long previous = -1;
    int descents = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (String[] row : rows) {
      assertTrue(TIMESTAMP.matcher(row[0]).matches(), "timestamp=" + row[0]);
      final long millis = Instant.parse(row[0]).toEpochMilli() - dayStart;
      assertTrue(millis >= 0 && millis < PaperSchema.MILLIS_PER_DAY, "timestamp=" + row[0]);
      descents += millis < previous ? 1 : 0;
      previous = millis;
      min = Math.min(min, millis);
      max = Math.max(max, millis);
    }
    assertTrue(descents > ROWS * 0.45 && descents < ROWS * 0.55, "descents=" + descents);
    assertTrue(min < 5 * 60_000 && max > PaperSchema.MILLIS_PER_DAY - 5 * 60_000, "min=" + min + " max=" + max);
  }

  @Test
  void lowCardinalityDimensionsHaveExactlyTheirCardinality() {
    for (int column = 0; column < 4; column++) {
      final int cardinality = PaperSchema.LOW_CARDINALITIES[column];
      final Map<String, Integer> counts = countValues(2 + column);
      assertEquals(cardinality, counts.size(), PaperSchema.COLUMNS.get(2 + column));
      for (int id = 0; id < cardinality; id++) {
        assertTrue(counts.containsKey(PaperSchema.LOW_PREFIXES[column] + Integer.toString(id, 36)), "column=" + column + " id=" + id);
      }
    }
    // dim_10000 is mildly skewed towards low ids: id 0 holds about 21 times the uniform share.
    final double uniformShare = ROWS / 10_000.0;
    final int first = countValues(5).get("d0");
    assertTrue(first > 8 * uniformShare && first < 40 * uniformShare, "d0 count=" + first);
  }

  @Test
  void highCardinalityDimensionHasManyValuesAndAZipfHead() {
    final Map<String, Integer> counts = countValues(1);
    for (String value : counts.keySet()) {
      assertTrue(HIGH.matcher(value).matches(), "dim_high=" + value);
      assertTrue(Long.parseLong(value.substring(1), 36) < PaperSchema.HIGH_CARDINALITY, "dim_high=" + value);
    }
    // Expected about 119 k distinct values in 200 k draws at exponent 0.8 over 1 M values.
    assertTrue(counts.size() > 105_000 && counts.size() < 135_000, "distinct=" + counts.size());
    final List<Integer> sorted = new ArrayList<>(counts.values());
    sorted.sort(Collections.reverseOrder());
    int topTen = 0;
    for (int i = 0; i < 10; i++) {
      topTen += sorted.get(i);
    }
    // Exact shares: top value 1.34%, top ten 4.77%; rank 2 is 2^-0.8 = 0.57 of rank 1.
    assertTrue(sorted.get(0) > 0.011 * ROWS && sorted.get(0) < 0.016 * ROWS, "top count=" + sorted.get(0));
    assertTrue(topTen > 0.042 * ROWS && topTen < 0.054 * ROWS, "top ten count=" + topTen);
    final double ratio = sorted.get(1) / (double) sorted.get(0);
    assertTrue(ratio > 0.5 && ratio < 0.65, "rank2/rank1=" + ratio);
    assertEquals(PaperSchema.highId(1), Integer.parseInt(mostFrequent(counts).substring(1), 36));
  }

  @Test
  void metricsStayInTheirRanges() {
    long sum1 = 0;
    long min1 = Long.MAX_VALUE;
    long max1 = Long.MIN_VALUE;
    long max2 = Long.MIN_VALUE;
    double sum4 = 0;
    for (String[] row : rows) {
      final long metric1 = Long.parseLong(row[6]);
      final long metric2 = Long.parseLong(row[7]);
      assertTrue(metric1 >= 0 && metric1 <= PaperSchema.METRIC1_MAX, "metric1=" + metric1);
      assertTrue(metric2 >= 0 && metric2 <= PaperSchema.METRIC2_MAX, "metric2=" + metric2);
      assertTrue(PRICE.matcher(row[8]).matches(), "metric3=" + row[8]);
      assertTrue(Double.parseDouble(row[8]) <= 10_000.0, "metric3=" + row[8]);
      assertTrue(RATIO.matcher(row[9]).matches(), "metric4=" + row[9]);
      final double metric4 = Double.parseDouble(row[9]);
      assertTrue(metric4 <= 1.0, "metric4=" + row[9]);
      sum1 += metric1;
      sum4 += metric4;
      min1 = Math.min(min1, metric1);
      max1 = Math.max(max1, metric1);
      max2 = Math.max(max2, metric2);
    }
    assertTrue(min1 <= 2 && max1 >= 9_998, "metric1 min=" + min1 + " max=" + max1);
    assertTrue(max2 > 999_000_000L, "metric2 max=" + max2);
    assertTrue(Math.abs(sum1 / (double) ROWS - 5_000) < 50, "metric1 mean=" + sum1 / (double) ROWS);
    assertTrue(Math.abs(sum4 / ROWS - 0.5) < 0.005, "metric4 mean=" + sum4 / ROWS);
  }

  @Test
  void jsonLinesAreWellFormedAndCarryTheSameRows() throws Exception {
    final int sample = 20_000;
    final String[] json = Generated.paperLines(sample, SEED, OutputFormat.JSON_LINES);
    assertEquals(sample, json.length);
    final ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < sample; i++) {
      final JsonNode node = mapper.readTree(json[i]);
      final List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      assertEquals(PaperSchema.COLUMNS, names, "row=" + i);
      for (int column = 0; column < 6; column++) {
        assertTrue(node.get(PaperSchema.COLUMNS.get(column)).isTextual(), "row=" + i);
        assertEquals(rows[i][column], node.get(PaperSchema.COLUMNS.get(column)).asText(), "row=" + i);
      }
      assertEquals(Long.parseLong(rows[i][6]), node.get("metric1").longValue(), "row=" + i);
      assertEquals(Long.parseLong(rows[i][7]), node.get("metric2").longValue(), "row=" + i);
      assertEquals(Double.parseDouble(rows[i][8]), node.get("metric3").doubleValue(), "row=" + i);
      assertEquals(Double.parseDouble(rows[i][9]), node.get("metric4").doubleValue(), "row=" + i);
    }
  }

  @Test
  void csvValuesNeverNeedQuoting() {
    final Set<Character> seen = new HashSet<>();
    for (String[] row : rows) {
      for (String value : row) {
        for (int i = 0; i < value.length(); i++) {
          seen.add(value.charAt(i));
        }
      }
    }
    for (char c : seen) {
      assertTrue(c != '"' && c != ',' && c != '\n' && c != '\r', "character=" + (int) c);
    }
  }

  private static Map<String, Integer> countValues(int column) {
    final Map<String, Integer> counts = new HashMap<>();
    for (String[] row : rows) {
      counts.merge(row[column], 1, Integer::sum);
    }
    return counts;
  }

  private static String mostFrequent(Map<String, Integer> counts) {
    return Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
  }
}
