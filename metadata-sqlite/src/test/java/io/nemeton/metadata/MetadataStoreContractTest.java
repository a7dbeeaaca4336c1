package io.nemeton.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database behind the store must show. Each subclass supplies a fresh, empty
 * database per test; the same tests then run on SQLite and on PostgreSQL.
 */
abstract class MetadataStoreContractTest {
  static final long T0 = 1_700_000_000_000L;
  static final long HOUR = 3_600_000L;
  static final String PAYLOAD = "{\"loadSpec\":{\"type\":\"local\"},\"size\":1}";

  final MutableClock clock = new MutableClock(T0);
  MetadataStoreConfig config;
  MetadataStore store;

  /** A config for a new, empty database (a new file or a new schema). */
  abstract MetadataStoreConfig newConfig() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    config = newConfig();
    store = MetadataStore.open(config, clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  static NewSegment segment(String dataSource, int hour, String version, int partition) {
    long start = T0 + hour * HOUR;
    String id = dataSource + "_" + start + "_" + (start + HOUR) + "_" + version + "_" + partition;
    return new NewSegment(id, dataSource, start, start + HOUR, version, partition, PAYLOAD);
  }

  static List<String> ids(List<SegmentRecord> records) {
    List<String> ids = new ArrayList<>();
    for (SegmentRecord record : records) {
      ids.add(record.id());
    }
    return ids;
  }

  Connection rawConnection() throws SQLException {
    Properties properties = new Properties();
    if (config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    return DriverManager.getConnection(config.connectUri(), properties);
  }

  long count(String sql) throws SQLException {
    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void freshDatabaseGetsEveryStepAndTheDefaultRules() throws Exception {
    assertEquals(MetadataStore.latestSchemaVersion(), store.schemaVersion());
    assertEquals(MetadataStore.latestSchemaVersion(), count("SELECT COUNT(*) FROM schema_version"));
    RuleSet defaults = store.rules().rules(RuleStore.DEFAULT_RULES_KEY).orElseThrow();
    assertTrue(defaults.rulesJson().contains("loadForever"), defaults.rulesJson());
    assertEquals(List.of(), store.segments().allUsedSegments());
  }

  @Test
  void reopeningAppliesNothingAndKeepsEverything() throws Exception {
    store.segments().publish(new SegmentPublish("wiki", List.of(segment("wiki", 0, "v1", 0)),
        new CommitMetadataUpdate(null, "{\"offset\":7}")));
    store.rules().setRules("wiki", "[{\"type\":\"dropForever\"}]", new AuditInfo("a", "c", "ip"));
    store.tasks().insert(new NewTask("task-1", "index_parallel", "wiki", "{}", "{}"));
    store.tasks().appendLog("task-1", List.of("one", "two"));
    store.tasks().setReport("task-1", "{\"rows\":3}");
    store.config().set("coordinator.config", "{\"maxSegmentsToMove\":5}", new AuditInfo("", "", ""));
    store.close();

    clock.advance(HOUR);
    store = MetadataStore.open(config, clock);
    assertEquals(MetadataStore.latestSchemaVersion(), count("SELECT COUNT(*) FROM schema_version"));
    assertEquals(0, count("SELECT COUNT(*) FROM schema_version WHERE applied_ms <> " + T0));
    assertEquals(List.of(segment("wiki", 0, "v1", 0).id()), ids(store.segments().usedSegments("wiki")));
    assertEquals("{\"offset\":7}", store.segments().commitMetadata("wiki").orElseThrow());
    assertEquals("[{\"type\":\"dropForever\"}]", store.rules().rules("wiki").orElseThrow().rulesJson());
    assertEquals(List.of("one", "two"), store.tasks().readLog("task-1", 0, 10));
    assertEquals("{\"rows\":3}", store.tasks().report("task-1").orElseThrow());
    assertEquals("{\"maxSegmentsToMove\":5}", store.config().get("coordinator.config").orElseThrow());
  }

  @Test
  void refusesASchemaNewerThanThisBuild() throws Exception {
    store.close();
    store = null;
    int newer = MetadataStore.latestSchemaVersion() + 1;
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO schema_version (version, description, applied_ms)"
          + " VALUES (" + newer + ", 'from the future', 0)");
    }
    MetadataStoreException error = assertThrows(MetadataStoreException.class,
        () -> MetadataStore.open(config, clock));
    assertEquals(MetadataErrorCode.SCHEMA_MISMATCH, error.code());
    assertTrue(error.getMessage().contains("schema version " + newer + " is newer than the newest"
        + " this build knows (" + MetadataStore.latestSchemaVersion() + ")"), error.getMessage());
    assertEquals(newer, count("SELECT MAX(version) FROM schema_version"));
  }

  @Test
  void aDatabaseAtAnOlderVersionGetsOnlyTheMissingSteps() throws Exception {
    store.close();
    int latest = MetadataStore.latestSchemaVersion();
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      // Back to version 1: step 2 only seeds the default rules.
      statement.executeUpdate("DELETE FROM schema_version WHERE version >= 2");
      statement.executeUpdate("DELETE FROM rules");
    }
    clock.advance(HOUR);
    store = MetadataStore.open(config, clock);
    assertEquals(latest, store.schemaVersion());
    assertEquals(1, count("SELECT COUNT(*) FROM schema_version WHERE applied_ms = " + T0));
    assertEquals(latest - 1, count("SELECT COUNT(*) FROM schema_version WHERE applied_ms = "
        + (T0 + HOUR)));
    assertTrue(store.rules().rules(RuleStore.DEFAULT_RULES_KEY).isPresent());
  }

