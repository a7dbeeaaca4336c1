package io.nemeton.segment.ingest.spec;

import java.util.Objects;

/**
 * One dimension: its name (also the input field it reads), type, how multi-value rows are stored
 * (strings only) and whether a bitmap index is wanted (strings only; the writer decides).
 *
 * <p>Immutable and thread-safe.
 */
public record DimensionSpec(String name, DimensionType type, MultiValueHandling multiValueHandling,
    boolean createBitmapIndex) {
  public DimensionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(multiValueHandling, "multiValueHandling");
  }

  /** A string dimension with Druid's defaults. */
  public static DimensionSpec string(String name) {
    return new DimensionSpec(name, DimensionType.STRING, MultiValueHandling.SORTED_ARRAY, true);
  }
}
