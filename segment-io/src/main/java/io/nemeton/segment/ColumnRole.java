package io.nemeton.segment;

/** Whether a column was ingested as a dimension or as a metric (aggregated at ingest). */
public enum ColumnRole {
  TIME,
  DIMENSION,
  METRIC
}