  @Test
  void publishStoresEveryFieldAndStampsTimes() {
    NewSegment first = segment("wiki", 0, "2024-01-01T00:00:00.000Z", 0);
    NewSegment second = segment("wiki", 0, "2024-01-01T00:00:00.000Z", 1);
    List<SegmentRecord> published = store.segments().publish(SegmentPublish.of("wiki", List.of(second, first)));
    assertEquals(List.of(first.id(), second.id()), ids(published));
    SegmentRecord stored = store.segments().segment(second.id()).orElseThrow();
    assertEquals(new SegmentRecord(second.id(), "wiki", second.startMs(), second.endMs(),
        second.version(), 1, PAYLOAD, true, T0, T0), stored);
    assertEquals(published, store.segments().usedSegments("wiki"));
  }

  @Test
  void aDuplicateInTheMiddleLeavesNothingAndNamesTheId() {
    NewSegment existing = segment("wiki", 1, "v1", 0);
    store.segments().publish(new SegmentPublish("wiki", List.of(existing),
        new CommitMetadataUpdate(null, "{\"offset\":1}")));
    List<NewSegment> batch = List.of(segment("wiki", 0, "v1", 0), existing, segment("wiki", 2, "v1", 0));
    MetadataStoreException error = assertThrows(MetadataStoreException.class,
        () -> store.segments().publish(new SegmentPublish("wiki", batch,
            new CommitMetadataUpdate("{\"offset\":1}", "{\"offset\":2}"))));
    assertEquals(MetadataErrorCode.CONFLICT, error.code());
    assertTrue(error.getMessage().contains("table=segments id=" + existing.id() + " already exists"),
        error.getMessage());
    assertEquals(List.of(existing.id()), ids(store.segments().usedSegments("wiki")));
    // The commit metadata swap ran before the duplicate was found, and was rolled back with it.
    assertEquals("{\"offset\":1}", store.segments().commitMetadata("wiki").orElseThrow());
  }

