package io.nemeton.node.indexing;

import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import java.util.List;
import java.util.Optional;

/**
 * The indexer role as the HTTP gateway sees it: accepts Druid batch task specs, runs them on a
 * bounded pool, and answers their status and reports. Task records live in the metadata store,
 * so they survive a restart. Thread-safe.
 */
public interface TaskService {

  /**
   * Validates and queues a task spec (Druid JSON: {@code index_parallel} or {@code index}).
   * Returns the task id (the spec's {@code id} when it has one).
   *
   * @throws TaskSpecException when the spec is malformed, naming the field, the value and what
   *     was expected; nothing is queued then
   */
  String submit(String specJson);

  /** The task's record, or empty when no task has that id. */
  Optional<TaskRecord> task(String taskId);

  /** The task's report JSON (Druid's {@code ingestionStatsAndErrors} shape), once it has one. */
  Optional<String> reportJson(String taskId);

  /** Tasks newest first, optionally only those in {@code state} and of {@code dataSource}. */
  List<TaskRecord> tasks(TaskState state, String dataSource, int limit);

  /**
   * Asks a task to stop; it ends FAILED with a message saying it was shut down. Returns false
   * when no task has that id. A finished task is left as it is.
   */
  boolean shutdown(String taskId);
}
