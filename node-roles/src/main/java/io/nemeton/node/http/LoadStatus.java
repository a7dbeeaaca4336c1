package io.nemeton.node.http;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.timeline.Timeline;
import io.nemeton.node.timeline.TimelineSegment;
import io.nemeton.node.view.SegmentPayload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How much of one datasource is loaded: of its used segments that no complete newer version
 * overshadows (the ones the coordinator asks historicals to load), how many are served. Immutable.
 */
record LoadStatus(int wanted, int loaded) {

  /** Percent loaded, 100 when nothing is wanted, as Druid's {@code loadstatus} prints it. */
  double percent() {
    return wanted == 0 ? 100.0 : 100.0 * loaded / wanted;
  }

  /** Segments left to load ({@code ?simple}). */
  int left() {
    return wanted - loaded;
  }

  /** Per datasource with used segments, names sorted. */
  static Map<String, LoadStatus> of(List<SegmentRecord> used, List<SegmentRecord> served) {
    final Set<String> servedIds = new HashSet<>();
    for (SegmentRecord record : served) {
      servedIds.add(record.id());
    }
    final Map<String, List<SegmentRecord>> byDataSource = new TreeMap<>();
    for (SegmentRecord record : used) {
      byDataSource.computeIfAbsent(record.dataSource(), name -> new ArrayList<>()).add(record);
    }
    final Map<String, LoadStatus> out = new TreeMap<>();
    for (Map.Entry<String, List<SegmentRecord>> entry : byDataSource.entrySet()) {
      final List<TimelineSegment> segments = new ArrayList<>();
      for (SegmentRecord record : entry.getValue()) {
        segments.add(new TimelineSegment(record.id(), record.startMs(), record.endMs(), record.version(),
            record.partition(), corePartitions(record)));
      }
      final Set<String> overshadowed = Timeline.of(segments).overshadowed();
      int wanted = 0;
      int loaded = 0;
      for (SegmentRecord record : entry.getValue()) {
        if (!overshadowed.contains(record.id())) {
          wanted++;
          if (servedIds.contains(record.id())) {
            loaded++;
          }
        }
      }
      out.put(entry.getKey(), new LoadStatus(wanted, loaded));
    }
    return out;
  }

  static int corePartitions(SegmentRecord record) {
    if (SegmentPayload.map(record).get("shardSpec") instanceof Map<?, ?> spec
        && spec.get("partitions") instanceof Number partitions) {
      return Math.max(0, partitions.intValue());
    }
    return 0;
  }
}
