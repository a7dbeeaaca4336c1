package io.nemeton.segment.ingest.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated batch ingestion spec: Druid's {@code dataSchema} (datasource, timestamp,
 * dimensions, metrics, granularity), {@code ioConfig} (input source and format) and {@code
 * tuningConfig}. Build one with {@link #parse(String)} from a whole task ({@code {"type": "index"
 * | "index_parallel", "spec": {...}}}), a bare spec, or the legacy {@code parser}/{@code firehose}
 * form.
 *
 * <p>Immutable and thread-safe.
 */
public record IngestionSpec(String dataSource, TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec,
    List<MetricSpec> metrics, GranularitySpec granularitySpec, InputSourceSpec inputSource,
    InputFormatSpec inputFormat, TuningConfig tuningConfig) {

  public IngestionSpec {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(timestampSpec, "timestampSpec");
    Objects.requireNonNull(dimensionsSpec, "dimensionsSpec");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(granularitySpec, "granularitySpec");
    Objects.requireNonNull(inputSource, "inputSource");
    Objects.requireNonNull(inputFormat, "inputFormat");
    Objects.requireNonNull(tuningConfig, "tuningConfig");
  }

  /** Parses and validates a task or spec; {@link IngestSpecException} names the first bad field. */
  public static IngestionSpec parse(String json) {
    return SpecParser.parse(json);
  }

  /** A copy reading from another input source (tests and tools point specs at local data). */
  public IngestionSpec withInputSource(InputSourceSpec source) {
    return new IngestionSpec(dataSource, timestampSpec, dimensionsSpec, metrics, granularitySpec, source, inputFormat,
        tuningConfig);
  }

  /** A copy with other tuning. */
  public IngestionSpec withTuningConfig(TuningConfig tuning) {
    return new IngestionSpec(dataSource, timestampSpec, dimensionsSpec, metrics, granularitySpec, inputSource,
        inputFormat, tuning);
  }

  /**
   * Segment metadata as Druid keeps it in {@code metadata.drd}: {@code aggregators}, {@code
   * timestampSpec}, {@code queryGranularity} and {@code rollup}, as plain JSON values.
   */
  public Map<String, Object> segmentMetadata() {
    final Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("aggregators", metrics.stream().map(MetricSpec::json).toList());
    metadata.put("timestampSpec", timestampSpec.toJson());
    metadata.put("queryGranularity", granularitySpec.queryGranularity().toJson());
    metadata.put("rollup", granularitySpec.rollup());
    return metadata;
  }
}
