package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Seeded generator of random {@link ColumnarSegment}s holding every column type: nulls at varying
 * densities (none, sparse, dense, all), multi-value rows with repeated values, empty rows and rows
 * of a single null id, long and non-ASCII dictionary strings (including characters where UTF-8 and
 * UTF-16 order disagree), special floating-point values and blobs of varied sizes.
 */
final class RandomSegments {
  static final long DAY_MS = 86_400_000L;
  static final long START_MS = 1_442_016_000_000L; // 2015-09-12T00:00Z

  /** Pieces strings are made of: ASCII, 2- and 3-byte UTF-8, U+E000..U+FFFF and supplementary. */
  private static final String[] PIECES = {
      "a", "b", "page", "Z", "0", " ", "~", "é", "ß", "中", "日本", "\uE000", "\uFFFD", "\uFB01", "😀", "𝄞", "\u0000"};

  private RandomSegments() {}

  static SegmentInfo info(SplittableRandom random) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("queryGranularity", "none");
    metadata.put("rollup", random.nextBoolean());
    metadata.put("aggregators", List.of(Map.of("type", "count", "name", "count")));
    return new SegmentInfo("wiki", START_MS, START_MS + DAY_MS, "2024-01-01T00:00:00.000Z",
        random.nextInt(3), metadata);
  }

  /** A segment of {@code rows} rows with two single-value, one multi-value, three numeric and one complex column. */
  static ColumnarSegment generate(SplittableRandom random, int rows) {
    return generate(random, rows, true);
  }

  /** As {@link #generate(SplittableRandom, int)}; without large blobs the file stays small. */
  static ColumnarSegment generate(SplittableRandom random, int rows, boolean largeBlobs) {
    ColumnarSegment segment = new ColumnarSegment(info(random), rows);
    segment.time(times(random, rows));
    String[] pages = dictionary(random, rows == 0 ? random.nextInt(2) : 1 + random.nextInt(Math.min(rows, 300)),
        random.nextBoolean());
    segment.stringColumn("page", ColumnRole.DIMENSION, pages, ids(random, rows, pages.length));
    String[] countries = random.nextInt(4) == 0 ? new String[] {null} : dictionary(random, 1 + random.nextInt(5), true);
    segment.stringColumn("country", ColumnRole.DIMENSION, countries, ids(random, rows, countries.length));
    String[] tags = dictionary(random, 1 + random.nextInt(40), random.nextInt(3) > 0);
    int[][] tagRows = multiValueRows(random, rows, tags);
    int[] rowStarts = new int[rows + 1];
    for (int r = 0; r < rows; r++) {
      rowStarts[r + 1] = rowStarts[r] + tagRows[r].length;
    }
    int[] tagIds = new int[rowStarts[rows]];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(tagRows[r], 0, tagIds, rowStarts[r], tagRows[r].length);
    }
    segment.multiValueStringColumn("tags", ColumnRole.DIMENSION, tags, rowStarts, tagIds);
    segment.longColumn("added", ColumnRole.DIMENSION, longs(random, rows), nulls(random, rows));
    segment.longColumn("delta", ColumnRole.METRIC, longs(random, rows), null);
    segment.floatColumn("ratio", ColumnRole.METRIC, floats(random, rows), nulls(random, rows));
    segment.doubleColumn("price", ColumnRole.METRIC, doubles(random, rows), nulls(random, rows));
    segment.complexColumn("sketch", ColumnRole.METRIC, "HLLSketch", blobs(random, rows, largeBlobs));
    return segment;
  }

  static long[] times(SplittableRandom random, int rows) {
    long[] times = new long[rows];
    int mode = random.nextInt(4);
    for (int i = 0; i < rows; i++) {
      times[i] = switch (mode) {
        case 0 -> START_MS + random.nextLong(DAY_MS);
        case 1 -> START_MS + random.nextLong(10) * 3_600_000L; // many equal times
        // bursts of a minute hours apart: Elias–Fano time blocks (format 4) pay here
        case 2 -> START_MS + random.nextLong(4) * 3_600_000L + random.nextLong(60_000);
        default -> START_MS + 12 * 3_600_000L;
      };
    }
    Arrays.sort(times);
    return times;
  }

  static String string(SplittableRandom random) {
    int parts = random.nextInt(8) == 0 ? 100 + random.nextInt(400) : random.nextInt(6);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  /** Sorted distinct values, null first when {@code withNull}; {@code size} counts null too. */
  static String[] dictionary(SplittableRandom random, int size, boolean withNull) {
    TreeSet<String> values = new TreeSet<>();
    int wanted = withNull ? size - 1 : size;
    int attempts = 0;
    while (values.size() < wanted && attempts++ < wanted * 20) {
      values.add(string(random));
    }
    List<String> all = new ArrayList<>();
    if (withNull) {
      all.add(null);
    }
    all.addAll(values);
    return all.toArray(new String[0]);
  }

  /** Null rows at a random density: none, sparse, dense or all; null means none. */
  static RoaringBitmap nulls(SplittableRandom random, int rows) {
    int mode = random.nextInt(5);
    if (mode == 0 || rows == 0) {
      return null;
    }
    RoaringBitmap bitmap = new RoaringBitmap();
    if (mode == 4) {
      bitmap.add(0L, rows);
      return bitmap;
    }
    double density = mode == 1 ? 0.01 : mode == 2 ? 0.3 : 0.9;
    for (int row = 0; row < rows; row++) {
      if (random.nextDouble() < density) {
        bitmap.add(row);
      }
    }
    // a whole null block in the middle, when there is one
    if (mode == 3 && rows > 3 * SegmentFileLayout.ROWS_PER_BLOCK) {
      bitmap.add((long) SegmentFileLayout.ROWS_PER_BLOCK, 2L * SegmentFileLayout.ROWS_PER_BLOCK);
    }
    return bitmap;
  }

  static final long[] SPECIAL_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
  static final double[] SPECIAL_DOUBLES = {
      0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE};
  static final float[] SPECIAL_FLOATS = {
      0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE};

  static long[] longs(SplittableRandom random, int rows) {
    long[] values = new long[rows];
    int mode = random.nextInt(4);
    for (int i = 0; i < rows; i++) {
      values[i] = switch (mode) {
        case 0 -> random.nextLong();
        case 1 -> random.nextInt(1000) - 500;
        default -> random.nextInt(20) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)] : 42;
      };
    }
    return values;
  }

  static float[] floats(SplittableRandom random, int rows) {
    float[] values = new float[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = random.nextInt(30) == 0
          ? SPECIAL_FLOATS[random.nextInt(SPECIAL_FLOATS.length)]
          : (float) (random.nextGaussian() * 1000);
    }
    return values;
  }

  static double[] doubles(SplittableRandom random, int rows) {
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = random.nextInt(30) == 0
          ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)]
          : random.nextGaussian() * 1e6;
    }
    return values;
  }

  /** Single-value ids over {@code dictionary}, skewed so some values are frequent. */
  static int[] ids(SplittableRandom random, int rows, int cardinality) {
    int[] ids = new int[rows];
    for (int i = 0; i < rows; i++) {
      ids[i] = random.nextBoolean() ? random.nextInt(Math.min(cardinality, 3)) : random.nextInt(cardinality);
    }
    return ids;
  }

  /** Multi-value rows: 0 to 5 values, repeats allowed, sometimes a single null id. */
  static int[][] multiValueRows(SplittableRandom random, int rows, String[] dictionary) {
    boolean hasNull = dictionary.length > 0 && dictionary[0] == null;
    int[][] values = new int[rows][];
    for (int r = 0; r < rows; r++) {
      int shape = random.nextInt(10);
      if (shape == 0) {
        values[r] = new int[0];
      } else if (shape == 1 && hasNull) {
        values[r] = new int[] {0};
      } else {
        int count = 1 + random.nextInt(5);
        values[r] = new int[count];
        int first = hasNull ? 1 : 0;
        for (int j = 0; j < count; j++) {
          values[r][j] = dictionary.length > first
              ? first + random.nextInt(dictionary.length - first)
              : 0;
        }
        if (count > 1 && random.nextInt(4) == 0) {
          values[r][count - 1] = values[r][0]; // a repeated value in the row
        }
      }
    }
    return values;
  }

  static byte[][] blobs(SplittableRandom random, int rows, boolean large) {
    byte[][] values = new byte[rows][];
    for (int i = 0; i < rows; i++) {
      int size = random.nextInt(10) == 0 ? 0 : large && random.nextInt(10) == 0
          ? 2000 + random.nextInt(3000)
          : random.nextInt(64);
      values[i] = new byte[size];
      random.nextBytes(values[i]);
    }
    return values;
  }
}
