package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.json.JsonTrees;

/**
 * A parsed, validated Druid native query. Implementations are immutable records, one per query
 * type; {@link QueryParser} builds them from JSON and {@link #toJson()} writes them back so that
 * parse, write and parse again gives an equal query.
 */
public sealed interface Query
    permits TimeseriesQuery, TopNQuery, GroupByQuery, ScanQuery, SearchQuery, TimeBoundaryQuery,
        SegmentMetadataQuery, DataSourceMetadataQuery {

  /** Druid's {@code queryType} name, e.g. {@code topN}. */
  String queryType();

  DataSource dataSource();

  /** The intervals the query covers; all of time when the query type allows leaving them out. */
  QueryIntervals intervals();

  QueryContext context();

  /** The same query with another context (e.g. with the broker's {@code queryId} added). */
  Query withContext(QueryContext context);

  /** The query as a JSON tree in Druid's shape, defaults written out. */
  ObjectNode toJsonNode();

  /** The query as compact JSON text, for forwarding. */
  default String toJson() {
    return JsonTrees.write(toJsonNode());
  }

  /**
   * A stable key for caching the whole result: equal for queries that must give equal results,
   * ignoring context keys that only change how a query runs (timeout, priority, queryId, cache
   * flags, vectorization). 33 bytes: a format version, then a SHA-256 digest.
   */
  default byte[] cacheKey() {
    return CacheKeys.resultKey(this);
  }

  /**
   * Like {@link #cacheKey()} but without the query's intervals, for caching per-segment results:
   * the caller adds the segment id and the part of the segment's interval the query covers.
   */
  default byte[] segmentCacheKey() {
    return CacheKeys.segmentKey(this);
  }
}