  @Test
  void anUnusedSegmentStillBlocksItsIdAndANewVersionIsRecordedBesideTheOld() {
    NewSegment old = segment("wiki", 0, "v1", 0);
    store.segments().publish(SegmentPublish.of("wiki", List.of(old)));
    store.segments().markUnused("wiki");
    assertEquals(MetadataErrorCode.CONFLICT, assertThrows(MetadataStoreException.class,
        () -> store.segments().publish(SegmentPublish.of("wiki", List.of(old)))).code());
    store.segments().setUsed(List.of(old.id()), true);
    NewSegment newer = segment("wiki", 0, "v2", 0);
    store.segments().publish(SegmentPublish.of("wiki", List.of(newer)));
    assertEquals(List.of(old.id(), newer.id()), ids(store.segments().usedSegments("wiki")));
  }

  @Test
  void commitMetadataIsComparedAndSwappedWithThePublish() {
    SegmentStore segments = store.segments();
    segments.publish(new SegmentPublish("stream", List.of(segment("stream", 0, "v1", 0)),
        new CommitMetadataUpdate(null, "{\"partitions\":{\"0\":10}}")));
    MetadataStoreException stale = assertThrows(MetadataStoreException.class,
        () -> segments.publish(new SegmentPublish("stream", List.of(segment("stream", 1, "v1", 0)),
            new CommitMetadataUpdate("{\"partitions\":{\"0\":5}}", "{\"partitions\":{\"0\":20}}"))));
    assertEquals(MetadataErrorCode.COMMIT_METADATA_MISMATCH, stale.code());
    assertTrue(stale.getMessage().contains("expected={\"partitions\":{\"0\":5}} but stored="
        + "{\"partitions\":{\"0\":10}}"), stale.getMessage());
    assertEquals(MetadataErrorCode.COMMIT_METADATA_MISMATCH, assertThrows(MetadataStoreException.class,
        () -> segments.publish(new SegmentPublish("stream", List.of(),
            new CommitMetadataUpdate(null, "{\"partitions\":{}}")))).code());
    assertEquals(1, segments.usedSegments("stream").size());

    // Spacing and key order do not matter; the stored text is the caller's.
    segments.publish(new SegmentPublish("stream", List.of(segment("stream", 1, "v1", 0)),
        new CommitMetadataUpdate("{ \"partitions\" : { \"0\" : 10 } }", "{\"partitions\":{\"0\":20}}")));
    assertEquals("{\"partitions\":{\"0\":20}}", segments.commitMetadata("stream").orElseThrow());
    assertEquals(2, segments.usedSegments("stream").size());
    assertTrue(segments.deleteCommitMetadata("stream"));
    assertTrue(segments.commitMetadata("stream").isEmpty());
    assertFalse(segments.deleteCommitMetadata("stream"));
  }

