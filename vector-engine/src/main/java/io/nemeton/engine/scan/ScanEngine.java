package io.nemeton.engine.scan;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.ValueBlocks;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.ScanQuery;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scan queries: reads the requested columns (all of the segment's when none are listed) of
 * the matching rows of each query interval, in time order. A segment stops reading once it has
 * {@code offset + limit} rows unless rows are wanted newest first, and a descending partial holds
 * its rows newest first. Partials concatenate in segment order ({@code order: none}) or merge by
 * time, stably (descending: from the last partial), so merging merged partials changes nothing; the answer applies offset and limit and
 * cuts rows into {@code {"segmentId","columns","events"}} objects of at most {@code batchSize}
 * rows, as lists of maps or, with {@code compactedList}, of arrays. {@code __time} is epoch
 * milliseconds. Stateless.
 */
public final class ScanEngine {
  private ScanEngine() {
  }

  /**
   * The time order asked for: {@code order}, or an {@code orderBy} on {@code __time} alone; ordering
   * by other columns is refused.
   */
  static ScanQuery.Order order(ScanQuery query) {
    if (query.orderBy() == null || query.orderBy().isEmpty()) {
      return query.order();
    }
    if (query.orderBy().size() == 1 && query.orderBy().get(0).columnName().equals(QueryableSegment.TIME_COLUMN)) {
      return query.orderBy().get(0).order();
    }
    throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION, "scan orderBy " + query.orderBy().stream()
        .map(ScanQuery.OrderBy::columnName).toList() + " is not supported; only __time can order a scan");
  }

  static List<String> columns(ScanQuery query, QueryableSegment segment) {
    return query.columns() == null || query.columns().isEmpty() ? segment.columnNames() : query.columns();
  }

  public static ScanPartial runSegment(ScanQuery query, QueryableSegment segment, ScanSettings settings) {
    final List<String> columns = columns(query, segment);
    final List<ScanPartial.Row> rows = new ArrayList<>();
    if (segment.rowCount() == 0) {
      return new ScanPartial(columns, rows);
    }
    // rows hold boxed values, strings and fresh lists, never a reader's block: the scan's scratch
    // can go back as soon as the rows are read
    try (SegmentScan scan = new SegmentScan(segment, query.virtualColumns(), query.filter(), settings.vectorSize(),
        settings.maxBitmapUnion(), settings.kernels())) {
      if (scan.matchesNothing()) {
        return new ScanPartial(columns, rows);
      }
      final ValueBlocks[] readers = new ValueBlocks[columns.size()];
      for (int c = 0; c < readers.length; c++) {
        readers[c] = columns.get(c).equals(QueryableSegment.TIME_COLUMN) ? null : scan.columns().values(columns.get(c));
      }
      final long wanted = query.limit() == null || order(query) == ScanQuery.Order.DESCENDING
          ? Long.MAX_VALUE : query.offset() + query.limit();
      final String segmentId = segment.segmentId();
      for (Interval interval : query.intervals().intervals()) {
        scan.reset(segment.lowerBoundRow(interval.startMs()), segment.lowerBoundRow(interval.endMs()));
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
          final int block = batch.block();
          for (int i = 0; i < batch.size(); i++) {
            if (rows.size() >= wanted) {
              return new ScanPartial(columns, rows);
            }
            final int position = batch.position(i);
            final long time = scan.timeAt(batch.blockStartRow() + position);
            final Object[] values = new Object[readers.length];
            for (int c = 0; c < readers.length; c++) {
              values[c] = readers[c] == null ? (Object) time : readers[c].value(block, position);
            }
            rows.add(new ScanPartial.Row(segmentId, time, values));
          }
        }
      }
      if (order(query) == ScanQuery.Order.DESCENDING) {
        // a segment read backwards, as a descending cursor would: the partial is in its final order,
        // so a merge only interleaves partials and merging merged partials again changes nothing
        Collections.reverse(rows);
      }
    }
    return new ScanPartial(columns, rows);
  }

  public static ScanPartial merge(ScanQuery query, List<? extends PartialResult> partials) {
    final List<ScanPartial.Row> rows = new ArrayList<>();
    List<String> columns = query.columns() == null ? List.of() : query.columns();
    final ScanQuery.Order order = order(query);
    // newest first: the last partial's rows come first among rows of equal time, as if every segment
    // were read backwards one after the other from the last
    final boolean backwards = order == ScanQuery.Order.DESCENDING;
    for (int p = 0; p < partials.size(); p++) {
      final ScanPartial scan = (ScanPartial) partials.get(backwards ? partials.size() - 1 - p : p);
      rows.addAll(scan.rows());
      if (columns.isEmpty()) {
        columns = scan.columns();
      }
    }
    if (order != ScanQuery.Order.NONE) {
      // stable: rows of equal time keep their order within a partial, and partials their order
      final Comparator<ScanPartial.Row> byTime = Comparator.comparingLong(ScanPartial.Row::timeMs);
      rows.sort(order == ScanQuery.Order.DESCENDING ? byTime.reversed() : byTime);
    }
    if (query.limit() != null) {
      final long keep = query.offset() + query.limit();
      if (rows.size() > keep) {
        return new ScanPartial(columns, new ArrayList<>(rows.subList(0, (int) keep)));
      }
    }
    return new ScanPartial(columns, rows);
  }

  public static List<Object> finish(ScanQuery query, ScanPartial partial) {
    final List<ScanPartial.Row> all = partial.rows();
    final int from = (int) Math.min(query.offset(), all.size());
    final int to = query.limit() == null ? all.size() : (int) Math.min(all.size(), from + query.limit());
    final List<Object> answer = new ArrayList<>();
    final boolean compacted = query.resultFormat() == ScanQuery.ResultFormat.COMPACTED_LIST;
    Map<String, Object> current = null;
    List<Object> events = null;
    for (int r = from; r < to; r++) {
      final ScanPartial.Row row = all.get(r);
      if (current == null || !current.get("segmentId").equals(row.segmentId()) || events.size() >= query.batchSize()) {
        current = new LinkedHashMap<>();
        current.put("segmentId", row.segmentId());
        current.put("columns", partial.columns());
        events = new ArrayList<>();
        current.put("events", events);
        answer.add(current);
      }
      if (compacted) {
        events.add(java.util.Arrays.asList(row.values()));
      } else {
        final Map<String, Object> event = new LinkedHashMap<>();
        for (int c = 0; c < row.values().length; c++) {
          event.put(partial.columns().get(c), row.values()[c]);
        }
        events.add(event);
      }
    }
    return answer;
  }
}
