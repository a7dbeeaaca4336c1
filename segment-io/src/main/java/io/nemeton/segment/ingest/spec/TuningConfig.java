package io.nemeton.segment.ingest.spec;

/**
 * Limits: rows per segment (dynamic partitioning), rows held in memory before a sorted run is
 * spilled to disk, parse exceptions tolerated before ingestion fails (unparseable rows plus rows
 * with unparseable fields, as Druid counts them) and parse exception messages kept for the report.
 *
 * <p>Immutable and thread-safe.
 */
public record TuningConfig(int maxRowsPerSegment, int maxRowsInMemory, long maxParseExceptions,
    int maxSavedParseExceptions) {
  public static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;
  public static final int DEFAULT_MAX_ROWS_IN_MEMORY = 1_000_000;
  public static final int DEFAULT_MAX_SAVED_PARSE_EXCEPTIONS = 10;
  /** Largest Java array a column may use. */
  public static final int MAX_ROWS = Integer.MAX_VALUE - 8;

  public TuningConfig {
    if (maxRowsPerSegment < 1 || maxRowsPerSegment > MAX_ROWS) {
      throw new IllegalArgumentException("maxRowsPerSegment=" + maxRowsPerSegment + ": must be between 1 and " + MAX_ROWS);
    }
    if (maxRowsInMemory < 1 || maxRowsInMemory > MAX_ROWS) {
      throw new IllegalArgumentException("maxRowsInMemory=" + maxRowsInMemory + ": must be between 1 and " + MAX_ROWS);
    }
    if (maxParseExceptions < 0) {
      throw new IllegalArgumentException("maxParseExceptions=" + maxParseExceptions + ": must be >= 0");
    }
    if (maxSavedParseExceptions < 0) {
      throw new IllegalArgumentException("maxSavedParseExceptions=" + maxSavedParseExceptions + ": must be >= 0");
    }
  }

  /** Druid's defaults, with parse exceptions unlimited. */
  public static TuningConfig defaults() {
    return new TuningConfig(DEFAULT_MAX_ROWS_PER_SEGMENT, DEFAULT_MAX_ROWS_IN_MEMORY, Long.MAX_VALUE,
        DEFAULT_MAX_SAVED_PARSE_EXCEPTIONS);
  }
}
