package io.nemeton.node.testing;

import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.format.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only {@link SegmentView} over real segment files: each added file is mapped and served
 * until removed or closed. Leases pin nothing (segments are closed only by {@link #close()}).
 */
public final class ServedSegments implements SegmentView, AutoCloseable {
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private volatile List<SegmentRecord> served = List.of();

  /** Maps {@code file} and serves it, with a payload built from the file (core partitions as given). */
  public synchronized SegmentRecord add(Path file, int corePartitions) throws IOException {
    final Segment segment = Segment.open(file);
    final List<String> dimensions = new ArrayList<>();
    final List<String> metrics = new ArrayList<>();
    for (String name : segment.columnNames()) {
      if (segment.role(name) == ColumnRole.DIMENSION) {
        dimensions.add(name);
      } else if (segment.role(name) != ColumnRole.TIME) {
        metrics.add(name);
      }
    }
    final SegmentPayload payload = new SegmentPayload(segment.info(), Map.of("type", "local", "path", file.toString()),
        dimensions, metrics, segment.sizeBytes(), segment.rowCount(), corePartitions);
    final SegmentRecord record = new SegmentRecord(payload.id(), segment.info().dataSource(),
        segment.info().intervalStartMs(), segment.info().intervalEndMs(), segment.info().version(),
        segment.info().partition(), payload.toJson(), true, 0, 0);
    final Entry previous = entries.put(record.id(), new Entry(record, QueryableSegment.owning(segment)));
    if (previous != null) {
      previous.segment().close();
    }
    publish();
    return record;
  }

  public synchronized void remove(String id) {
    final Entry entry = entries.remove(id);
    if (entry != null) {
      entry.segment().close();
    }
    publish();
  }

  private void publish() {
    final List<SegmentRecord> records = new ArrayList<>();
    for (Entry entry : entries.values()) {
      records.add(entry.record());
    }
    served = List.copyOf(records);
  }

  @Override
  public List<SegmentRecord> served() {
    return served;
  }

  @Override
  public synchronized SegmentLease acquire(Collection<String> segmentIds) {
    final List<QueryableSegment> segments = new ArrayList<>();
    for (String id : segmentIds) {
      final Entry entry = entries.get(id);
      if (entry != null) {
        segments.add(entry.segment());
      }
    }
    final List<QueryableSegment> pinned = List.copyOf(segments);
    return SegmentLease.of(pinned);
  }

  @Override
  public synchronized void close() {
    for (Entry entry : entries.values()) {
      entry.segment().close();
    }
    entries.clear();
    served = List.of();
  }

  private record Entry(SegmentRecord record, QueryableSegment segment) {}
}
