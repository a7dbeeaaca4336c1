package io.nemeton.segment.ingest;

import java.io.IOException;

/**
 * Told the row counters once per input batch (about 1,024 rows), so a caller can show progress
 * while an ingestion runs and stop it: an exception thrown here ends the ingestion with that
 * exception (spilled runs are deleted as on any failure). Called on the ingesting thread; it should
 * return quickly and not allocate.
 */
@FunctionalInterface
public interface IngestProgress {
  /** Ignores progress. */
  IngestProgress NONE = (processed, processedWithError, thrownAway, unparseable) -> {};

  /** The counters so far, as in {@link IngestReport}. */
  void rowsSoFar(long processed, long processedWithError, long thrownAway, long unparseable) throws IOException;
}
