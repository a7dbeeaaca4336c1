package io.nemeton.engine.run;

import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.datasource.InlineDataSource;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Turns the answer of a subquery (a {@code query} data source), or the rows of an {@code inline}
 * data source, into an in-memory segment the query scans: one row per groupBy row or timeseries bucket, {@code __time} from its timestamp, one
 * column per output name, typed from the values (all longs: LONG; numbers: DOUBLE, or FLOAT when
 * all floats; otherwise STRING). Stateless; allocates the segment.
 */
final class SubqueryRows {
  private SubqueryRows() {
  }

  /**
   * An {@code inline} data source as a segment: {@code __time} from that column when present (else
   * 0), values converted to the declared column types when given.
   */
  static ColumnarSegment inline(InlineDataSource inline) {
    final List<Long> times = new ArrayList<>();
    final List<Map<?, ?>> rows = new ArrayList<>();
    final int timeIndex = inline.columnNames().indexOf(ColumnarSegment.TIME_COLUMN);
    for (List<Object> values : inline.rows()) {
      final Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < inline.columnNames().size(); c++) {
        if (c == timeIndex) {
          continue;
        }
        Object value = c < values.size() ? values.get(c) : null;
        if (value != null && inline.columnTypes() != null && inline.columnTypes().get(c) != null) {
          value = switch (inline.columnTypes().get(c).kind()) {
            case STRING -> value.toString();
            case LONG -> value instanceof Number n ? (Object) n.longValue() : value;
            case FLOAT, DOUBLE -> value instanceof Number n ? (Object) n.doubleValue() : value;
            default -> value;
          };
        }
        row.put(inline.columnNames().get(c), value);
      }
      times.add(timeIndex >= 0 && values.get(timeIndex) instanceof Number n ? n.longValue() : 0L);
      rows.add(row);
    }
    return segment(times, rows, "__inline");
  }

  static ColumnarSegment segment(List<Object> answer) {
    final List<Long> times = new ArrayList<>();
    final List<Map<?, ?>> rows = new ArrayList<>();
    for (Object row : answer) {
      if (!(row instanceof Map<?, ?> map) || !(map.get("event") instanceof Map<?, ?> || map.get("result") instanceof Map<?, ?>)) {
        throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
            "a query data source must be a groupBy or timeseries query; got rows like " + row);
      }
      final Map<?, ?> values = map.get("event") instanceof Map<?, ?> event ? event : (Map<?, ?>) map.get("result");
      final Object timestamp = map.get("timestamp");
      times.add(timestamp == null ? 0L : IsoInstant.parse(timestamp.toString()));
      rows.add(values);
    }
    return segment(times, rows, "__subquery");
  }

  private static ColumnarSegment segment(List<Long> times, List<Map<?, ?>> rows, String dataSource) {
    final LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
    for (Map<?, ?> values : rows) {
      values.keySet().forEach(key -> names.put(key.toString(), true));
    }
    final Integer[] order = new Integer[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(times.get(a), times.get(b)));
    final int count = rows.size();
    final long[] sortedTimes = new long[count];
    for (int r = 0; r < count; r++) {
      sortedTimes[r] = times.get(order[r]);
    }
    final long start = count == 0 ? 0 : sortedTimes[0];
    final long end = count == 0 ? 1 : sortedTimes[count - 1] + 1;
    final ColumnarSegment segment = new ColumnarSegment(
        new SegmentInfo(dataSource, start, end, "v0", 0, Map.of()), count).time(sortedTimes);
    for (String name : names.keySet()) {
      final Object[] values = new Object[count];
      boolean allLong = true;
      boolean allFloat = true;
      boolean allNumber = true;
      for (int r = 0; r < count; r++) {
        values[r] = rows.get(order[r]).get(name);
        if (values[r] != null) {
          allLong &= values[r] instanceof Long || values[r] instanceof Integer;
          allFloat &= values[r] instanceof Float;
          allNumber &= values[r] instanceof Number;
        }
      }
      final boolean anyValue = Arrays.stream(values).anyMatch(v -> v != null);
      final RoaringBitmap nulls = new RoaringBitmap();
      if (anyValue && allNumber && allLong) {
        final long[] longs = new long[count];
        for (int r = 0; r < count; r++) {
          if (values[r] == null) {
            nulls.add(r);
          } else {
            longs[r] = ((Number) values[r]).longValue();
          }
        }
        segment.longColumn(name, ColumnRole.METRIC, longs, nulls);
      } else if (anyValue && allNumber && allFloat) {
        final float[] floats = new float[count];
        for (int r = 0; r < count; r++) {
          if (values[r] == null) {
            nulls.add(r);
          } else {
            floats[r] = ((Number) values[r]).floatValue();
          }
        }
        segment.floatColumn(name, ColumnRole.METRIC, floats, nulls);
      } else if (anyValue && allNumber) {
        final double[] doubles = new double[count];
        for (int r = 0; r < count; r++) {
          if (values[r] == null) {
            nulls.add(r);
          } else {
            doubles[r] = ((Number) values[r]).doubleValue();
          }
        }
        segment.doubleColumn(name, ColumnRole.METRIC, doubles, nulls);
      } else {
        addStrings(segment, name, values);
      }
    }
    return segment;
  }

  private static void addStrings(ColumnarSegment segment, String name, Object[] values) {
    final TreeSet<String> distinct = new TreeSet<>();
    boolean hasNull = false;
    for (Object value : values) {
      if (value == null) {
        hasNull = true;
      } else {
        distinct.add(value.toString());
      }
    }
    final List<String> dictionary = new ArrayList<>();
    if (hasNull) {
      dictionary.add(null);
    }
    dictionary.addAll(distinct);
    final String[] sorted = dictionary.toArray(new String[0]);
    final int[] ids = new int[values.length];
    final int first = hasNull ? 1 : 0;
    for (int r = 0; r < values.length; r++) {
      ids[r] = values[r] == null ? 0 : Arrays.binarySearch(sorted, first, sorted.length, values[r].toString());
    }
    segment.stringColumn(name, ColumnRole.DIMENSION, sorted, ids);
  }
}
