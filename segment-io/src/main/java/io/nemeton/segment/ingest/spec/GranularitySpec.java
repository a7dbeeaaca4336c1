package io.nemeton.segment.ingest.spec;

import io.nemeton.segment.time.Granularity;
import io.nemeton.segment.time.TimeInterval;
import java.util.List;
import java.util.Objects;

/**
 * Time chunking ({@code segmentGranularity}), timestamp truncation ({@code queryGranularity}),
 * whether rows with equal truncated time and dimensions are merged ({@code rollup}), and the
 * {@code intervals} outside of which rows are thrown away (empty: keep every row). Druid rounds
 * the intervals out to whole segment-granularity buckets, and so does ingestion.
 *
 * <p>Immutable and thread-safe.
 */
public record GranularitySpec(Granularity segmentGranularity, Granularity queryGranularity, boolean rollup,
    List<TimeInterval> intervals) {
  public GranularitySpec {
    Objects.requireNonNull(segmentGranularity, "segmentGranularity");
    Objects.requireNonNull(queryGranularity, "queryGranularity");
    intervals = List.copyOf(intervals);
  }
}
