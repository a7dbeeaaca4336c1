package io.nemeton.node.broker;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.timeline.VisibleSegment;
import io.nemeton.node.view.SegmentPayload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of one served datasource as Druid's broker lists them at {@code GET
 * /druid/v2/datasources/{ds}}: the union of the dimensions and of the metrics of its visible
 * segments, newest segments first. Immutable.
 */
public record DataSourceSchema(List<String> dimensions, List<String> metrics) {

  public DataSourceSchema {
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
  }

  static DataSourceSchema of(DataSourceTimeline timeline) {
    final List<VisibleSegment> visible = new ArrayList<>(timeline.timeline().visible());
    final Set<String> dimensions = new LinkedHashSet<>();
    final Set<String> metrics = new LinkedHashSet<>();
    final Set<String> seen = new LinkedHashSet<>();
    for (int i = visible.size() - 1; i >= 0; i--) {
      final String id = visible.get(i).segment().id();
      if (!seen.add(id)) {
        continue;
      }
      final SegmentRecord record = timeline.record(id);
      final Map<String, Object> payload = SegmentPayload.map(record);
      split(payload.get("dimensions"), dimensions);
      split(payload.get("metrics"), metrics);
    }
    return new DataSourceSchema(new ArrayList<>(dimensions), new ArrayList<>(metrics));
  }

  private static void split(Object names, Set<String> into) {
    if (names instanceof String text && !text.isEmpty()) {
      for (String name : text.split(",")) {
        into.add(name);
      }
    } else if (names instanceof List<?> list) {
      for (Object name : list) {
        into.add(String.valueOf(name));
      }
    }
  }
}
