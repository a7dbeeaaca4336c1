package io.nemeton.node.indexing;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreException;
import io.nemeton.metadata.NewTask;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import io.nemeton.metadata.TaskStore;
import io.nemeton.node.storage.DeepStorage;
import io.nemeton.segment.time.IsoTimestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The indexer role: runs Druid batch tasks ({@code index_parallel}, {@code index}) on a bounded
 * pool of {@code poolSize} threads. Each task ingests into its own work directory, pushes its
 * segment files to deep storage, publishes all of its segments in one metadata transaction, calls
 * {@code onPublished} (so the coordinator can assign them at once), and records its status, report
 * and log in the metadata store. Tasks of one datasource run one at a time, in submission order,
 * so versions and appended partition numbers never race.
 *
 * <p>Lifecycle: construct, {@link #start()} (fails tasks a previous process left RUNNING and empties
 * the work directory), submit, {@link #close()}. Thread-safe.
 */
public final class TaskRunner implements TaskService, AutoCloseable {
  static final String SERVER_STOPPED = "the server stopped while the task ran";
  private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

  private final TaskRunnerConfig config;
  private final MetadataStore metadata;
  private final DeepStorage deepStorage;
  private final Runnable onPublished;
  private final ThreadPoolExecutor pool;
  private final ConcurrentHashMap<String, IngestionTask> active = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReentrantLock> dataSourceLocks = new ConcurrentHashMap<>();
  private final AtomicLong lastVersionMs = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile boolean started;
  private volatile boolean closed;

  public TaskRunner(TaskRunnerConfig config, MetadataStore metadata, DeepStorage deepStorage, Runnable onPublished) {
    this.config = Objects.requireNonNull(config, "config");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.deepStorage = Objects.requireNonNull(deepStorage, "deepStorage");
    this.onPublished = Objects.requireNonNull(onPublished, "onPublished");
    final AtomicInteger threadNumber = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(config.poolSize(), config.poolSize(), 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          final Thread thread = new Thread(runnable, "nemeton-indexer-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Marks tasks left RUNNING by a previous process FAILED ("the server stopped while the task
   * ran"), empties the work directory, and starts accepting tasks.
   */
  public void start() throws IOException {
    synchronized (lifecycle) {
      if (started || closed) {
        throw new IllegalStateException("task runner already " + (closed ? "closed" : "started"));
      }
      deleteDirectory(config.workDirectory());
      Files.createDirectories(config.workDirectory());
      for (TaskRecord leftover : metadata.tasks().tasks(TaskState.RUNNING, null, TaskStore.MAX_LIST)) {
        final String reportJson = new TaskReportDocument(leftover.id(), "BUILD_SEGMENTS", 0, 0, 0, 0, List.of(),
            SERVER_STOPPED, 0, 0).json();
        record(leftover.id(), leftover.type(), leftover.dataSource(), leftover.createdMs(), TaskState.FAILED, -1,
            SERVER_STOPPED, metadata.tasks().report(leftover.id()).isPresent() ? null : reportJson,
            List.of(IsoTimestamps.format(System.currentTimeMillis()) + " ERROR task failed: " + SERVER_STOPPED));
      }
      started = true;
    }
  }

  @Override
  public String submit(String specJson) {
    if (!started || closed) {
      throw new TaskRejectedException("the indexer is " + (closed ? "stopping" : "not started") + ": task refused");
    }
    final long nowMs = System.currentTimeMillis();
    final TaskDefinition task = TaskDefinition.parse(specJson, nowMs, ThreadLocalRandom.current());
    final int pending = pool.getQueue().size();
    if (pending >= config.maxPendingTasks()) {
      throw new TaskRejectedException("the indexer already has " + pending + " tasks waiting to run, the limit ("
          + TaskRunnerConfig.PREFIX + "maxPendingTasks=" + config.maxPendingTasks() + "): task refused");
    }
    final String status = TaskStatusDocument.json(task, nowMs, TaskState.RUNNING, "PENDING", -1, null);
    try {
      metadata.tasks().insert(new NewTask(task.id(), task.type(), task.dataSource(), specJson, status));
    } catch (MetadataStoreException e) {
      if (e.code() == MetadataErrorCode.CONFLICT) {
        throw new TaskSpecException("id=\"" + task.id() + "\": a task with this id already exists", e);
      }
      if (e.code() == MetadataErrorCode.INVALID_INPUT) {
        throw new TaskSpecException(e.getMessage(), e);
      }
      throw e;
    }
    final IngestionTask running = new IngestionTask(task, nowMs, this);
    active.put(task.id(), running);
    try {
      pool.execute(running);
    } catch (RejectedExecutionException e) {
      running.shutdown(SERVER_STOPPED);
      throw new TaskRejectedException("the indexer is stopping: task " + task.id() + " was not run");
    }
    return task.id();
  }

  @Override
  public Optional<TaskRecord> task(String taskId) {
    return metadata.tasks().task(taskId);
  }

  @Override
  public Optional<String> reportJson(String taskId) {
    final IngestionTask running = active.get(taskId);
    if (running != null) {
      return Optional.of(running.reportJson());
    }
    return metadata.tasks().report(taskId);
  }

  @Override
  public List<TaskRecord> tasks(TaskState state, String dataSource, int limit) {
    return metadata.tasks().tasks(state, dataSource, limit);
  }

  @Override
  public boolean shutdown(String taskId) {
    final IngestionTask running = active.get(taskId);
    if (running != null) {
      pool.remove(running);
      running.shutdown(IngestionTask.SHUT_DOWN);
      return true;
    }
    return metadata.tasks().task(taskId).isPresent();
  }

  /**
   * Stops taking tasks, shuts down the queued and running ones (they end FAILED, "the server
   * stopped while the task ran"), and waits up to {@code shutdownTimeoutMs} for them.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (IngestionTask running : active.values()) {
      pool.remove(running);
      running.shutdown(SERVER_STOPPED);
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(config.shutdownTimeoutMs(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "indexer: tasks still running after "
            + config.shutdownTimeoutMs() + " ms; they will be failed at the next start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tasks accepted and not yet finished in this process. */
  public int activeTasks() {
    return active.size();
  }

  TaskRunnerConfig config() {
    return config;
  }

  MetadataStore metadata() {
    return metadata;
  }

  DeepStorage deepStorage() {
    return deepStorage;
  }

  Lock dataSourceLock(String dataSource) {
    return dataSourceLocks.computeIfAbsent(dataSource, name -> new ReentrantLock(true));
  }

  /**
   * A version for a new task of {@code dataSource}: now, but always after every version this
   * process issued and every used version of the datasource, so a replacing task overshadows even
   * when the clock went back.
   */
  String nextVersion(String dataSource) {
    long highestUsedMs = Long.MIN_VALUE;
    for (SegmentRecord segment : metadata.segments().usedSegments(dataSource)) {
      final long versionMs = IsoTimestamps.parse(segment.version(), false);
      if (versionMs != IsoTimestamps.INVALID && versionMs > highestUsedMs) {
        highestUsedMs = versionMs;
      }
    }
    final long floorMs = highestUsedMs == Long.MIN_VALUE ? Long.MIN_VALUE : highestUsedMs + 1;
    final long nowMs = System.currentTimeMillis();
    return IsoTimestamps.format(lastVersionMs.updateAndGet(last -> Math.max(Math.max(nowMs, last + 1), floorMs)));
  }

  void published() {
    try {
      onPublished.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "indexer: the published-segments callback failed", e);
    }
  }

  void forget(IngestionTask task) {
    active.remove(task.definition().id(), task);
  }

  void appendLog(String taskId, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    try {
      metadata.tasks().appendLog(taskId, lines);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "indexer: task " + taskId + ": log lines were not stored", e);
    }
  }

  /** Stores report and log, then the final status, so a finished status always has its report. */
  void record(TaskDefinition task, long createdMs, TaskState state, long durationMs, String errorMessage,
      String reportJson, List<String> logLines) {
    record(task.id(), task.type(), task.dataSource(), createdMs, state, durationMs, errorMessage, reportJson,
        logLines);
  }

  private void record(String id, String type, String dataSource, long createdMs, TaskState state, long durationMs,
      String errorMessage, String reportJson, List<String> logLines) {
    try {
      if (reportJson != null) {
        metadata.tasks().setReport(id, reportJson);
      }
      appendLog(id, logLines);
      metadata.tasks().updateStatus(id, state, TaskStatusDocument.json(id, type, dataSource, createdMs, state,
          "NONE", durationMs, errorMessage), errorMessage);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "indexer: task " + id + " ended " + state + " but that was not recorded"
          + " (it will be failed at the next start)", e);
    }
  }

  void deleteDirectory(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "indexer: could not delete work directory " + directory, e);
    }
  }
}
