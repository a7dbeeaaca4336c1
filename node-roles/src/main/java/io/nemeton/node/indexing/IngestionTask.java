package io.nemeton.node.indexing;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreException;
import io.nemeton.metadata.NewSegment;
import io.nemeton.metadata.SegmentPublish;
import io.nemeton.metadata.TaskState;
import io.nemeton.node.storage.DeepStorage;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.format.SegmentWriter;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestFailedException;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.IngestReport;
import io.nemeton.segment.ingest.spec.IngestSpecException;
import io.nemeton.segment.time.IsoTimestamps;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * One batch task from queueing to its final status: waits for its datasource, ingests into its work
 * directory (writing each segment file as ingestion hands it over), pushes the files to deep
 * storage, publishes every segment in one metadata transaction, and records SUCCESS or FAILED with
 * the report and log lines.
 *
 * <p>Thread-safe: one pool thread runs it; {@link #shutdown()} and the progress getters may be
 * called from any thread. A shutdown interrupts the worker only while it waits for its datasource
 * or ingests (never during a metadata call), and is ignored once publishing began.
 */
final class IngestionTask implements Runnable {
  static final String SHUT_DOWN = "task was shut down";

  enum Phase { PENDING, WAITING, BUILDING, PUBLISHING, DONE }

  private final TaskDefinition definition;
  private final long createdMs;
  private final TaskRunner runner;
  private final MetadataStore metadata;
  private final DeepStorage deepStorage;
  private final Path workDirectory;
  private final List<String> logLines = new ArrayList<>();

  // Written by the worker per input batch, read by report readers.
  private volatile long processed;
  private volatile long processedWithError;
  private volatile long thrownAway;
  private volatile long unparseable;
  private volatile Phase phase = Phase.PENDING;
  // Set just before the final status is stored, so a reader who saw that status gets this report.
  private volatile String finalReportJson;

  // Guarded by this.
  private Thread worker;
  private boolean cancelled;
  private String cancelReason = SHUT_DOWN;
  private boolean interruptible;
  private boolean finished;

  IngestionTask(TaskDefinition definition, long createdMs, TaskRunner runner) {
    this.definition = definition;
    this.createdMs = createdMs;
    this.runner = runner;
    this.metadata = runner.metadata();
    this.deepStorage = runner.deepStorage();
    this.workDirectory = runner.config().workDirectory().resolve(definition.id());
  }

  TaskDefinition definition() {
    return definition;
  }

  /** The final report once there is one, else the report so far in Druid's live report shape. */
  String reportJson() {
    final String done = finalReportJson;
    if (done != null) {
      return done;
    }
    final Phase now = phase;
    final String state = now == Phase.PENDING || now == Phase.WAITING ? "NOT_STARTED" : "BUILD_SEGMENTS";
    return new TaskReportDocument(definition.id(), state, processed, processedWithError, thrownAway, unparseable,
        List.of(), null, 0, 0).json();
  }

  /**
   * Stops the task, which ends FAILED with {@code reason}. A task not started yet is failed at
   * once; a waiting or ingesting one is interrupted and fails on its thread; one publishing
   * finishes as it would.
   */
  void shutdown(String reason) {
    final boolean failHere;
    synchronized (this) {
      if (finished || phase == Phase.PUBLISHING || cancelled) {
        return;
      }
      cancelled = true;
      cancelReason = reason;
      failHere = worker == null;
      if (failHere) {
        finished = true;
      } else if (interruptible) {
        worker.interrupt();
      }
    }
    if (failHere) {
      recordShutdownBeforeStart(reason);
      phase = Phase.DONE;
      runner.forget(this);
    }
  }

  @Override
  public void run() {
    synchronized (this) {
      if (cancelled || finished) {
        return;
      }
      worker = Thread.currentThread();
    }
    final long startNs = System.nanoTime();
    final List<Map<String, Object>> pushed = new ArrayList<>();
    try {
      execute(startNs, pushed);
    } catch (Throwable failure) {
      leaveInterruptible();
      deletePushed(pushed);
      final String message = cancelledNow() ? cancelReasonNow() : describe(failure);
      final IngestReport report = failure instanceof IngestFailedException f ? f.report() : null;
      if (report != null) {
        processed = report.processed();
        processedWithError = report.processedWithError();
        thrownAway = report.thrownAway();
        unparseable = report.unparseable();
      }
      log("ERROR task failed: " + message);
      finish(TaskState.FAILED, message, report, 0, 0, startNs);
      if (failure instanceof Error error) {
        throw error;
      }
    } finally {
      runner.deleteDirectory(workDirectory);
      runner.forget(this);
    }
  }

  private void execute(long startNs, List<Map<String, Object>> pushed) throws Exception {
    enterPhase(Phase.WAITING, "WAITING");
    final Lock lock = runner.dataSourceLock(definition.dataSource());
    enterInterruptible();
    lock.lockInterruptibly();
    try {
      leaveInterruptible();
      enterPhase(Phase.BUILDING, "RUNNING");
      final String version = runner.nextVersion(definition.dataSource());
      log("INFO task started: dataSource=" + definition.dataSource() + " version=" + version + " appendToExisting="
          + definition.appendToExisting());
      flushLog();
      final SegmentAllocator allocator =
          new SegmentAllocator(metadata.segments(), definition.dataSource(), version, definition.appendToExisting());
      final List<BuiltSegment> built = new ArrayList<>();
      enterInterruptible();
      final IngestReport report = ingest(version, allocator, built);
      leaveInterruptible();
      processed = report.processed();
      processedWithError = report.processedWithError();
      thrownAway = report.thrownAway();
      unparseable = report.unparseable();
      log("INFO ingested: processed=" + report.processed() + " processedWithError=" + report.processedWithError()
          + " thrownAway=" + report.thrownAway() + " unparseable=" + report.unparseable() + " segments="
          + built.size() + " rows=" + report.rowsWritten());
      final List<NewSegment> segments = push(built, allocator.appending(), pushed);
      synchronized (this) {
        if (cancelled) {
          throw new InterruptedIOException(SHUT_DOWN);
        }
        phase = Phase.PUBLISHING;
      }
      flushLog();
      if (!segments.isEmpty()) {
        publish(segments, pushed);
        // Published files belong to the segments now: no failure past this point may delete them.
        pushed.clear();
        log("INFO published " + segments.size() + " segments in one transaction");
        runner.published();
      } else {
        log("INFO no rows were ingested: nothing to publish");
      }
      finish(TaskState.SUCCESS, null, report, segments.size(), report.rowsWritten(), startNs);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Publishes in one transaction. When the store cannot say whether the commit happened, the
   * first segment is looked up: present means published; unknown keeps the pushed files, since
   * deleting them could break segments that did get published.
   */
  private void publish(List<NewSegment> segments, List<Map<String, Object>> pushed) {
    try {
      metadata.segments().publish(SegmentPublish.of(definition.dataSource(), segments));
    } catch (MetadataStoreException e) {
      if (e.code() == MetadataErrorCode.CONFLICT || e.code() == MetadataErrorCode.INVALID_INPUT) {
        throw new IllegalStateException("publishing " + segments.size() + " segments failed, nothing was"
            + " published: " + e.getMessage(), e);
      }
      final boolean published;
      try {
        published = metadata.segments().segment(segments.get(0).id()).isPresent();
      } catch (MetadataStoreException again) {
        pushed.clear();
        throw new IllegalStateException("publishing " + segments.size() + " segments failed and whether they"
            + " were published is unknown: " + e.getMessage(), e);
      }
      if (!published) {
        throw new IllegalStateException("publishing " + segments.size() + " segments failed, nothing was"
            + " published: " + e.getMessage(), e);
      }
      log("WARN the publish reported " + e.getMessage() + " but the segments are stored");
    }
  }

  private IngestReport ingest(String version, SegmentAllocator allocator, List<BuiltSegment> built) throws IOException {
    Files.createDirectories(workDirectory);
    final Path segmentDirectory = Files.createDirectories(workDirectory.resolve("segments"));
    final SegmentWriter writer = new SegmentWriter();
    final IngestOptions options = new IngestOptions(workDirectory.resolve("spill"), version,
        runner.config().inputDirectory());
    return BatchIngestion.run(definition.spec(), options, ingested -> {
      final ColumnarSegment segment = SegmentRenumbering.withInfo(ingested, allocator.place(ingested.info()));
      final Path file = segmentDirectory.resolve(built.size() + ".nseg");
      final long sizeBytes = writer.write(segment, file);
      built.add(BuiltSegment.of(segment, file, sizeBytes));
      throwIfCancelled();
    }, (rowsProcessed, rowsWithError, rowsThrownAway, rowsUnparseable) -> {
      processed = rowsProcessed;
      processedWithError = rowsWithError;
      thrownAway = rowsThrownAway;
      unparseable = rowsUnparseable;
      throwIfCancelled();
    });
  }

  /** Pushes every file and returns the segments to publish, numbered as the timeline needs. */
  private List<NewSegment> push(List<BuiltSegment> built, boolean appending, List<Map<String, Object>> pushed)
      throws IOException {
    final Map<String, Integer> chunkCounts = new HashMap<>();
    for (BuiltSegment segment : built) {
      chunkCounts.merge(segment.chunkKey(), 1, Integer::sum);
    }
    final List<NewSegment> segments = new ArrayList<>(built.size());
    for (BuiltSegment segment : built) {
      throwIfCancelled();
      final Map<String, Object> loadSpec = deepStorage.push(segment.file(), segment.info());
      pushed.add(loadSpec);
      final int corePartitions = appending ? 0 : chunkCounts.get(segment.chunkKey());
      final SegmentPayload payload = new SegmentPayload(segment.info(), loadSpec, segment.dimensions(),
          segment.metrics(), segment.sizeBytes(), segment.rows(), corePartitions);
      final SegmentInfo info = segment.info();
      segments.add(new NewSegment(payload.id(), info.dataSource(), info.intervalStartMs(), info.intervalEndMs(),
          info.version(), info.partition(), payload.toJson()));
    }
    log("INFO pushed " + built.size() + " segment files to " + deepStorage);
    return segments;
  }

  private void throwIfCancelled() throws InterruptedIOException {
    if (cancelledNow()) {
      throw new InterruptedIOException(SHUT_DOWN);
    }
  }

  private synchronized boolean cancelledNow() {
    return cancelled;
  }

  private synchronized String cancelReasonNow() {
    return cancelReason;
  }

  private void enterPhase(Phase next, String runnerStatusCode) {
    phase = next;
    metadata.tasks().updateStatus(definition.id(), TaskState.RUNNING,
        TaskStatusDocument.json(definition, createdMs, TaskState.RUNNING, runnerStatusCode, -1, null), null);
  }

  private synchronized void enterInterruptible() throws InterruptedIOException {
    if (cancelled) {
      throw new InterruptedIOException(SHUT_DOWN);
    }
    interruptible = true;
  }

  /** After this no interrupt arrives; one that arrived before is cleared so metadata calls are safe. */
  private void leaveInterruptible() {
    synchronized (this) {
      interruptible = false;
    }
    Thread.interrupted();
  }

  private void finish(TaskState state, String errorMessage, IngestReport report, int segmentsPublished,
      long rowsPublished, long startNs) {
    synchronized (this) {
      finished = true;
    }
    // The work directory goes first, so a task seen finished has left nothing behind.
    runner.deleteDirectory(workDirectory);
    final long durationMs = (System.nanoTime() - startNs) / 1_000_000;
    final List<String> messages = report == null ? List.of() : limit(report.parseExceptionMessages());
    final String reportJson = new TaskReportDocument(definition.id(), state == TaskState.SUCCESS ? "COMPLETED"
        : "BUILD_SEGMENTS", processed, processedWithError, thrownAway, unparseable, messages, errorMessage,
        segmentsPublished, rowsPublished).json();
    if (state == TaskState.SUCCESS) {
      log("INFO task succeeded in " + durationMs + " ms");
    }
    finalReportJson = reportJson;
    runner.record(definition, createdMs, state, durationMs, errorMessage, reportJson, drainLog());
    phase = Phase.DONE;
    runner.forget(this);
  }

  private void recordShutdownBeforeStart(String reason) {
    log("ERROR task failed before it started: " + reason);
    final String reportJson = new TaskReportDocument(definition.id(), "NOT_STARTED", 0, 0, 0, 0, List.of(),
        reason, 0, 0).json();
    finalReportJson = reportJson;
    runner.record(definition, createdMs, TaskState.FAILED, 0, reason, reportJson, drainLog());
  }

  private List<String> limit(List<String> messages) {
    final int max = runner.config().maxReportMessages();
    return messages.size() <= max ? messages : messages.subList(0, max);
  }

  private void deletePushed(List<Map<String, Object>> pushed) {
    for (Map<String, Object> loadSpec : pushed) {
      try {
        deepStorage.delete(loadSpec);
      } catch (IOException | RuntimeException e) {
        log("WARN could not delete pushed segment " + loadSpec + ": " + e.getMessage());
      }
    }
  }

  private static String describe(Throwable failure) {
    if (failure instanceof IngestSpecException || failure instanceof IngestFailedException
        || failure instanceof IllegalStateException) {
      return failure.getMessage();
    }
    final String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private synchronized void log(String line) {
    logLines.add(IsoTimestamps.format(System.currentTimeMillis()) + " " + line);
  }

  private synchronized List<String> drainLog() {
    final List<String> lines = List.copyOf(logLines);
    logLines.clear();
    return lines;
  }

  private void flushLog() {
    runner.appendLog(definition.id(), drainLog());
  }
}
