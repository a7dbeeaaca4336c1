package io.nemeton.metadata;

import io.nemeton.metadata.internal.AuditTable;
import io.nemeton.metadata.internal.Database;
import io.nemeton.metadata.internal.JsonPayloads;
import io.nemeton.metadata.internal.Require;
import io.nemeton.metadata.internal.Statements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Cluster configuration as key to JSON value (coordinator and overlord dynamic config), every
 * change audited. Values are any JSON value, stored as given.
 *
 * <p>Thread-safe. Every call is one database round of work and allocates its result.
 */
public final class ConfigStore {
  /** The audit type of config changes. */
  public static final String AUDIT_TYPE = "config";

  private final Database database;
  private final InstantSource clock;

  ConfigStore(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The value of {@code key}, if set. */
  public Optional<String> get(String key) {
    Require.name("config key", key);
    return Optional.ofNullable(database.read("getConfig key=" + key, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT payload FROM config WHERE name = ?")) {
        select.setString(1, key);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? rows.getString(1) : null;
        }
      }
    }));
  }

  /** Sets {@code key} to {@code valueJson} and audits the change, in one transaction. */
  public void set(String key, String valueJson, AuditInfo audit) {
    check(key, valueJson, audit);
    database.write("setConfig key=" + key, connection -> {
      long nowMs = clock.millis();
      Statements.update(connection, "INSERT INTO config (name, payload, updated_ms)"
          + " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET payload = excluded.payload,"
          + " updated_ms = excluded.updated_ms", key, valueJson, nowMs);
      AuditTable.insert(connection, AUDIT_TYPE, key, audit, nowMs, valueJson);
      return null;
    });
  }

  /**
   * Sets {@code key} to {@code valueJson} only if its stored text is exactly
   * {@code expectedJson} (unset when null); returns whether it did.
   */
  public boolean compareAndSet(String key, String expectedJson, String valueJson,
      AuditInfo audit) {
    check(key, valueJson, audit);
    return database.write("compareAndSetConfig key=" + key, connection -> {
      long nowMs = clock.millis();
      int changed = expectedJson == null
          ? Statements.update(connection, "INSERT INTO config (name, payload, updated_ms)"
              + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING", key, valueJson, nowMs)
          : Statements.update(connection, "UPDATE config SET payload = ?, updated_ms = ?"
              + " WHERE name = ? AND payload = ?", valueJson, nowMs, key, expectedJson);
      if (changed == 0) {
        return false;
      }
      AuditTable.insert(connection, AUDIT_TYPE, key, audit, nowMs, valueJson);
      return true;
    });
  }

  /** Changes of {@code key} made at or after {@code sinceMs}, newest first, at most limit. */
  public List<AuditEntry> history(String key, long sinceMs, int limit) {
    Require.name("config key", key);
    Require.range("config history limit", limit, 1, AuditTable.MAX_HISTORY);
    return database.read("configHistory key=" + key, connection ->
        AuditTable.history(connection, AUDIT_TYPE, key, sinceMs, limit));
  }

  private static void check(String key, String valueJson, AuditInfo audit) {
    Require.name("config key", key);
    JsonPayloads.value("config key=" + key + " value", valueJson);
    Require.notNull("config key=" + key + " audit", audit);
  }
}
