package io.nemeton.segment.ingest;

import java.io.IOException;

/**
 * Ingestion stopped: more parse exceptions than {@code maxParseExceptions} allows. The message
 * gives the limit and the last error; {@link #report()} the counters and saved messages so far.
 */
public final class IngestFailedException extends IOException {
  private final transient IngestReport report;

  public IngestFailedException(String message, IngestReport report) {
    super(message);
    this.report = report;
  }

  public IngestReport report() {
    return report;
  }
}
