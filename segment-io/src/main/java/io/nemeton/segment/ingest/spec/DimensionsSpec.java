package io.nemeton.segment.ingest.spec;

import java.util.List;

/**
 * The dimensions to ingest. With an empty {@code dimensions} list ingestion is schemaless: every
 * input field that is not the timestamp, not a metric's input or name, and not in {@code
 * exclusions} becomes a string dimension, in order of first appearance. With {@code
 * includeAllDimensions}, discovered fields follow the listed dimensions.
 *
 * <p>Immutable and thread-safe.
 */
public record DimensionsSpec(List<DimensionSpec> dimensions, List<String> exclusions, boolean includeAllDimensions) {
  public DimensionsSpec {
    dimensions = List.copyOf(dimensions);
    exclusions = List.copyOf(exclusions);
  }

  /** True when fields of the input become dimensions as they are discovered. */
  public boolean discoversDimensions() {
    return dimensions.isEmpty() || includeAllDimensions;
  }
}
