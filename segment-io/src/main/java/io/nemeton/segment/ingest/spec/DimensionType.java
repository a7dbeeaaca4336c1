package io.nemeton.segment.ingest.spec;

/** The value type of a dimension, as {@code dimensionsSpec.dimensions[].type}. */
public enum DimensionType {
  STRING,
  LONG,
  FLOAT,
  DOUBLE
}
