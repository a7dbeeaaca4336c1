package io.nemeton.metadata;

import io.nemeton.metadata.internal.AuditTable;
import io.nemeton.metadata.internal.Database;
import io.nemeton.metadata.internal.JsonPayloads;
import io.nemeton.metadata.internal.Require;
import io.nemeton.metadata.internal.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Load/drop rules per datasource and the cluster default under {@link #DEFAULT_RULES_KEY}, stored
 * as Druid rule JSON arrays, with every change audited (who, when, why, from where) as Druid's
 * rules endpoints do. Which rules apply to a segment (a datasource's own, then the default) is
 * the coordinator's business.
 *
 * <p>Thread-safe. Every call is one database round of work and allocates its result.
 */
public final class RuleStore {
  /** The key of the rules every datasource falls through to. */
  public static final String DEFAULT_RULES_KEY = "_default";
  /** The audit type of rule changes. */
  public static final String AUDIT_TYPE = "rules";

  private final Database database;
  private final InstantSource clock;

  RuleStore(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The rules set for {@code dataSource} (or {@link #DEFAULT_RULES_KEY}), if any. */
  public Optional<RuleSet> rules(String dataSource) {
    Require.name("rules dataSource", dataSource);
    List<RuleSet> found = database.read("rules dataSource=" + dataSource, connection ->
        query(connection, " WHERE datasource = ?", dataSource));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every stored rule set, the default included, sorted by datasource. */
  public List<RuleSet> allRules() {
    return database.read("allRules", connection -> query(connection, ""));
  }

  /**
   * Replaces the rules of {@code dataSource} with {@code rulesJson} (a JSON array; {@code []}
   * clears them) and records the change with {@code audit}, in one transaction.
   */
  public RuleSet setRules(String dataSource, String rulesJson, AuditInfo audit) {
    Require.name("rules dataSource", dataSource);
    JsonPayloads.array("rules dataSource=" + dataSource, rulesJson);
    Require.notNull("rules dataSource=" + dataSource + " audit", audit);
    return database.write("setRules dataSource=" + dataSource, connection -> {
      long nowMs = clock.millis();
      Statements.update(connection, "INSERT INTO rules (datasource, payload, updated_ms)"
          + " VALUES (?, ?, ?) ON CONFLICT (datasource) DO UPDATE SET payload = excluded.payload,"
          + " updated_ms = excluded.updated_ms", dataSource, rulesJson, nowMs);
      AuditTable.insert(connection, AUDIT_TYPE, dataSource, audit, nowMs, rulesJson);
      return new RuleSet(dataSource, rulesJson, nowMs);
    });
  }

  /**
   * Rule changes for {@code dataSource} (every datasource when null) made at or after
   * {@code sinceMs}, newest first, at most {@code limit}.
   */
  public List<AuditEntry> history(String dataSource, long sinceMs, int limit) {
    if (dataSource != null) {
      Require.name("rules history dataSource", dataSource);
    }
    Require.range("rules history limit", limit, 1, AuditTable.MAX_HISTORY);
    return database.read("rulesHistory dataSource=" + dataSource, connection ->
        AuditTable.history(connection, AUDIT_TYPE, dataSource, sinceMs, limit));
  }

  private static List<RuleSet> query(Connection connection, String where, String... arguments)
      throws SQLException {
    List<RuleSet> result = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT datasource, payload, updated_ms FROM rules" + where)) {
      Statements.bind(select, (Object[]) arguments);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(new RuleSet(rows.getString(1), rows.getString(2), rows.getLong(3)));
        }
      }
    }
    result.sort(Comparator.comparing(RuleSet::dataSource));
    return result;
  }
}
