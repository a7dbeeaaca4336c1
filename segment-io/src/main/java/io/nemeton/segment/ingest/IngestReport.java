package io.nemeton.segment.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ingestion did, in Druid's row counters: {@code processed} rows ingested cleanly, {@code
 * processedWithError} rows ingested with some field unparseable (that field became null), {@code
 * thrownAway} rows outside the spec's intervals, {@code unparseable} rows dropped (bad syntax or
 * timestamp). {@code parseExceptionMessages} holds the first messages, each naming file and line.
 * Also: segments and rows handed to the sink, runs spilled (merge passes included), how many of
 * them stayed in spill memory instead of a file ({@link IngestOptions#spillMemoryBytes()}), and
 * the most rows held in the buffer at once (never above {@code maxRowsInMemory}).
 *
 * <p>Immutable and thread-safe.
 */
public record IngestReport(long processed, long processedWithError, long thrownAway, long unparseable,
    List<String> parseExceptionMessages, int segments, long rowsWritten, int spilledRuns, int spilledRunsInMemory,
    long peakRowsInMemory) {

  public IngestReport {
    parseExceptionMessages = List.copyOf(parseExceptionMessages);
  }

  /** Druid's task report shape: {@code rowStats.buildSegments} and {@code unparseableEvents}. */
  public Map<String, Object> toJson() {
    final Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("processed", processed);
    counts.put("processedWithError", processedWithError);
    counts.put("thrownAway", thrownAway);
    counts.put("unparseable", unparseable);
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("rowStats", Map.of("buildSegments", counts));
    json.put("unparseableEvents", Map.of("buildSegments", parseExceptionMessages));
    json.put("segments", segments);
    json.put("rowsWritten", rowsWritten);
    json.put("spilledRuns", spilledRuns);
    json.put("spilledRunsInMemory", spilledRunsInMemory);
    json.put("peakRowsInMemory", peakRowsInMemory);
    return json;
  }
}
