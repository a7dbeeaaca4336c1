package io.nemeton.segment.ingest;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.time.IsoTimestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link ColumnarSegment} back into rows of plain values, for assertions. */
final class SegmentRows {
  private SegmentRows() {}

  /** Rows as maps: {@code __time} as Druid's ISO text, strings, lists, Long, Float, Double, byte[]; nulls kept. */
  static List<Map<String, Object>> rows(ColumnarSegment segment) {
    final List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < segment.rowCount(); r++) {
      final Map<String, Object> row = new LinkedHashMap<>();
      row.put("__time", IsoTimestamps.format(segment.timesMs()[r]));
      for (ColumnarSegment.Column column : segment.columns()) {
        row.put(column.name(), value(column, r));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<Map<String, Object>> rows(List<ColumnarSegment> segments) {
    final List<Map<String, Object>> rows = new ArrayList<>();
    for (ColumnarSegment segment : segments) {
      rows.addAll(rows(segment));
    }
    return rows;
  }

  static Object value(ColumnarSegment.Column column, int row) {
    return switch (column) {
      case ColumnarSegment.LongColumn c -> c.nullRows() != null && c.nullRows().contains(row) ? null : c.values()[row];
      case ColumnarSegment.FloatColumn c -> c.nullRows() != null && c.nullRows().contains(row) ? null : c.values()[row];
      case ColumnarSegment.DoubleColumn c -> c.nullRows() != null && c.nullRows().contains(row) ? null : c.values()[row];
      case ColumnarSegment.ComplexColumn c -> c.values()[row];
      case ColumnarSegment.StringColumn c -> {
        if (!c.multiValue()) {
          yield c.dictionary()[c.ids()[row]];
        }
        final int start = c.rowStarts()[row];
        final int end = c.rowStarts()[row + 1];
        if (end - start == 1) {
          yield c.dictionary()[c.ids()[start]];
        }
        final List<String> values = new ArrayList<>();
        for (int i = start; i < end; i++) {
          values.add(c.dictionary()[c.ids()[i]]);
        }
        yield values;
      }
    };
  }

  /** Checks the contract: dictionaries sorted, null only first, ids in range, times ascending. */
  static void checkWellFormed(ColumnarSegment segment) {
    final long[] times = segment.timesMs();
    for (int r = 1; r < times.length; r++) {
      if (times[r] < times[r - 1]) {
        throw new AssertionError("times not ascending at row " + r);
      }
      if (times[r] < segment.info().intervalStartMs() || times[r] >= segment.info().intervalEndMs()) {
        throw new AssertionError("row " + r + " outside the segment interval");
      }
    }
    for (ColumnarSegment.Column column : segment.columns()) {
      if (column instanceof ColumnarSegment.StringColumn strings) {
        final String[] dictionary = strings.dictionary();
        for (int i = 0; i < dictionary.length; i++) {
          if (dictionary[i] == null && i != 0) {
            throw new AssertionError(column.name() + ": null at dictionary index " + i);
          }
          if (i > 0 && dictionary[i - 1] != null && dictionary[i - 1].compareTo(dictionary[i]) >= 0) {
            throw new AssertionError(column.name() + ": dictionary not sorted at " + i + ": " + Arrays.toString(dictionary));
          }
        }
        for (int id : strings.ids()) {
          if (id < 0 || id >= dictionary.length) {
            throw new AssertionError(column.name() + ": id " + id + " outside dictionary of " + dictionary.length);
          }
        }
        final boolean[] used = new boolean[dictionary.length];
        for (int id : strings.ids()) {
          used[id] = true;
        }
        for (int i = 0; i < used.length; i++) {
          if (!used[i]) {
            throw new AssertionError(column.name() + ": dictionary value " + dictionary[i] + " unused");
          }
        }
      }
    }
  }
}
