package io.nemeton.segment.ingest.spec;

/**
 * An ingestion spec (or one of its fields) that cannot be used. The message names the field by
 * its JSON path, the value and what was expected, e.g. {@code
 * spec.tuningConfig.maxRowsInMemory=0: must be between 1 and 2147483639}.
 */
public final class IngestSpecException extends IllegalArgumentException {
  public IngestSpecException(String message) {
    super(message);
  }

  public IngestSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
