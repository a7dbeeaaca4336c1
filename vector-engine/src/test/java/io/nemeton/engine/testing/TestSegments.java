package io.nemeton.engine.testing;

import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Builds test segments from rows (maps of column name to value; {@code __time} as epoch millis),
 * as {@link ColumnarSegment}s on the heap or written to a file and mapped. Rows are sorted by time
 * (stably) before building.
 */
public final class TestSegments {
  /** The two storages every engine test runs on. */
  public enum Storage { HEAP, MAPPED }

  private TestSegments() {
  }

  public static ColumnarSegment build(SegmentInfo info, List<TestColumn> columns, List<Map<String, Object>> input) {
    final List<Map<String, Object>> rows = new ArrayList<>(input);
    rows.sort(Comparator.comparingLong(row -> ((Number) row.get("__time")).longValue()));
    final int count = rows.size();
    final long[] times = new long[count];
    for (int r = 0; r < count; r++) {
      times[r] = ((Number) rows.get(r).get("__time")).longValue();
    }
    final ColumnarSegment segment = new ColumnarSegment(info, count).time(times);
    for (TestColumn column : columns) {
      final String name = column.name();
      switch (column.kind()) {
        case LONG -> {
          final long[] values = new long[count];
          final RoaringBitmap nulls = new RoaringBitmap();
          for (int r = 0; r < count; r++) {
            final Object value = rows.get(r).get(name);
            if (value == null) {
              nulls.add(r);
            } else {
              values[r] = ((Number) value).longValue();
            }
          }
          segment.longColumn(name, column.role(), values, nulls);
        }
        case FLOAT -> {
          final float[] values = new float[count];
          final RoaringBitmap nulls = new RoaringBitmap();
          for (int r = 0; r < count; r++) {
            final Object value = rows.get(r).get(name);
            if (value == null) {
              nulls.add(r);
            } else {
              values[r] = ((Number) value).floatValue();
            }
          }
          segment.floatColumn(name, column.role(), values, nulls);
        }
        case DOUBLE -> {
          final double[] values = new double[count];
          final RoaringBitmap nulls = new RoaringBitmap();
          for (int r = 0; r < count; r++) {
            final Object value = rows.get(r).get(name);
            if (value == null) {
              nulls.add(r);
            } else {
              values[r] = ((Number) value).doubleValue();
            }
          }
          segment.doubleColumn(name, column.role(), values, nulls);
        }
        case STRING, MULTI_STRING -> addStrings(segment, column, rows);
        case COMPLEX -> {
          final byte[][] values = new byte[count][];
          for (int r = 0; r < count; r++) {
            values[r] = (byte[]) rows.get(r).get(name);
          }
          segment.complexColumn(name, column.role(), column.complexTypeName(), values);
        }
      }
    }
    return segment;
  }

  private static void addStrings(ColumnarSegment segment, TestColumn column, List<Map<String, Object>> rows) {
    final String name = column.name();
    final TreeSet<String> distinct = new TreeSet<>();
    boolean hasNull = false;
    final List<List<String>> values = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      final Object value = row.get(name);
      final List<String> list = new ArrayList<>();
      if (value instanceof List<?> elements && !elements.isEmpty()) {
        for (Object element : elements) {
          list.add(element == null ? null : element.toString());
        }
      } else if (value instanceof List<?>) {
        list.add(null);
      } else {
        list.add(value == null ? null : value.toString());
      }
      for (String element : list) {
        if (element == null) {
          hasNull = true;
        } else {
          distinct.add(element);
        }
      }
      values.add(list);
    }
    final List<String> dictionaryList = new ArrayList<>();
    if (hasNull) {
      dictionaryList.add(null);
    }
    dictionaryList.addAll(distinct);
    final String[] dictionary = dictionaryList.toArray(new String[0]);
    if (column.kind() == TestColumn.Kind.STRING) {
      final int[] ids = new int[rows.size()];
      for (int r = 0; r < ids.length; r++) {
        if (values.get(r).size() != 1) {
          throw new IllegalArgumentException("column=" + name + " row=" + r + " has several values; use MULTI_STRING");
        }
        ids[r] = id(dictionary, values.get(r).get(0), hasNull);
      }
      segment.stringColumn(name, column.role(), dictionary, ids);
      return;
    }
    final int[] rowStarts = new int[rows.size() + 1];
    final List<Integer> ids = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      rowStarts[r] = ids.size();
      for (String element : values.get(r)) {
        ids.add(id(dictionary, element, hasNull));
      }
    }
    rowStarts[rows.size()] = ids.size();
    segment.multiValueStringColumn(name, column.role(), dictionary, rowStarts,
        ids.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int id(String[] dictionary, String value, boolean hasNull) {
    if (value == null) {
      return 0;
    }
    return Arrays.binarySearch(dictionary, hasNull ? 1 : 0, dictionary.length, value);
  }

  /** The segment in the storage asked for; a mapped one is written under {@code directory}. */
  public static QueryableSegment open(ColumnarSegment segment, Storage storage, Path directory) {
    if (storage == Storage.HEAP) {
      return QueryableSegment.of(segment);
    }
    try {
      final Path file = directory.resolve(segment.info().segmentId().replace(':', '_') + ".seg");
      if (!file.toFile().exists()) {
        new SegmentWriter().write(segment, file);
      }
      return QueryableSegment.owning(Segment.open(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens every segment in the storage asked for. */
  public static List<QueryableSegment> open(List<ColumnarSegment> segments, Storage storage, Path directory) {
    final List<QueryableSegment> opened = new ArrayList<>();
    for (ColumnarSegment segment : segments) {
      opened.add(open(segment, storage, directory));
    }
    return opened;
  }

  public static void closeAll(List<QueryableSegment> segments) {
    for (QueryableSegment segment : segments) {
      segment.close();
    }
  }
}
