package io.nemeton.segment.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts rows by outcome and keeps the first parse exception messages, each prefixed with {@code
 * file=... line=...}. Fails the ingestion with {@link IngestFailedException} once unparseable rows
 * plus rows with field errors exceed {@code maxParseExceptions}, as Druid does.
 *
 * <p>Not thread-safe.
 */
final class ParseErrorLog {
  private static final int MAX_VALUE_CHARS = 200;

  private final long maxParseExceptions;
  private final int maxSavedMessages;
  private final List<String> messages = new ArrayList<>();
  long processed;
  long processedWithError;
  long thrownAway;
  long unparseable;

  ParseErrorLog(long maxParseExceptions, int maxSavedMessages) {
    this.maxParseExceptions = maxParseExceptions;
    this.maxSavedMessages = maxSavedMessages;
  }

  /** A row that could not be parsed at all and was dropped. */
  void unparseable(String source, long line, String message) throws IngestFailedException {
    unparseable++;
    record(source, line, message);
  }

  /** A row that was ingested with a field error (that field is null). */
  void processedWithError(String source, long line, String message) throws IngestFailedException {
    processedWithError++;
    record(source, line, message);
  }

  private void record(String source, long line, String message) throws IngestFailedException {
    final String located = "file=" + source + " line=" + line + ": " + message;
    if (messages.size() < maxSavedMessages) {
      messages.add(located);
    }
    if (unparseable + processedWithError > maxParseExceptions) {
      throw new IngestFailedException("Max parse exceptions=" + maxParseExceptions + " exceeded: unparseable="
          + unparseable + " processedWithError=" + processedWithError + "; last: " + located, report(0, 0, 0, 0, 0));
    }
  }

  IngestReport report(int segments, long rowsWritten, int spilledRuns, int spilledRunsInMemory, long peakRowsInMemory) {
    return new IngestReport(processed, processedWithError, thrownAway, unparseable, messages, segments, rowsWritten,
        spilledRuns, spilledRunsInMemory, peakRowsInMemory);
  }

  /** A value for a message: quoted, shortened, control characters escaped. */
  static String quote(String value) {
    final String shortened = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
    final StringBuilder text = new StringBuilder(shortened.length() + 2).append('"');
    for (int i = 0; i < shortened.length(); i++) {
      final char c = shortened.charAt(i);
      if (c < 0x20) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.append('"').toString();
  }
}
