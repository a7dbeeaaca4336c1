package io.nemeton.metadata.internal;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database to the newest schema this build knows, in one transaction, and records each
 * applied step in {@code schema_version}. Running it again applies nothing. A database whose
 * schema is newer than this build is refused: an older build would misread it.
 *
 * <p>Stateless; concurrent starts are serialised by the database (see
 * {@link Dialect#migrationLockQuery()}).
 */
public final class SchemaMigrations {
  private static final String CREATE_VERSION_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_ms BIGINT NOT NULL
      )""";

  private SchemaMigrations() {}

  /** The newest schema version this build knows. */
  public static int latestVersion() {
    List<Migration> steps = SchemaSteps.ALL;
    return steps.get(steps.size() - 1).version();
  }

  /** Applies the missing steps and returns the resulting schema version. */
  public static int migrate(Database database, long nowMs) {
    return database.write("migrateSchema", connection -> {
      String lock = database.dialect().migrationLockQuery();
      if (lock != null) {
        // The lock is held until the transaction ends; the one row it returns carries nothing.
        try (Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery(lock)) {
          row.next();
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(CREATE_VERSION_TABLE);
      }
      int current = currentVersion(connection);
      int latest = latestVersion();
      if (current > latest) {
        throw new MetadataStoreException(MetadataErrorCode.SCHEMA_MISMATCH, database.describe()
            + ": schema version " + current + " is newer than the newest this build knows ("
            + latest + "); refusing to use it, run a newer Nemeton (downgrades are not supported)");
      }
      for (Migration step : SchemaSteps.ALL) {
        if (step.version() > current) {
          apply(connection, step, nowMs);
        }
      }
      return Math.max(current, latest);
    });
  }

  /** The highest applied step, 0 when none is. */
  public static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void apply(Connection connection, Migration step, long nowMs)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : step.statements()) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
      insert.setInt(1, step.version());
      insert.setString(2, step.description());
      insert.setLong(3, nowMs);
      insert.executeUpdate();
    }
  }
}
