package io.nemeton.metadata;

import io.nemeton.metadata.internal.JsonPayloads;
import io.nemeton.metadata.internal.Require;

/**
 * A task to record as it is accepted; it starts RUNNING. Validated on construction; immutable.
 *
 * @param type the task type ({@code index_parallel}, {@code compact}, ...)
 * @param payloadJson the task spec as submitted, a JSON object
 * @param statusJson the first status object reported for it, a JSON object
 */
public record NewTask(String id, String type, String dataSource, String payloadJson,
    String statusJson) {
  public NewTask {
    Require.name("task id", id);
    Require.name("task id=" + id + " type", type);
    Require.name("task id=" + id + " dataSource", dataSource);
    JsonPayloads.object("task id=" + id + " payload", payloadJson);
    JsonPayloads.object("task id=" + id + " status", statusJson);
  }
}
