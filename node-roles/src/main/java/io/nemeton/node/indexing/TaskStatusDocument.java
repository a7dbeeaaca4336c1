package io.nemeton.node.indexing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.metadata.TaskState;
import io.nemeton.segment.time.IsoTimestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's status object in the shape Druid's overlord prints under {@code "status"} in {@code GET
 * /druid/indexer/v1/task/{id}/status}: {@code id}, {@code groupId}, {@code type}, {@code
 * createdTime}, {@code queueInsertionTime}, {@code statusCode} and {@code status} (RUNNING, SUCCESS,
 * FAILED), {@code runnerStatusCode} (PENDING: waiting for a free slot in the pool; WAITING: waiting
 * for another task of the same datasource to finish; RUNNING; NONE once finished), {@code duration}
 * (ms, -1 while running), {@code location}, {@code dataSource}, {@code errorMsg}. Stateless.
 */
final class TaskStatusDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a task runs, as Druid reports an undetermined one. */
  private static final Map<String, Object> NO_LOCATION = location();

  private TaskStatusDocument() {}

  static String json(TaskDefinition task, long createdMs, TaskState state, String runnerStatusCode, long durationMs,
      String errorMessage) {
    return json(task.id(), task.type(), task.dataSource(), createdMs, state, runnerStatusCode, durationMs,
        errorMessage);
  }

  static String json(String id, String type, String dataSource, long createdMs, TaskState state,
      String runnerStatusCode, long durationMs, String errorMessage) {
    final Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", id);
    status.put("groupId", id);
    status.put("type", type);
    status.put("createdTime", IsoTimestamps.format(createdMs));
    status.put("queueInsertionTime", IsoTimestamps.format(createdMs));
    status.put("statusCode", state.name());
    status.put("status", state.name());
    status.put("runnerStatusCode", runnerStatusCode);
    status.put("duration", durationMs);
    status.put("location", NO_LOCATION);
    status.put("dataSource", dataSource);
    status.put("errorMsg", errorMessage);
    return write(status);
  }

  static String write(Map<String, Object> document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("task document cannot be written: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> location() {
    final Map<String, Object> location = new LinkedHashMap<>();
    location.put("host", null);
    location.put("port", -1);
    location.put("tlsPort", -1);
    return location;
  }
}
