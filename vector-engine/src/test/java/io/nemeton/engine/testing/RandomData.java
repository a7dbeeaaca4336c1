package io.nemeton.engine.testing;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random test segments: strings of low and high cardinality (with nulls and the empty
 * string), a multi-value string, long/double/float columns with nulls, times over three days.
 * Numbers are multiples of 1/4 so that sums are exact in any order.
 */
public final class RandomData {
  public static final long START_MS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
  public static final long DAY_MS = 86_400_000L;
  public static final List<String> LOW = Arrays.asList("a", "b", "c", "d", "", null);
  public static final List<String> MULTI = Arrays.asList("x", "y", "z", "w");

  /** The rows of each segment, sorted by time, and the segments built from them. */
  public record Dataset(List<List<Map<String, Object>>> rows, List<ColumnarSegment> segments) {
  }

  private RandomData() {
  }

  public static List<TestColumn> columns() {
    return List.of(TestColumn.string("s1"), TestColumn.string("s2"), TestColumn.string("h1"),
        TestColumn.multiString("m1"),
        TestColumn.longs("l1"), TestColumn.doubles("d1"), TestColumn.floats("f1"));
  }

  public static String high(int i) {
    return i == 48 ? "7" : i == 49 ? "12.5" : String.format("v%02d", i);
  }

  /**
   * A value of a column with about as many distinct values as rows (most groups hold one or two
   * rows, so limit specs meet many ties; some values extend others); with {@code unusual}, now and then a value whose UTF-16
   * order differs from its code point order (a supplementary character, or one in U+E000..U+FFFF).
   */
  static String highCardinality(SplittableRandom random, int rowCount, boolean unusual) {
    final int choice = unusual ? random.nextInt(200) : 2;
    if (choice == 0) {
      return "h\uD83D\uDE00" + random.nextInt(3);
    }
    if (choice == 1) {
      return "h\uFFFD" + random.nextInt(3);
    }
    final String value = String.format("h%05d", random.nextInt(1 + rowCount));
    // now and then a longer value sharing the first bytes, so merges compare past eight bytes,
    // padding (a NUL after the short value) and tails longer than 32 bytes
    return switch (random.nextInt(16)) {
      case 0 -> value + "\u0000";
      case 1 -> value + "ab";
      case 2 -> value + "-" + "t".repeat(random.nextInt(48)) + random.nextInt(3);
      default -> value;
    };
  }

  public static Dataset dataset(SplittableRandom random) {
    final int segmentCount = 1 + random.nextInt(3);
    final List<List<Map<String, Object>>> allRows = new ArrayList<>();
    final List<ColumnarSegment> segments = new ArrayList<>();
    for (int s = 0; s < segmentCount; s++) {
      final int rowCount = random.nextInt(10) == 0 ? 0 : random.nextInt(2600);
      final long offset = random.nextLong(DAY_MS);
      final long span = 1 + random.nextLong(2 * DAY_MS);
      // a quarter of the segments have no null at all, so the engine's no-null paths run too
      final double nullChance = random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 0.3;
      final boolean unusual = random.nextInt(4) == 0;
      final List<Map<String, Object>> rows = new ArrayList<>();
      for (int r = 0; r < rowCount; r++) {
        final Map<String, Object> row = new HashMap<>();
        row.put("__time", START_MS + offset + random.nextLong(span) / 1000 * 1000);
        row.put("s1", LOW.get(random.nextInt(LOW.size())));
        row.put("s2", random.nextDouble() < nullChance ? null : high(random.nextInt(50)));
        row.put("h1", random.nextDouble() < nullChance ? null : highCardinality(random, rowCount, unusual));
        if (random.nextDouble() < nullChance) {
          row.put("m1", null);
        } else {
          final List<String> values = new ArrayList<>();
          final int count = 1 + random.nextInt(3);
          for (int i = 0; i < count; i++) {
            values.add(random.nextInt(12) == 0 ? null : MULTI.get(random.nextInt(MULTI.size())));
          }
          row.put("m1", values);
        }
        row.put("l1", random.nextDouble() < nullChance ? null : (long) (random.nextInt(101) - 50));
        row.put("d1", random.nextDouble() < nullChance ? null : (random.nextInt(81) - 40) / 4.0);
        row.put("f1", random.nextDouble() < nullChance ? null : (float) ((random.nextInt(81) - 40) / 4.0));
        rows.add(row);
      }
      rows.sort((a, b) -> Long.compare((Long) a.get("__time"), (Long) b.get("__time")));
      final SegmentInfo info = new SegmentInfo("random", START_MS, START_MS + 4 * DAY_MS, "v1", s, Map.of());
      segments.add(TestSegments.build(info, columns(), rows));
      allRows.add(rows);
    }
    return new Dataset(allRows, segments);
  }
}
