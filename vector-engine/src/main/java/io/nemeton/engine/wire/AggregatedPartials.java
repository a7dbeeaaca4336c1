package io.nemeton.engine.wire;

import io.nemeton.engine.groupby.GroupByEngineKey;
import io.nemeton.engine.groupby.GroupByEnginePartial;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.TopNQuery;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.timeseries.TimeseriesPartial;
import io.nemeton.engine.topn.TopNPartial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bodies of the partials that hold aggregator values: timeseries (by bucket), topN (by bucket
 * and dimension value) and groupBy (by time and dimension values). Bucket and group times are
 * written as deltas from the previous one (buckets strictly increasing, so a decoder refuses a
 * delta below 1). Every value array has exactly the query's number of aggregators.
 *
 * <pre>
 *   timeseries: [aggregators][buckets] { [time delta] [value] x aggregators }
 *   topN:       [aggregators][buckets] { [time delta][entries] { [dimension value] [value] x aggregators } }
 *   groupBy:    [aggregators][dimensions][groups] { [time delta, any sign] [key value] x dimensions
 *                                                   [value] x aggregators }
 * </pre>
 *
 * Stateless.
 */
final class AggregatedPartials {
  private AggregatedPartials() {
  }

  static <T> T cast(PartialResult partial, Class<T> type, String queryType) {
    if (!type.isInstance(partial)) {
      throw new IllegalArgumentException("a " + queryType + " query's partial must be a " + type.getSimpleName()
          + ", got " + partial.getClass().getName());
    }
    return type.cast(partial);
  }

  private static void writeValues(Object[] values, int aggregators, WireWriter writer) {
    if (values.length != aggregators) {
      throw new IllegalArgumentException("partial holds " + values.length + " aggregator values where the query has "
          + aggregators + " aggregators");
    }
    for (Object value : values) {
      writer.writeValue(value);
    }
  }

  private static Object[] readValues(int aggregators, WireReader reader) {
    final Object[] values = new Object[aggregators];
    for (int a = 0; a < aggregators; a++) {
      values[a] = reader.readValue("aggregator value");
    }
    return values;
  }

  private static int readAggregators(int expected, WireReader reader) {
    final int count = reader.readUnsigned("aggregators");
    if (count != expected) {
      throw reader.error("aggregators", "count " + count + " does not match the query's " + expected + " aggregators");
    }
    return count;
  }

  private static long readBucketTime(long previous, boolean first, WireReader reader) {
    final long delta = reader.readLong("bucket time");
    if (!first && delta < 1) {
      throw reader.error("bucket time", "delta " + delta + " is below the limit 1 (buckets strictly increase)");
    }
    return previous + delta;
  }

  static void writeTimeseries(TimeseriesQuery query, PartialResult partial, WireWriter writer) {
    final TreeMap<Long, Object[]> buckets = cast(partial, TimeseriesPartial.class, "timeseries").buckets();
    final int aggregators = query.aggregations().size();
    writer.writeCount(aggregators);
    writer.writeCount(buckets.size());
    long previous = 0;
    for (Map.Entry<Long, Object[]> bucket : buckets.entrySet()) {
      writer.writeLong(bucket.getKey() - previous);
      previous = bucket.getKey();
      writeValues(bucket.getValue(), aggregators, writer);
    }
  }

  static TimeseriesPartial readTimeseries(TimeseriesQuery query, WireReader reader) {
    final int aggregators = readAggregators(query.aggregations().size(), reader);
    final int count = reader.readCount("buckets", 1 + aggregators);
    final TreeMap<Long, Object[]> buckets = new TreeMap<>();
    long time = 0;
    for (int b = 0; b < count; b++) {
      time = readBucketTime(time, b == 0, reader);
      buckets.put(time, readValues(aggregators, reader));
    }
    return new TimeseriesPartial(buckets);
  }

