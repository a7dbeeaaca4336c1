package io.nemeton.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared suite on a SQLite file, plus what only SQLite has (pragmas, file locks). */
class SqliteMetadataStoreTest extends MetadataStoreContractTest {
  @TempDir
  Path directory;
  private int databases;

  @Override
  MetadataStoreConfig newConfig() {
    // A nested path: the store creates missing parent directories.
    return MetadataStoreConfig.sqlite(directory.resolve("db" + databases++).resolve("metadata.db"));
  }

  @Test
  void runsInWalModeWithForeignKeysAndTheBusyTimeout() throws Exception {
    assertTrue(Files.exists(config.sqliteFile()));
    assertEquals("wal", pragma("journal_mode"));
    // A second connection sees WAL (it is a property of the file); foreign keys and the busy
    // timeout are per connection, so the store's own connection is checked through behaviour:
    // deleting a task removes its log lines only if foreign keys are enforced.
    store.tasks().insert(new NewTask("t", "index", "wiki", "{}", "{}"));
    store.tasks().appendLog("t", List.of("a", "b"));
    store.tasks().updateStatus("t", TaskState.SUCCESS, "{}", null);
    store.tasks().deleteCompletedBefore(Long.MAX_VALUE);
    assertEquals(0, count("SELECT COUNT(*) FROM task_logs"));
  }

  @Test
  void aFileLockedByAnotherProcessIsUnavailableAndTheStoreRecovers() throws Exception {
    store.close();
    store = MetadataStore.open(config.withTimeoutMs(50), clock);
    store.segments().publish(SegmentPublish.of("wiki", List.of(segment("wiki", 0, "v1", 0))));
    try (Connection other = DriverManager.getConnection(config.connectUri());
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      MetadataStoreException error = assertThrows(MetadataStoreException.class,
          () -> store.segments().markUnused("wiki"));
      assertTrue(error instanceof MetadataStoreUnavailableException, error.toString());
      assertTrue(error.isUnavailable());
      assertTrue(error.getMessage().contains("operation=markUnused dataSource=wiki: database"
          + " unavailable"), error.getMessage());
      statement.execute("ROLLBACK");
    }
    assertEquals(1, store.segments().markUnused("wiki"));
  }

  @Test
  void aDirectoryWhereTheFileShouldBeIsReported() throws Exception {
    Path blocked = directory.resolve("blocked.db");
    Files.createDirectories(blocked);
    MetadataStoreException error = assertThrows(MetadataStoreException.class,
        () -> MetadataStore.open(MetadataStoreConfig.sqlite(blocked), clock));
    assertTrue(error.getMessage().startsWith("metadata store uri=jdbc:sqlite:" + blocked),
        error.getMessage());
  }

  private String pragma(String name) throws Exception {
    try (Connection connection = DriverManager.getConnection(config.connectUri());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
