package io.nemeton.engine.result;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.PostAggregations;
import io.nemeton.engine.query.GranularitySpec;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.time.IsoInstant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds answer rows in Druid's shapes as plain maps and lists, which {@link ResultJson} writes.
 * Key order follows Druid: dimensions, then aggregators, then post-aggregators. Stateless.
 */
public final class ResultRows {
  private ResultRows() {
  }

  /** Druid's timestamp text, {@code 2013-08-31T00:00:00.000Z}; null stays null. */
  public static String timestamp(Long timeMs) {
    return timeMs == null ? null : IsoInstant.format(timeMs);
  }

  /**
   * A bucket timestamp as Druid prints it for {@code granularity}: in the period's time zone with
   * its offset ({@code 2013-08-31T00:00:00.000-07:00}) when the granularity is a period with a zone,
   * else in UTC.
   */
  public static String timestamp(Long timeMs, GranularitySpec granularity) {
    if (timeMs == null) {
      return null;
    }
    if (granularity.kind() == GranularitySpec.Kind.PERIOD && granularity.timeZone() != null) {
      return IsoInstant.format(timeMs, granularity.zone());
    }
    return IsoInstant.format(timeMs);
  }

  /** {@code {"timestamp": ..., "result": result}}, the timestamp in UTC. */
  public static Map<String, Object> timeseriesRow(Long timeMs, Object result) {
    return timeseriesRow(timestamp(timeMs), result);
  }

  /** {@code {"timestamp": ..., "result": result}} with a formatted timestamp. */
  public static Map<String, Object> timeseriesRow(String timestamp, Object result) {
    final Map<String, Object> row = new LinkedHashMap<>();
    row.put("timestamp", timestamp);
    row.put("result", result);
    return row;
  }

  /** {@code {"version": "v1", "timestamp": ..., "event": event}}. */
  public static Map<String, Object> groupByRow(String timestamp, Map<String, Object> event) {
    final Map<String, Object> row = new LinkedHashMap<>();
    row.put("version", "v1");
    row.put("timestamp", timestamp);
    row.put("event", event);
    return row;
  }

  /**
   * The aggregator values of one row followed by its post-aggregator values: post-aggregators read
   * intermediate values, then aggregator values are finalized when {@code finalize}.
   */
  public static Map<String, Object> aggregated(List<Aggregation> aggregations, Object[] values,
      List<PostAggregator> postAggregators, boolean finalize) {
    final Map<String, Object> row = new LinkedHashMap<>();
    addAggregated(row, aggregations, values, postAggregators, finalize);
    return row;
  }

  /** Adds aggregator and post-aggregator values to {@code row} (which may already hold dimensions). */
  public static void addAggregated(Map<String, Object> row, List<Aggregation> aggregations, Object[] values,
      List<PostAggregator> postAggregators, boolean finalize) {
    for (int i = 0; i < values.length; i++) {
      row.put(aggregations.get(i).name(), values[i]);
    }
    if (!postAggregators.isEmpty()) {
      final Map<String, Aggregation> byName = new HashMap<>();
      for (Aggregation aggregation : aggregations) {
        byName.put(aggregation.name(), aggregation);
      }
      PostAggregations.computeAll(postAggregators, row, byName);
    }
    if (finalize) {
      for (int i = 0; i < values.length; i++) {
        row.put(aggregations.get(i).name(), aggregations.get(i).finalizeValue(values[i]));
      }
    }
  }
}