  static void writeTopN(TopNQuery query, PartialResult partial, WireWriter writer) {
    final TreeMap<Long, LinkedHashMap<Object, Object[]>> buckets = cast(partial, TopNPartial.class, "topN").buckets();
    final int aggregators = query.aggregations().size();
    writer.writeCount(aggregators);
    writer.writeCount(buckets.size());
    long previous = 0;
    for (Map.Entry<Long, LinkedHashMap<Object, Object[]>> bucket : buckets.entrySet()) {
      writer.writeLong(bucket.getKey() - previous);
      previous = bucket.getKey();
      writer.writeCount(bucket.getValue().size());
      for (Map.Entry<Object, Object[]> entry : bucket.getValue().entrySet()) {
        writer.writeValue(entry.getKey());
        writeValues(entry.getValue(), aggregators, writer);
      }
    }
  }

  static TopNPartial readTopN(TopNQuery query, WireReader reader) {
    final int aggregators = readAggregators(query.aggregations().size(), reader);
    final int count = reader.readCount("buckets", 2);
    final TreeMap<Long, LinkedHashMap<Object, Object[]>> buckets = new TreeMap<>();
    long time = 0;
    for (int b = 0; b < count; b++) {
      time = readBucketTime(time, b == 0, reader);
      final int entries = reader.readCount("bucket entries", 1 + aggregators);
      final LinkedHashMap<Object, Object[]> bucket = new LinkedHashMap<>();
      for (int e = 0; e < entries; e++) {
        final Object key = reader.readValue("dimension value");
        if (bucket.put(key, readValues(aggregators, reader)) != null) {
          throw reader.error("dimension value", "value " + key + " appears twice in the bucket at " + time);
        }
      }
      buckets.put(time, bucket);
    }
    return new TopNPartial(buckets);
  }

  static void writeGroupBy(GroupByQuery query, PartialResult partial, WireWriter writer) {
    // materializes dictionary-id groups: the encoding must not depend on the segment
    final LinkedHashMap<GroupByEngineKey, Object[]> groups = cast(partial, GroupByEnginePartial.class, "groupBy")
        .groups();
    final int aggregators = query.aggregations().size();
    final int dimensions = query.dimensions().size();
    writer.writeCount(aggregators);
    writer.writeCount(dimensions);
    writer.writeCount(groups.size());
    long previous = 0;
    for (Map.Entry<GroupByEngineKey, Object[]> group : groups.entrySet()) {
      final GroupByEngineKey key = group.getKey();
      if (key.values().size() != dimensions) {
        throw new IllegalArgumentException("groupBy partial key " + key.values() + " has " + key.values().size()
            + " values where the query has " + dimensions + " dimensions");
      }
      writer.writeLong(key.timeMs() - previous);
      previous = key.timeMs();
      for (Object value : key.values()) {
        writer.writeValue(value);
      }
      writeValues(group.getValue(), aggregators, writer);
    }
  }

  static GroupByEnginePartial readGroupBy(GroupByQuery query, WireReader reader) {
    final int aggregators = readAggregators(query.aggregations().size(), reader);
    final int dimensions = reader.readUnsigned("dimensions");
    if (dimensions != query.dimensions().size()) {
      throw reader.error("dimensions", "count " + dimensions + " does not match the query's "
          + query.dimensions().size() + " dimensions");
    }
    final int count = reader.readCount("groups", 1 + dimensions + aggregators);
    final LinkedHashMap<GroupByEngineKey, Object[]> groups = new LinkedHashMap<>();
    long time = 0;
    for (int g = 0; g < count; g++) {
      time += reader.readLong("group time");
      final List<Object> values;
      if (dimensions == 1) {
        values = Collections.singletonList(reader.readValue("dimension value"));
      } else {
        values = new ArrayList<>(dimensions);
        for (int d = 0; d < dimensions; d++) {
          values.add(reader.readValue("dimension value"));
        }
      }
      final GroupByEngineKey key = new GroupByEngineKey(time, values);
      if (groups.put(key, readValues(aggregators, reader)) != null) {
        throw reader.error("group", "key " + key + " appears twice");
      }
    }
    return new GroupByEnginePartial(groups);
  }
}
