package io.nemeton.node.indexing;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the indexer role runs tasks. Validated on construction; the message names the property (as
 * the gateway reads it, {@code nemeton.indexer.*}), the value and the rule. Immutable.
 *
 * @param poolSize tasks that run at once ({@code nemeton.indexer.poolSize}, 1..64); more wait
 * @param workDirectory where each running task keeps its spill runs and segment files until they
 *     are pushed ({@code nemeton.indexer.workDirectory}); a task's directory is deleted when it ends
 *     and the whole directory is emptied at start
 * @param inputDirectory what relative {@code baseDir} and {@code files} paths of a local input
 *     source resolve against ({@code nemeton.indexer.inputDirectory})
 * @param maxPendingTasks tasks accepted but not yet running before {@code submit} refuses more
 *     ({@code nemeton.indexer.maxPendingTasks}, 1..100,000)
 * @param maxReportMessages parse error messages kept in a task's report ({@code
 *     nemeton.indexer.maxReportMessages}, 0..10,000; the spec's {@code maxSavedParseExceptions}
 *     may keep fewer)
 * @param shutdownTimeoutMs how long {@code close} waits for running tasks to stop ({@code
 *     nemeton.indexer.shutdownTimeoutMs}, 0..600,000)
 */
public record TaskRunnerConfig(int poolSize, Path workDirectory, Path inputDirectory, int maxPendingTasks,
    int maxReportMessages, long shutdownTimeoutMs) {
  public static final String PREFIX = "nemeton.indexer.";
  public static final int DEFAULT_POOL_SIZE = 2;
  public static final int DEFAULT_MAX_PENDING_TASKS = 1_000;
  public static final int DEFAULT_MAX_REPORT_MESSAGES = 100;
  public static final long DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

  public TaskRunnerConfig {
    range("poolSize", poolSize, 1, 64);
    Objects.requireNonNull(workDirectory, PREFIX + "workDirectory: must be set");
    Objects.requireNonNull(inputDirectory, PREFIX + "inputDirectory: must be set");
    range("maxPendingTasks", maxPendingTasks, 1, 100_000);
    range("maxReportMessages", maxReportMessages, 0, 10_000);
    range("shutdownTimeoutMs", shutdownTimeoutMs, 0, 600_000);
    workDirectory = workDirectory.toAbsolutePath().normalize();
    inputDirectory = inputDirectory.toAbsolutePath().normalize();
  }

  /**
   * Defaults for a data directory: work in {@code dataDirectory/task-work}, relative input paths
   * against the process's working directory, two tasks at once.
   */
  public static TaskRunnerConfig defaults(Path dataDirectory) {
    return new TaskRunnerConfig(DEFAULT_POOL_SIZE, dataDirectory.resolve("task-work"), Path.of(""),
        DEFAULT_MAX_PENDING_TASKS, DEFAULT_MAX_REPORT_MESSAGES, DEFAULT_SHUTDOWN_TIMEOUT_MS);
  }

  public TaskRunnerConfig withPoolSize(int size) {
    return new TaskRunnerConfig(size, workDirectory, inputDirectory, maxPendingTasks, maxReportMessages,
        shutdownTimeoutMs);
  }

  public TaskRunnerConfig withInputDirectory(Path directory) {
    return new TaskRunnerConfig(poolSize, workDirectory, directory, maxPendingTasks, maxReportMessages,
        shutdownTimeoutMs);
  }

  public TaskRunnerConfig withMaxPendingTasks(int max) {
    return new TaskRunnerConfig(poolSize, workDirectory, inputDirectory, max, maxReportMessages, shutdownTimeoutMs);
  }

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          PREFIX + name + "=" + value + ": must be between " + min + " and " + max);
    }
  }
}
