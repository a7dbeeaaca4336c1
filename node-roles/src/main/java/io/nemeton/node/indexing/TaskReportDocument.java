package io.nemeton.node.indexing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's report in the shape of Druid's {@code GET /druid/indexer/v1/task/{id}/reports}: one
 * {@code ingestionStatsAndErrors} entry whose payload holds {@code ingestionState} (NOT_STARTED,
 * BUILD_SEGMENTS while rows are read and segments built and pushed, COMPLETED), {@code rowStats}
 * and {@code unparseableEvents} under {@code buildSegments}, {@code errorMsg}, and the segments
 * published. Druid's {@code processedBytes} is left out: the readers do not count bytes. While a
 * task runs the same shape carries the counters so far (Druid's live report). Stateless.
 *
 * @param processed rows ingested cleanly
 * @param processedWithError rows ingested with some field unparseable
 * @param thrownAway rows outside the spec's intervals
 * @param unparseable rows dropped
 */
record TaskReportDocument(String taskId, String ingestionState, long processed, long processedWithError,
    long thrownAway, long unparseable, List<String> unparseableEvents, String errorMessage,
    int segmentsPublished, long rowsPublished) {

  TaskReportDocument {
    unparseableEvents = List.copyOf(unparseableEvents);
  }

  String json() {
    final Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("processed", processed);
    counts.put("processedWithError", processedWithError);
    counts.put("thrownAway", thrownAway);
    counts.put("unparseable", unparseable);
    final Map<String, Object> rowStats = new LinkedHashMap<>();
    rowStats.put("buildSegments", counts);
    final Map<String, Object> events = new LinkedHashMap<>();
    events.put("buildSegments", unparseableEvents);
    final Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ingestionState", ingestionState);
    payload.put("unparseableEvents", events);
    payload.put("rowStats", rowStats);
    payload.put("errorMsg", errorMessage);
    payload.put("segmentAvailabilityConfirmed", false);
    payload.put("segmentAvailabilityWaitTimeMs", 0);
    payload.put("segmentsPublished", segmentsPublished);
    payload.put("rowsPublished", rowsPublished);
    final Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "ingestionStatsAndErrors");
    entry.put("taskId", taskId);
    entry.put("payload", payload);
    final Map<String, Object> report = new LinkedHashMap<>();
    report.put("ingestionStatsAndErrors", entry);
    return TaskStatusDocument.write(report);
  }
}
