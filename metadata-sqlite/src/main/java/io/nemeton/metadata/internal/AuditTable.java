package io.nemeton.metadata.internal;

import io.nemeton.metadata.AuditEntry;
import io.nemeton.metadata.AuditInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audit} table: one row per change of rules or config, written in the transaction of
 * the change. Ids come from the {@code sequences} row {@code 'audit'}; updating that row first
 * also serialises concurrent auditors on PostgreSQL, so ids follow commit order.
 *
 * <p>Stateless; thread-safe.
 */
public final class AuditTable {
  /** Most entries one history read returns. */
  public static final int MAX_HISTORY = 10_000;

  private AuditTable() {}

  public static void insert(Connection connection, String type, String key, AuditInfo info,
      long nowMs, String payloadJson) throws SQLException {
    Statements.update(connection,
        "UPDATE sequences SET next_value = next_value + 1 WHERE name = 'audit'");
    long id;
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT next_value - 1 FROM sequences WHERE name = 'audit'");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      id = rows.getLong(1);
    }
    Statements.update(connection, "INSERT INTO audit (id, audit_type, audit_key, author,"
        + " audit_comment, remote_address, created_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, type, key, info.author(), info.comment(), info.remoteAddress(), nowMs, payloadJson);
  }

  /**
   * Entries of {@code type} (for {@code key}, or every key when null) made at or after
   * {@code sinceMs}, newest first, at most {@code limit}.
   */
  public static List<AuditEntry> history(Connection connection, String type, String key,
      long sinceMs, int limit) throws SQLException {
    String sql = "SELECT audit_type, audit_key, author, audit_comment, remote_address,"
        + " created_ms, payload FROM audit WHERE audit_type = ?"
        + (key == null ? "" : " AND audit_key = ?")
        + " AND created_ms >= ? ORDER BY id DESC LIMIT ?";
    List<AuditEntry> entries = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      if (key == null) {
        Statements.bind(select, type, sinceMs, limit);
      } else {
        Statements.bind(select, type, key, sinceMs, limit);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(new AuditEntry(rows.getString(1), rows.getString(2),
              new AuditInfo(rows.getString(3), rows.getString(4), rows.getString(5)),
              rows.getLong(6), rows.getString(7)));
        }
      }
    }
    return entries;
  }
}
