package io.nemeton.metadata.internal;

import java.util.List;

/**
 * The schema, as numbered steps. Only SQL that SQLite and PostgreSQL both accept: TEXT, INTEGER
 * and BIGINT columns, booleans as INTEGER 0/1 with a CHECK, no identity columns (ids that need a
 * counter take it from the {@code sequences} table), {@code IF NOT EXISTS} only on the version
 * table. Times are epoch milliseconds (UTC). README.md in this module lists the tables.
 */
final class SchemaSteps {
  static final List<Migration> ALL = List.of(
      new Migration(1, "segments, datasource commit metadata, rules, audit, tasks, task logs,"
          + " config", List.of(
          """
          CREATE TABLE segments (
            id TEXT PRIMARY KEY,
            datasource TEXT NOT NULL,
            start_ms BIGINT NOT NULL,
            end_ms BIGINT NOT NULL,
            version TEXT NOT NULL,
            partition_num INTEGER NOT NULL,
            used INTEGER NOT NULL CHECK (used IN (0, 1)),
            payload TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            used_status_last_updated_ms BIGINT NOT NULL,
            CHECK (start_ms < end_ms)
          )""",
          "CREATE INDEX segments_datasource_used_start ON segments (datasource, used, start_ms)",
          """
          CREATE TABLE datasource_metadata (
            datasource TEXT PRIMARY KEY,
            payload TEXT NOT NULL,
            updated_ms BIGINT NOT NULL
          )""",
          """
          CREATE TABLE rules (
            datasource TEXT PRIMARY KEY,
            payload TEXT NOT NULL,
            updated_ms BIGINT NOT NULL
          )""",
          """
          CREATE TABLE sequences (
            name TEXT PRIMARY KEY,
            next_value BIGINT NOT NULL
          )""",
          "INSERT INTO sequences (name, next_value) VALUES ('audit', 1)",
          """
          CREATE TABLE audit (
            id BIGINT PRIMARY KEY,
            audit_type TEXT NOT NULL,
            audit_key TEXT NOT NULL,
            author TEXT NOT NULL,
            audit_comment TEXT NOT NULL,
            remote_address TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            payload TEXT NOT NULL
          )""",
          "CREATE INDEX audit_type_key_created ON audit (audit_type, audit_key, created_ms)",
          """
          CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            task_type TEXT NOT NULL,
            datasource TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCESS', 'FAILED')),
            status_payload TEXT NOT NULL,
            payload TEXT NOT NULL,
            error_message TEXT,
            report_payload TEXT,
            status_updated_ms BIGINT NOT NULL,
            log_line_count BIGINT NOT NULL
          )""",
          "CREATE INDEX tasks_status_created ON tasks (status, created_ms)",
          "CREATE INDEX tasks_datasource_created ON tasks (datasource, created_ms)",
          """
          CREATE TABLE task_logs (
            task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
            line_number BIGINT NOT NULL,
            line_text TEXT NOT NULL,
            PRIMARY KEY (task_id, line_number)
          )""",
          """
          CREATE TABLE config (
            name TEXT PRIMARY KEY,
            payload TEXT NOT NULL,
            updated_ms BIGINT NOT NULL
          )""")),
      // Druid's cluster-wide default: load every segment forever, two replicas in the default
      // tier. Datasources without rules of their own fall through to it.
      new Migration(2, "default rules for all datasources", List.of(
          "INSERT INTO rules (datasource, payload, updated_ms) VALUES ('_default', "
              + "'[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}]', 0)")));

  private SchemaSteps() {}
}
