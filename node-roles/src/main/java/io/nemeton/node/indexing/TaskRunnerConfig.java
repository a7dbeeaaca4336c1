package io.nemeton.node.indexing;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

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
    // The work directory is emptied at start: never a file system root or a home of the input.
    if (workDirectory.getParent() == null || inputDirectory.startsWith(workDirectory)) {
      throw new IllegalArgumentException(PREFIX + "workDirectory=" + workDirectory + ": must be a directory of its"
          + " own (it is emptied at start), not a file system root nor one holding " + PREFIX + "inputDirectory="
          + inputDirectory);
    }
  }

  /**
   * Reads {@code nemeton.indexer.*} properties, each optional, over {@link #defaults(Path)}; a
   * value that is not a number names its property.
   */
  public static TaskRunnerConfig fromProperties(Properties properties, Path dataDirectory) {
    final TaskRunnerConfig defaults = defaults(dataDirectory);
    return new TaskRunnerConfig(
        (int) number(properties, "poolSize", defaults.poolSize()),
        path(properties, "workDirectory", defaults.workDirectory()),
        path(properties, "inputDirectory", defaults.inputDirectory()),
        (int) number(properties, "maxPendingTasks", defaults.maxPendingTasks()),
        (int) number(properties, "maxReportMessages", defaults.maxReportMessages()),
        number(properties, "shutdownTimeoutMs", defaults.shutdownTimeoutMs()));
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

  private static long number(Properties properties, String name, long fallback) {
    final String text = properties.getProperty(PREFIX + name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      final long value = Long.parseLong(text.strip());
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PREFIX + name + "=\"" + text + "\": must be a whole number", e);
    }
  }

  private static Path path(Properties properties, String name, Path fallback) {
    final String text = properties.getProperty(PREFIX + name);
    return text == null || text.isBlank() ? fallback : Path.of(text.strip());
  }

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          PREFIX + name + "=" + value + ": must be between " + min + " and " + max);
    }
  }
}
