package io.nemeton.node.broker;

import io.nemeton.engine.query.time.Interval;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.timeline.Timeline;
import io.nemeton.node.timeline.TimelineSegment;
import io.nemeton.node.timeline.VisibleSegment;
import io.nemeton.node.view.SegmentPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of one datasource's served segments, with what the broker needs per segment: its
 * record and, for a segment only partly visible (a higher version covers part of its interval),
 * the visible pieces, so that a query reads it over those pieces only. Immutable and thread-safe.
 */
final class DataSourceTimeline {
  private final String dataSource;
  private final Timeline timeline;
  private final Map<String, SegmentRecord> records;
  private final Map<String, List<Interval>> partlyVisible;

  private DataSourceTimeline(String dataSource, Timeline timeline, Map<String, SegmentRecord> records,
      Map<String, List<Interval>> partlyVisible) {
    this.dataSource = dataSource;
    this.timeline = timeline;
    this.records = records;
    this.partlyVisible = partlyVisible;
  }

  static DataSourceTimeline of(String dataSource, List<SegmentRecord> served) {
    final Map<String, SegmentRecord> records = new HashMap<>();
    final List<TimelineSegment> segments = new ArrayList<>(served.size());
    for (SegmentRecord record : served) {
      records.put(record.id(), record);
      segments.add(new TimelineSegment(record.id(), record.startMs(), record.endMs(), record.version(),
          record.partition(), corePartitions(record)));
    }
    final Timeline timeline = Timeline.of(segments);
    final Map<String, List<Interval>> pieces = new LinkedHashMap<>();
    for (VisibleSegment visible : timeline.visible()) {
      pieces.computeIfAbsent(visible.segment().id(), id -> new ArrayList<>())
          .add(new Interval(visible.startMs(), visible.endMs()));
    }
    final Map<String, List<Interval>> partlyVisible = new HashMap<>();
    for (Map.Entry<String, List<Interval>> entry : pieces.entrySet()) {
      final SegmentRecord record = records.get(entry.getKey());
      final List<Interval> list = entry.getValue();
      final boolean whole = list.size() == 1 && list.get(0).startMs() == record.startMs()
          && list.get(0).endMs() == record.endMs();
      if (!whole) {
        partlyVisible.put(entry.getKey(), List.copyOf(list));
      }
    }
    return new DataSourceTimeline(dataSource, timeline, Map.copyOf(records), Map.copyOf(partlyVisible));
  }

  /** The core partition count from the payload's numbered shard spec; 0 (complete as is) when absent. */
  private static int corePartitions(SegmentRecord record) {
    final Object shardSpec = SegmentPayload.map(record).get("shardSpec");
    if (shardSpec instanceof Map<?, ?> spec && spec.get("partitions") instanceof Number partitions) {
      return Math.max(0, partitions.intValue());
    }
    return 0;
  }

  String dataSource() {
    return dataSource;
  }

  Timeline timeline() {
    return timeline;
  }

  SegmentRecord record(String segmentId) {
    return records.get(segmentId);
  }

  /** The visible pieces of a partly visible segment, or null when the whole segment is visible. */
  List<Interval> visiblePieces(String segmentId) {
    return partlyVisible.get(segmentId);
  }

  /** Ids of the visible segments overlapping {@code intervals}, in time then partition order, once each. */
  List<String> segmentsFor(List<Interval> intervals) {
    final LinkedHashMap<String, Boolean> ids = new LinkedHashMap<>();
    for (Interval interval : intervals) {
      for (VisibleSegment visible : timeline.lookup(interval.startMs(), interval.endMs())) {
        ids.putIfAbsent(visible.segment().id(), Boolean.TRUE);
      }
    }
    return List.copyOf(ids.keySet());
  }
}
