package io.nemeton.segment.ingest.spec;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code metricsSpec} aggregator: output {@code name}, {@code kind}, input {@code fieldName}
 * (null for {@code count}) and the kind's parameters: {@code lgK} and {@code tgtHllType} (HLL,
 * also used for {@code hyperUnique}), {@code utf8} (HLL string encoding; Druid's default is
 * UTF-16LE), {@code size} (theta nominal entries), {@code k} (quantiles), {@code maxStringBytes}
 * (string first/last). {@code json} is the aggregator as given, kept in segment metadata.
 *
 * <p>Immutable and thread-safe.
 */
public record MetricSpec(String name, MetricKind kind, String fieldName, int lgK, String tgtHllType, boolean utf8,
    int size, int k, int maxStringBytes, Map<String, Object> json) {
  public static final int DEFAULT_LG_K = 12;
  public static final String DEFAULT_TGT_HLL_TYPE = "HLL_4";
  public static final int DEFAULT_THETA_SIZE = 16384;
  public static final int DEFAULT_QUANTILES_K = 128;
  public static final int DEFAULT_MAX_STRING_BYTES = 1024;

  public MetricSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    json = json == null ? Map.of() : json;
  }

  /** An aggregator with default parameters. */
  public static MetricSpec of(String name, MetricKind kind, String fieldName) {
    return new MetricSpec(name, kind, fieldName, DEFAULT_LG_K, DEFAULT_TGT_HLL_TYPE, false, DEFAULT_THETA_SIZE,
        DEFAULT_QUANTILES_K, DEFAULT_MAX_STRING_BYTES,
        fieldName == null ? Map.of("type", kind.druidType(), "name", name)
            : Map.of("type", kind.druidType(), "name", name, "fieldName", fieldName));
  }
}
