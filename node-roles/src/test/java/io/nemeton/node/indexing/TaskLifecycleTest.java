package io.nemeton.node.indexing;

import static io.nemeton.node.indexing.IndexingFixture.JSON;
import static io.nemeton.node.indexing.IndexingFixture.inlineTask;
import static io.nemeton.node.indexing.IndexingFixture.jsonFormat;
import static io.nemeton.node.indexing.IndexingFixture.jsonRows;
import static io.nemeton.node.indexing.IndexingFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.NewTask;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Queueing, progress, shutdown, restart and the bounded pool. */
@ExtendWith(LeakCheckExtension.class)
class TaskLifecycleTest {
  @TempDir
  Path root;

  @Test
  void runningTaskShowsProgressAndBothQueuedAndRunningTasksShutDown() throws Exception {
    // Two million rows that compress to little: the task runs for seconds, long enough to watch.
    final Path big = root.resolve("input/big.json.gz");
    Files.createDirectories(big.getParent());
    final byte[] row = "{\"ts\":\"2024-05-01T01:00:00Z\",\"page\":\"p\",\"added\":1}\n"
        .getBytes(StandardCharsets.UTF_8);
    final byte[] block = new byte[row.length * 1000];
    for (int i = 0; i < 1000; i++) {
      System.arraycopy(row, 0, block, i * row.length, row.length);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(big), 1 << 16)) {
      for (int i = 0; i < 2000; i++) {
        out.write(block);
      }
    }
    try (IndexingFixture fixture = new IndexingFixture(root, config -> config.withPoolSize(1))) {
      final ObjectNode source = JSON.createObjectNode().put("type", "local");
      source.putArray("files").add(big.toString());
      final String running = fixture.runner.submit(task("big_ds", source, jsonFormat(), false).toString());
      awaitProcessed(fixture, running, 1024);
      assertEquals("RUNNING", status(fixture, running).get("runnerStatusCode").asText());
      assertEquals("BUILD_SEGMENTS", JSON.readTree(fixture.runner.reportJson(running).orElseThrow())
          .at("/ingestionStatsAndErrors/payload/ingestionState").asText());

      final String queued = fixture.runner.submit(
          inlineTask("other_ds", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false).toString());
      assertEquals("PENDING", status(fixture, queued).get("runnerStatusCode").asText());
      assertEquals(TaskState.RUNNING, fixture.runner.task(queued).orElseThrow().state());
      assertTrue(fixture.runner.shutdown(queued));
      final TaskRecord cancelled = fixture.runner.task(queued).orElseThrow();
      assertEquals(TaskState.FAILED, cancelled.state(), "a queued task fails at once");
      assertEquals("task was shut down", cancelled.errorMessage());

      assertTrue(fixture.runner.shutdown(running));
      final TaskRecord stopped = fixture.await(running);
      assertEquals(TaskState.FAILED, stopped.state());
      assertEquals("task was shut down", stopped.errorMessage());
      assertTrue(fixture.metadata.segments().usedSegments("big_ds").isEmpty());
      assertFalse(Files.exists(fixture.runner.config().workDirectory().resolve(running)));
      assertFalse(fixture.runner.shutdown("no-such-task"));
      assertTrue(fixture.runner.shutdown(running), "a finished task is known and left as it is");
      assertEquals(TaskState.FAILED, fixture.runner.task(running).orElseThrow().state());

      final String after = fixture.runner.submit(
          inlineTask("other_ds", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false).toString());
      assertEquals(TaskState.SUCCESS, fixture.await(after).state(), "the pool thread is free again");
    }
  }

  @Test
  void taskWaitingForItsDataSourceShowsWaitingAndShutsDown() throws Exception {
    try (IndexingFixture fixture = new IndexingFixture(root, config -> config.withPoolSize(2))) {
      final Lock held = fixture.runner.dataSourceLock("wait_ds");
      held.lock();
      final String waiting;
      try {
        waiting = fixture.runner.submit(
            inlineTask("wait_ds", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false).toString());
        final long deadline = System.currentTimeMillis() + IndexingFixture.DEADLINE_MS;
        while (!status(fixture, waiting).get("runnerStatusCode").asText().equals("WAITING")) {
          assertTrue(System.currentTimeMillis() < deadline, "task never waited for its datasource");
          Thread.sleep(5);
        }
        assertEquals("NOT_STARTED", JSON.readTree(fixture.runner.reportJson(waiting).orElseThrow())
            .at("/ingestionStatsAndErrors/payload/ingestionState").asText());
        assertTrue(fixture.runner.shutdown(waiting));
        final TaskRecord stopped = fixture.await(waiting);
        assertEquals(TaskState.FAILED, stopped.state());
        assertEquals("task was shut down", stopped.errorMessage());
      } finally {
        held.unlock();
      }
      final String next = fixture.runner.submit(
          inlineTask("wait_ds", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false).toString());
      assertEquals(TaskState.SUCCESS, fixture.await(next).state());
    }
  }

  @Test
  void restartFailsTasksLeftRunningAndEmptiesTheWorkDirectory() throws Exception {
    try (IndexingFixture fixture = new IndexingFixture(root)) {
      fixture.metadata.tasks().insert(new NewTask("left-over", "index_parallel", "ds",
          "{\"type\":\"index_parallel\"}", "{\"status\":\"RUNNING\"}"));
    }
    final Path stale = Files.createDirectories(root.resolve("task-work/left-over/segments"));
    Files.writeString(stale.resolve("0.nseg"), "partial");
    try (IndexingFixture restarted = new IndexingFixture(root)) {
      final TaskRecord record = restarted.runner.task("left-over").orElseThrow();
      assertEquals(TaskState.FAILED, record.state());
      assertEquals("the server stopped while the task ran", record.errorMessage());
      assertEquals("FAILED", JSON.readTree(record.statusJson()).get("status").asText());
      assertTrue(restarted.runner.reportJson("left-over").orElseThrow().contains("the server stopped"));
      assertFalse(Files.exists(root.resolve("task-work/left-over")));
    }
  }

  @Test
  void moreTasksThanThreadsAllFinish() throws Exception {
    try (IndexingFixture fixture = new IndexingFixture(root, config -> config.withPoolSize(2))) {
      final List<String> ids = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        final String ds = "pool_" + (i % 3);
        ids.add(fixture.runner.submit(inlineTask(ds, jsonRows("2024-05-01T01:00:00Z", "a" + i, 1,
            "2024-05-02T01:00:00Z", "b" + i, 1), jsonFormat(), false).toString()));
      }
      for (String id : ids) {
        final TaskRecord record = fixture.await(id);
        assertEquals(TaskState.SUCCESS, record.state(), record.errorMessage());
      }
      for (int d = 0; d < 3; d++) {
        assertEquals(2, fixture.visibleRows("pool_" + d), "the last replace of each datasource wins whole");
      }
      final long deadline = System.currentTimeMillis() + IndexingFixture.DEADLINE_MS;
      while (fixture.runner.activeTasks() > 0) {
        assertTrue(System.currentTimeMillis() < deadline, "finished tasks are forgotten");
        Thread.sleep(5);
      }
    }
  }

  @Test
  void fullQueueRefusesTasks() throws Exception {
    try (IndexingFixture fixture = new IndexingFixture(root,
        config -> config.withPoolSize(1).withMaxPendingTasks(1))) {
      final List<String> accepted = new ArrayList<>();
      TaskRejectedException refused = null;
      for (int i = 0; i < 50 && refused == null; i++) {
        try {
          accepted.add(fixture.runner.submit(inlineTask("queue_ds", jsonRows("2024-05-01T01:00:00Z", "a", 1),
              jsonFormat(), false).toString()));
        } catch (TaskRejectedException e) {
          refused = e;
        }
      }
      if (refused == null) {
        fail("50 quick submissions never found the queue full");
      }
      assertTrue(refused.getMessage().contains("nemeton.indexer.maxPendingTasks=1"), refused.getMessage());
      for (String id : accepted) {
        assertEquals(TaskState.SUCCESS, fixture.await(id).state());
      }
    }
  }

  private static JsonNode status(IndexingFixture fixture, String id) throws Exception {
    return JSON.readTree(fixture.runner.task(id).orElseThrow().statusJson());
  }

  private static void awaitProcessed(IndexingFixture fixture, String id, long rows) throws Exception {
    final long deadline = System.currentTimeMillis() + IndexingFixture.DEADLINE_MS;
    while (System.currentTimeMillis() < deadline) {
      final JsonNode report = JSON.readTree(fixture.runner.reportJson(id).orElseThrow());
      if (report.at("/ingestionStatsAndErrors/payload/rowStats/buildSegments/processed").asLong() >= rows) {
        return;
      }
      Thread.sleep(5);
    }
    fail("task " + id + " did not report " + rows + " processed rows in time");
  }
}