  @Test
  void concurrentPublishersNeverLoseOrDuplicate() throws Exception {
    int threads = 4;
    int publishesEach = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> publishLoop(thread, publishesEach)));
      }
      int duplicatesWon = 0;
      for (Future<Integer> result : results) {
        duplicatesWon += result.get(60, TimeUnit.SECONDS);
      }
      int total = threads * publishesEach;
      assertEquals("{\"offset\":" + total + "}", store.segments().commitMetadata("stream").orElseThrow());
      assertEquals(total, store.segments().usedSegments("stream").size());
      assertEquals(publishesEach, duplicatesWon, "each shared id is won by exactly one publisher");
      assertEquals(publishesEach, store.segments().usedSegments("shared").size());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Publishes with an offset CAS (retrying on mismatch) and races for shared ids. */
  private int publishLoop(int thread, int publishes) {
    int won = 0;
    for (int i = 0; i < publishes; i++) {
      while (true) {
        String current = store.segments().commitMetadata("stream").orElse(null);
        long offset = current == null ? 0 : Long.parseLong(current.replaceAll("[^0-9]", ""));
        NewSegment mine = segment("stream", thread * 1000 + i, "v1", 0);
        try {
          store.segments().publish(new SegmentPublish("stream", List.of(mine),
              new CommitMetadataUpdate(current, "{\"offset\":" + (offset + 1) + "}")));
          break;
        } catch (MetadataStoreException e) {
          if (e.code() != MetadataErrorCode.COMMIT_METADATA_MISMATCH) {
            throw e;
          }
        }
      }
      try {
        store.segments().publish(SegmentPublish.of("shared", List.of(segment("shared", i, "v1", 0))));
        won++;
      } catch (MetadataStoreException e) {
        if (e.code() != MetadataErrorCode.CONFLICT) {
          throw e;
        }
      }
    }
    return won;
  }

  @Test
  void markingUnusedByDatasourceIntervalAndIds() {
    SegmentStore segments = store.segments();
    List<NewSegment> wiki = List.of(segment("wiki", 0, "v1", 0), segment("wiki", 1, "v1", 0),
        segment("wiki", 2, "v1", 0), segment("wiki", 3, "v1", 0));
    segments.publish(SegmentPublish.of("wiki", wiki));
    segments.publish(SegmentPublish.of("koala", List.of(segment("koala", 0, "v1", 0))));
    assertEquals(List.of("koala", "wiki"), segments.dataSourcesWithUsedSegments());
    assertEquals(List.of(wiki.get(1).id(), wiki.get(2).id()),
        ids(segments.usedSegments("wiki", T0 + HOUR + 1, T0 + 3 * HOUR - 1)));

    clock.advance(5);
    // Only segments wholly inside the interval: hour 1 is, hour 2 sticks out past its end.
    assertEquals(1, segments.markUnusedWithin("wiki", T0 + HOUR, T0 + 2 * HOUR + HOUR / 2));
    SegmentRecord unused = segments.segment(wiki.get(1).id()).orElseThrow();
    assertFalse(unused.used());
    assertEquals(T0 + 5, unused.usedStatusLastUpdatedMs());
    assertEquals(T0, unused.createdMs());
    assertEquals(List.of(wiki.get(1).id()), ids(segments.unusedSegments("wiki", T0, T0 + 10 * HOUR)));

    assertEquals(1, segments.setUsed(List.of(wiki.get(0).id(), "no-such-id"), false));
    assertEquals(0, segments.setUsed(List.of(wiki.get(0).id()), false));
    assertEquals(2, segments.markUnused("wiki"));
    assertEquals(List.of("koala"), segments.dataSourcesWithUsedSegments());
    assertEquals(1, segments.allUsedSegments().size());

    List<SegmentRecord> deleted = segments.deleteUnused("wiki", T0, T0 + 2 * HOUR);
    assertEquals(List.of(wiki.get(0).id(), wiki.get(1).id()), ids(deleted));
    assertTrue(segments.segment(wiki.get(0).id()).isEmpty());
    assertEquals(2, segments.unusedSegments("wiki", T0, T0 + 10 * HOUR).size());
  }

  @Test
  void rulesAreSetReadAndAudited() {
    RuleStore rules = store.rules();
    rules.setRules("wiki", "[{\"type\":\"loadForever\"}]", new AuditInfo("alice", "first", "10.0.0.1"));
    clock.advance(1000);
    rules.setRules("wiki", "[{\"type\":\"dropForever\"}]", new AuditInfo("bob", "second", null));
    rules.setRules(RuleStore.DEFAULT_RULES_KEY, "[]", new AuditInfo("carol", "", ""));
    assertEquals(new RuleSet("wiki", "[{\"type\":\"dropForever\"}]", T0 + 1000),
        rules.rules("wiki").orElseThrow());
    assertEquals(List.of("_default", "wiki"), rules.allRules().stream().map(RuleSet::dataSource).toList());
    assertTrue(rules.rules("koala").isEmpty());

    List<AuditEntry> history = rules.history("wiki", 0, 10);
    assertEquals(2, history.size());
    assertEquals(new AuditEntry("rules", "wiki", new AuditInfo("bob", "second", ""), T0 + 1000,
        "[{\"type\":\"dropForever\"}]"), history.get(0));
    assertEquals("alice", history.get(1).info().author());
    assertEquals("10.0.0.1", history.get(1).info().remoteAddress());
    assertEquals(3, rules.history(null, 0, 10).size());
    assertEquals(2, rules.history(null, T0 + 1000, 10).size());
    assertEquals(1, rules.history(null, 0, 1).size());

    MetadataStoreException bad = assertThrows(MetadataStoreException.class,
        () -> rules.setRules("wiki", "{\"type\":\"loadForever\"}", new AuditInfo("", "", "")));
    assertEquals(MetadataErrorCode.INVALID_INPUT, bad.code());
    assertTrue(bad.getMessage().contains("rules dataSource=wiki must be a JSON array, got object"),
        bad.getMessage());
    assertEquals(2, rules.history("wiki", 0, 10).size());
  }

  @Test
  void taskLifecycle() {
    TaskStore tasks = store.tasks();
    TaskRecord created = tasks.insert(new NewTask("t1", "index_parallel", "wiki", "{\"spec\":1}",
        "{\"status\":\"RUNNING\"}"));
    assertEquals(new TaskRecord("t1", "index_parallel", "wiki", T0, TaskState.RUNNING,
        "{\"status\":\"RUNNING\"}", "{\"spec\":1}", null, T0, 0), created);
    assertEquals(created, tasks.task("t1").orElseThrow());
    MetadataStoreException duplicate = assertThrows(MetadataStoreException.class,
        () -> tasks.insert(new NewTask("t1", "index", "wiki", "{}", "{}")));
    assertEquals(MetadataErrorCode.CONFLICT, duplicate.code());
    assertTrue(duplicate.getMessage().contains("table=tasks id=t1 already exists"), duplicate.getMessage());

    clock.advance(10);
    tasks.insert(new NewTask("t2", "compact", "koala", "{}", "{}"));
    clock.advance(10);
    tasks.insert(new NewTask("t3", "index", "wiki", "{}", "{}"));
    TaskRecord failed = tasks.updateStatus("t1", TaskState.FAILED, "{\"status\":\"FAILED\"}", "boom");
    assertEquals(TaskState.FAILED, failed.state());
    assertEquals("boom", failed.errorMessage());
    assertEquals(T0 + 20, failed.statusUpdatedMs());
    tasks.updateStatus("t2", TaskState.RUNNING, "{\"progress\":1}", null);
    tasks.updateStatus("t2", TaskState.SUCCESS, "{}", null);

    MetadataStoreException finished = assertThrows(MetadataStoreException.class,
        () -> tasks.updateStatus("t1", TaskState.SUCCESS, "{}", null));
    assertEquals(MetadataErrorCode.CONFLICT, finished.code());
    assertTrue(finished.getMessage().contains("id=t1 already finished as FAILED"), finished.getMessage());
    assertEquals(MetadataErrorCode.NOT_FOUND, assertThrows(MetadataStoreException.class,
        () -> tasks.updateStatus("nope", TaskState.SUCCESS, "{}", null)).code());

    assertEquals(List.of("t3", "t2", "t1"), taskIds(tasks.tasks(null, null, 10)));
    assertEquals(List.of("t3"), taskIds(tasks.tasks(TaskState.RUNNING, null, 10)));
    assertEquals(List.of("t3", "t1"), taskIds(tasks.tasks(null, "wiki", 10)));
    assertEquals(List.of("t1"), taskIds(tasks.tasks(TaskState.FAILED, "wiki", 10)));
    assertEquals(List.of("t3"), taskIds(tasks.tasks(null, null, 1)));

    tasks.setReport("t2", "{\"ingestionStatsAndErrors\":{}}");
    assertEquals("{\"ingestionStatsAndErrors\":{}}", tasks.report("t2").orElseThrow());
    assertTrue(tasks.report("t3").isEmpty());
    assertEquals(MetadataErrorCode.NOT_FOUND, assertThrows(MetadataStoreException.class,
        () -> tasks.setReport("nope", "{}")).code());
  }

  static List<String> taskIds(List<TaskRecord> records) {
    return records.stream().map(TaskRecord::id).toList();
  }

  @Test
  void taskLogsAppendInOrderAndGoWithTheirTask() {
    TaskStore tasks = store.tasks();
    tasks.insert(new NewTask("t1", "index", "wiki", "{}", "{}"));
    assertEquals(2, tasks.appendLog("t1", List.of("starting", "reading")));
    assertEquals(2, tasks.appendLog("t1", List.of()));
    assertEquals(4, tasks.appendLog("t1", List.of("line with\ttab and ünïcode", "done")));
    assertEquals(List.of("starting", "reading", "line with\ttab and ünïcode", "done"),
        tasks.readLog("t1", 0, 100));
    assertEquals(List.of("reading", "line with\ttab and ünïcode"), tasks.readLog("t1", 1, 2));
    assertEquals(List.of(), tasks.readLog("t1", 4, 10));
    assertEquals(4, tasks.task("t1").orElseThrow().logLineCount());
    assertEquals(MetadataErrorCode.NOT_FOUND, assertThrows(MetadataStoreException.class,
        () -> tasks.appendLog("nope", List.of("x"))).code());
    assertEquals(MetadataErrorCode.NOT_FOUND, assertThrows(MetadataStoreException.class,
        () -> tasks.readLog("nope", 0, 1)).code());

    tasks.insert(new NewTask("t2", "index", "wiki", "{}", "{}"));
    tasks.updateStatus("t1", TaskState.SUCCESS, "{}", null);
    clock.advance(100);
    tasks.updateStatus("t2", TaskState.SUCCESS, "{}", null);
    assertEquals(1, tasks.deleteCompletedBefore(T0 + 50));
    assertTrue(tasks.task("t1").isEmpty());
    assertEquals(MetadataErrorCode.NOT_FOUND, assertThrows(MetadataStoreException.class,
        () -> tasks.readLog("t1", 0, 1)).code());
    assertTrue(tasks.task("t2").isPresent());
  }

  @Test
  void configIsSetComparedAndAudited() {
    ConfigStore settings = store.config();
    assertTrue(settings.get("coordinator.config").isEmpty());
    assertFalse(settings.compareAndSet("coordinator.config", "{}", "{\"a\":1}", new AuditInfo("x", "", "")));
    assertTrue(settings.compareAndSet("coordinator.config", null, "{\"a\":1}", new AuditInfo("x", "", "")));
    assertFalse(settings.compareAndSet("coordinator.config", null, "{\"a\":2}", new AuditInfo("x", "", "")));
    clock.advance(1);
    settings.set("coordinator.config", "{\"a\":3}", new AuditInfo("y", "why", ""));
    assertTrue(settings.compareAndSet("coordinator.config", "{\"a\":3}", "{\"a\":4}", new AuditInfo("z", "", "")));
    assertEquals("{\"a\":4}", settings.get("coordinator.config").orElseThrow());
    settings.set("broker.flag", "true", new AuditInfo("", "", ""));
    assertEquals("true", settings.get("broker.flag").orElseThrow());

    List<AuditEntry> history = settings.history("coordinator.config", 0, 10);
    assertEquals(List.of("z", "y", "x"), history.stream().map(entry -> entry.info().author()).toList());
    assertEquals(new AuditEntry("config", "coordinator.config", new AuditInfo("y", "why", ""), T0 + 1,
        "{\"a\":3}"), history.get(1));
    assertEquals(MetadataErrorCode.INVALID_INPUT, assertThrows(MetadataStoreException.class,
        () -> settings.set("k", "{not json", new AuditInfo("", "", ""))).code());
  }

  @Test
  void aClosedStoreSaysSo() {
    store.close();
    MetadataStoreException error = assertThrows(MetadataStoreException.class,
        () -> store.segments().allUsedSegments());
    assertEquals(MetadataErrorCode.CLOSED, error.code());
    store = null;
  }
}
