package io.nemeton.engine.wire;

import io.nemeton.engine.metadata.DataSourceMetadataPartial;
import io.nemeton.engine.metadata.SegmentMetadataPartial;
import io.nemeton.engine.metadata.TimeBoundaryPartial;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.scan.ScanPartial;
import io.nemeton.engine.search.SearchPartial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bodies of the partials without aggregators: scan rows, search hit counts, and the three
 * metadata queries. Strings (column names, segment ids, values) are interned by the writer, so a
 * segment id repeated on every scan row costs two bytes after the first.
 *
 * <pre>
 *   scan:               [columns] { [name] } [rows] { [segment id][time delta, any sign] [value] x columns }
 *   search:             [buckets] { [time delta][hits] { [dimension][value][count: zigzag] } }
 *   timeBoundary:       [min: nullable long][max: nullable long]
 *   segmentMetadata:    [analyses] { [analysis: map value] }
 *   dataSourceMetadata: [max: nullable long]
 * </pre>
 *
 * A nullable long is a presence byte (0 or 1) and, when 1, a zigzag varint. Stateless.
 */
final class ListedPartials {
  private ListedPartials() {
  }

  static void writeScan(PartialResult partial, WireWriter writer) {
    final ScanPartial scan = AggregatedPartials.cast(partial, ScanPartial.class, "scan");
    final int columns = scan.columns().size();
    writer.writeCount(columns);
    for (String column : scan.columns()) {
      writer.writeString(column);
    }
    writer.writeCount(scan.rows().size());
    long previous = 0;
    for (ScanPartial.Row row : scan.rows()) {
      if (row.values().length != columns) {
        throw new IllegalArgumentException("scan partial row holds " + row.values().length + " values where the "
            + "partial has " + columns + " columns");
      }
      writer.writeString(row.segmentId());
      writer.writeLong(row.timeMs() - previous);
      previous = row.timeMs();
      for (Object value : row.values()) {
        writer.writeValue(value);
      }
    }
  }

  static ScanPartial readScan(WireReader reader) {
    final int columnCount = reader.readCount("columns", 2);
    final List<String> columns = new ArrayList<>(columnCount);
    for (int c = 0; c < columnCount; c++) {
      columns.add(reader.readString("column name", false));
    }
    final int count = reader.readCount("rows", 3 + columnCount);
    final List<ScanPartial.Row> rows = new ArrayList<>(count);
    long time = 0;
    for (int r = 0; r < count; r++) {
      final String segmentId = reader.readString("segment id", false);
      time += reader.readLong("row time");
      final Object[] values = new Object[columnCount];
      for (int c = 0; c < columnCount; c++) {
        values[c] = reader.readValue("row value");
      }
      rows.add(new ScanPartial.Row(segmentId, time, values));
    }
    return new ScanPartial(List.copyOf(columns), rows);
  }

  static void writeSearch(PartialResult partial, WireWriter writer) {
    final TreeMap<Long, LinkedHashMap<List<Object>, Long>> buckets =
        AggregatedPartials.cast(partial, SearchPartial.class, "search").buckets();
    writer.writeCount(buckets.size());
    long previous = 0;
    for (Map.Entry<Long, LinkedHashMap<List<Object>, Long>> bucket : buckets.entrySet()) {
      writer.writeLong(bucket.getKey() - previous);
      previous = bucket.getKey();
      writer.writeCount(bucket.getValue().size());
      for (Map.Entry<List<Object>, Long> hit : bucket.getValue().entrySet()) {
        final List<Object> key = hit.getKey();
        if (key.size() != 2) {
          throw new IllegalArgumentException("search partial hit " + key + " is not a (dimension, value) pair");
        }
        writer.writeValue(key.get(0));
        writer.writeValue(key.get(1));
        writer.writeLong(hit.getValue());
      }
    }
  }

  static SearchPartial readSearch(WireReader reader) {
    final int count = reader.readCount("buckets", 2);
    final TreeMap<Long, LinkedHashMap<List<Object>, Long>> buckets = new TreeMap<>();
    long time = 0;
    for (int b = 0; b < count; b++) {
      final long delta = reader.readLong("bucket time");
      if (b > 0 && delta < 1) {
        throw reader.error("bucket time", "delta " + delta + " is below the limit 1 (buckets strictly increase)");
      }
      time += delta;
      final int hits = reader.readCount("hits", 3);
      final LinkedHashMap<List<Object>, Long> bucket = new LinkedHashMap<>();
      for (int h = 0; h < hits; h++) {
        final String dimension = reader.readString("hit dimension", false);
        final List<Object> key = Arrays.asList(dimension, reader.readValue("hit value"));
        if (bucket.put(key, reader.readLong("hit count")) != null) {
          throw reader.error("hit", "(dimension, value) " + key + " appears twice in the bucket at " + time);
        }
      }
      buckets.put(time, bucket);
    }
    return new SearchPartial(buckets);
  }

  static void writeTimeBoundary(PartialResult partial, WireWriter writer) {
    final TimeBoundaryPartial boundary = AggregatedPartials.cast(partial, TimeBoundaryPartial.class, "timeBoundary");
    writer.writeNullableLong(boundary.minTimeMs());
    writer.writeNullableLong(boundary.maxTimeMs());
  }

  static TimeBoundaryPartial readTimeBoundary(WireReader reader) {
    final Long min = reader.readNullableLong("min time");
    return new TimeBoundaryPartial(min, reader.readNullableLong("max time"));
  }

  static void writeSegmentMetadata(PartialResult partial, WireWriter writer) {
    final List<Map<String, Object>> analyses =
        AggregatedPartials.cast(partial, SegmentMetadataPartial.class, "segmentMetadata").analyses();
    writer.writeCount(analyses.size());
    for (Map<String, Object> analysis : analyses) {
      writer.writeValue(analysis);
    }
  }

  @SuppressWarnings("unchecked")
  static SegmentMetadataPartial readSegmentMetadata(WireReader reader) {
    final int count = reader.readCount("analyses", 2);
    final List<Map<String, Object>> analyses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final Object value = reader.readValue("analysis");
      if (!(value instanceof Map<?, ?> map)) {
        throw reader.error("analysis", "expected a map, got " + WireReader.describe(value));
      }
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw reader.error("analysis", "expected string keys, got " + WireReader.describe(key));
        }
      }
      analyses.add((Map<String, Object>) map);
    }
    return new SegmentMetadataPartial(analyses);
  }

  static void writeDataSourceMetadata(PartialResult partial, WireWriter writer) {
    writer.writeNullableLong(
        AggregatedPartials.cast(partial, DataSourceMetadataPartial.class, "dataSourceMetadata").maxTimeMs());
  }

  static DataSourceMetadataPartial readDataSourceMetadata(WireReader reader) {
    return new DataSourceMetadataPartial(reader.readNullableLong("max time"));
  }
}
