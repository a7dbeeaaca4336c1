package io.nemeton.engine.metadata;

import io.nemeton.engine.result.ResultRows;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs dataSourceMetadata queries: the latest event time of the datasource's segments, read from
 * each segment's last row. Stateless.
 */
public final class DataSourceMetadataEngine {
  private DataSourceMetadataEngine() {
  }

  public static DataSourceMetadataPartial runSegment(QueryableSegment segment) {
    return new DataSourceMetadataPartial(segment.rowCount() == 0 ? null : segment.maxTimeMs());
  }

  public static DataSourceMetadataPartial merge(List<? extends PartialResult> partials) {
    Long max = null;
    for (PartialResult partial : partials) {
      final Long time = ((DataSourceMetadataPartial) partial).maxTimeMs();
      if (time != null) {
        max = max == null ? time : Math.max(max, time);
      }
    }
    return new DataSourceMetadataPartial(max);
  }

  public static List<Object> finish(DataSourceMetadataPartial partial) {
    final List<Object> rows = new ArrayList<>();
    if (partial.maxTimeMs() != null) {
      final Map<String, Object> result = new LinkedHashMap<>();
      result.put("maxIngestedEventTime", ResultRows.timestamp(partial.maxTimeMs()));
      rows.add(ResultRows.timeseriesRow(partial.maxTimeMs(), result));
    }
    return rows;
  }
}
