package io.nemeton.node.broker;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.view.SegmentView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The timelines of every served datasource, rebuilt only when the set of served segments changes
 * (compared by segment id against the last snapshot of {@link SegmentView#served()}). Thread-safe:
 * readers get an immutable snapshot; concurrent rebuilds are harmless (the last one wins).
 */
final class ServedTimelines {
  private final SegmentView view;
  private volatile Snapshot snapshot = new Snapshot(List.of(), Set.of(), Map.of());

  ServedTimelines(SegmentView view) {
    this.view = view;
  }

  /** The timelines of what is served now, by datasource name (sorted). */
  Map<String, DataSourceTimeline> current() {
    final List<SegmentRecord> served = view.served();
    Snapshot last = snapshot;
    if (served == last.served()) {
      return last.timelines();
    }
    final Set<String> ids = new HashSet<>(served.size() * 2);
    for (SegmentRecord record : served) {
      ids.add(record.id());
    }
    if (!ids.equals(last.ids())) {
      last = build(served, ids);
    } else {
      last = new Snapshot(served, last.ids(), last.timelines());
    }
    snapshot = last;
    return last.timelines();
  }

  private static Snapshot build(List<SegmentRecord> served, Set<String> ids) {
    final Map<String, List<SegmentRecord>> byDataSource = new HashMap<>();
    for (SegmentRecord record : served) {
      byDataSource.computeIfAbsent(record.dataSource(), name -> new ArrayList<>()).add(record);
    }
    final Map<String, DataSourceTimeline> timelines = new TreeMap<>();
    for (Map.Entry<String, List<SegmentRecord>> entry : byDataSource.entrySet()) {
      timelines.put(entry.getKey(), DataSourceTimeline.of(entry.getKey(), entry.getValue()));
    }
    return new Snapshot(served, Set.copyOf(ids), java.util.Collections.unmodifiableMap(timelines));
  }

  private record Snapshot(List<SegmentRecord> served, Set<String> ids, Map<String, DataSourceTimeline> timelines) {}
}
