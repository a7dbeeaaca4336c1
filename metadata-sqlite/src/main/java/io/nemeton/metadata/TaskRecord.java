package io.nemeton.metadata;

/**
 * A task as stored. Immutable.
 *
 * @param createdMs when it was accepted, epoch ms
 * @param statusJson the latest status object reported
 * @param payloadJson the task spec as submitted
 * @param errorMessage why it failed, or null
 * @param statusUpdatedMs when the status last changed, epoch ms
 * @param logLineCount how many log lines were appended
 */
public record TaskRecord(String id, String type, String dataSource, long createdMs,
    TaskState state, String statusJson, String payloadJson, String errorMessage,
    long statusUpdatedMs, long logLineCount) {}
