package io.nemeton.node.coordinator;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.timeline.Timeline;
import io.nemeton.node.timeline.TimelineSegment;
import io.nemeton.node.zookeeper.SegmentRecordJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the coordinator reads out of segment payloads (size, core partition count), parsed once per
 * segment id and kept while the segment is used: payloads never change under an id. Thread-safe.
 */
final class SegmentFacts {
  private record Facts(long sizeBytes, int corePartitions) {}

  private final Map<String, Facts> byId = new ConcurrentHashMap<>();

  long sizeBytes(SegmentRecord record) {
    return facts(record).sizeBytes();
  }

  Timeline timeline(List<SegmentRecord> segments) {
    final List<TimelineSegment> timeline = new ArrayList<>(segments.size());
    for (SegmentRecord s : segments) {
      timeline.add(new TimelineSegment(s.id(), s.startMs(), s.endMs(), s.version(), s.partition(),
          facts(s).corePartitions()));
    }
    return Timeline.of(timeline);
  }

  /** Forgets segments no longer used. */
  void retain(List<SegmentRecord> used) {
    final Set<String> ids = new HashSet<>(used.size());
    for (SegmentRecord s : used) {
      ids.add(s.id());
    }
    byId.keySet().retainAll(ids);
  }

  private Facts facts(SegmentRecord record) {
    return byId.computeIfAbsent(record.id(), id -> new Facts(SegmentRecordJson.sizeBytes(record),
        SegmentRecordJson.corePartitions(record)));
  }

  static Map<String, List<SegmentRecord>> byDataSource(List<SegmentRecord> segments) {
    final Map<String, List<SegmentRecord>> out = new TreeMap<>();
    for (SegmentRecord s : segments) {
      out.computeIfAbsent(s.dataSource(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }
}
