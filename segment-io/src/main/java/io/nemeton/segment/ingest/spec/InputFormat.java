package io.nemeton.segment.ingest.spec;

/** The text formats ingestion reads. */
public enum InputFormat {
  JSON,
  CSV,
  TSV
}
