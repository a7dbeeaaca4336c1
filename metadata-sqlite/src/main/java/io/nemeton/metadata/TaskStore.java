package io.nemeton.metadata;

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
import java.util.List;
import java.util.Optional;

/**
 * Ingestion tasks: the spec as submitted, the status (RUNNING, then SUCCESS or FAILED once), the
 * report, and the task's log as numbered lines.
 *
 * <p>Thread-safe. Every call is one database round of work and allocates its result.
 */
public final class TaskStore {
  /** Longest stored error message; longer ones are cut, so a failure is never lost to size. */
  public static final int MAX_ERROR_CHARS = 64 * 1024;
  /** Longest log line accepted. */
  public static final int MAX_LOG_LINE_CHARS = 64 * 1024;
  /** Most lines in one append or one read. */
  public static final int MAX_LOG_LINES = 100_000;
  /** Most tasks one list returns. */
  public static final int MAX_LIST = 100_000;

  private static final String COLUMNS = "id, task_type, datasource, created_ms, status,"
      + " status_payload, payload, error_message, status_updated_ms, log_line_count";

  private final Database database;
  private final InstantSource clock;

  TaskStore(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records a newly accepted task as RUNNING; {@link MetadataErrorCode#CONFLICT} if its id exists. */
  public TaskRecord insert(NewTask task) {
    Require.notNull("task", task);
    return database.write("insertTask id=" + task.id(), connection -> {
      long nowMs = clock.millis();
      int inserted = Statements.update(connection, "INSERT INTO tasks (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, NULL, ?, 0) ON CONFLICT (id) DO NOTHING",
          task.id(), task.type(), task.dataSource(), nowMs, task.statusJson(),
          task.payloadJson(), nowMs);
      if (inserted == 0) {
        throw new MetadataStoreException(MetadataErrorCode.CONFLICT, database.describe()
            + " operation=insertTask: table=tasks id=" + task.id() + " already exists");
      }
      return new TaskRecord(task.id(), task.type(), task.dataSource(), nowMs, TaskState.RUNNING,
          task.statusJson(), task.payloadJson(), null, nowMs, 0);
    });
  }

  public Optional<TaskRecord> task(String id) {
    Require.name("task id", id);
    List<TaskRecord> found = database.read("task id=" + id, connection ->
        query(connection, " WHERE id = ?", id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Tasks in {@code state} (any when null) of {@code dataSource} (any when null), newest first,
   * at most {@code limit}.
   */
  public List<TaskRecord> tasks(TaskState state, String dataSource, int limit) {
    Require.range("task list limit", limit, 1, MAX_LIST);
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (state != null) {
      where.append(" AND status = ?");
      arguments.add(state.name());
    }
    if (dataSource != null) {
      where.append(" AND datasource = ?");
      arguments.add(Require.name("task list dataSource", dataSource));
    }
    where.append(" ORDER BY created_ms DESC, id DESC LIMIT ?");
    arguments.add(limit);
    return database.read("tasks state=" + state + " dataSource=" + dataSource, connection ->
        query(connection, where.toString(), arguments.toArray()));
  }

  /**
   * Sets the status of a RUNNING task. A task that already finished keeps its final status:
   * {@link MetadataErrorCode#CONFLICT}; an unknown id is {@link MetadataErrorCode#NOT_FOUND}.
   *
   * @param errorMessage why it failed, or null; cut to {@link #MAX_ERROR_CHARS}
   */
  public TaskRecord updateStatus(String id, TaskState state, String statusJson,
      String errorMessage) {
    Require.name("task id", id);
    Require.notNull("task id=" + id + " state", state);
    JsonPayloads.object("task id=" + id + " status", statusJson);
    String error = errorMessage == null || errorMessage.length() <= MAX_ERROR_CHARS
        ? errorMessage
        : errorMessage.substring(0, MAX_ERROR_CHARS) + "... (cut from " + errorMessage.length()
            + " chars)";
    return database.write("updateTaskStatus id=" + id + " state=" + state, connection -> {
      int changed = Statements.update(connection, "UPDATE tasks SET status = ?,"
          + " status_payload = ?, error_message = ?, status_updated_ms = ?"
          + " WHERE id = ? AND status = 'RUNNING'",
          state.name(), statusJson, error, clock.millis(), id);
      List<TaskRecord> found = query(connection, " WHERE id = ?", id);
      if (found.isEmpty()) {
        throw notFound("updateTaskStatus", id);
      }
      if (changed == 0) {
        throw new MetadataStoreException(MetadataErrorCode.CONFLICT, database.describe()
            + " operation=updateTaskStatus: table=tasks id=" + id + " already finished as "
            + found.get(0).state() + "; cannot set " + state);
      }
      return found.get(0);
    });
  }

  /** Stores the task's report JSON object, replacing any earlier one. */
  public void setReport(String id, String reportJson) {
    Require.name("task id", id);
    JsonPayloads.object("task id=" + id + " report", reportJson);
    database.write("setTaskReport id=" + id, connection -> {
      if (Statements.update(connection, "UPDATE tasks SET report_payload = ? WHERE id = ?",
          reportJson, id) == 0) {
        throw notFound("setTaskReport", id);
      }
      return null;
    });
  }

  /** The task's report, if the task exists and one was stored. */
  public Optional<String> report(String id) {
    Require.name("task id", id);
    return Optional.ofNullable(database.read("taskReport id=" + id, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT report_payload FROM tasks WHERE id = ?")) {
        select.setString(1, id);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? rows.getString(1) : null;
        }
      }
    }));
  }

  /** Appends {@code lines} to the task's log and returns its new line count. */
  public long appendLog(String id, List<String> lines) {
    Require.name("task id", id);
    Require.notNull("task id=" + id + " log lines", lines);
    Require.range("task id=" + id + " log line count", lines.size(), 0, MAX_LOG_LINES);
    for (int i = 0; i < lines.size(); i++) {
      Require.text("task id=" + id + " log line " + i, lines.get(i), MAX_LOG_LINE_CHARS, false);
    }
    return database.write("appendTaskLog id=" + id + " lines=" + lines.size(), connection -> {
      // Bumping the count first locks the task row, so concurrent appenders get distinct
      // line numbers on PostgreSQL too.
      if (Statements.update(connection, "UPDATE tasks SET log_line_count = log_line_count + ?"
          + " WHERE id = ?", (long) lines.size(), id) == 0) {
        throw notFound("appendTaskLog", id);
      }
      long count = query(connection, " WHERE id = ?", id).get(0).logLineCount();
      long lineNumber = count - lines.size();
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO task_logs (task_id, line_number, line_text) VALUES (?, ?, ?)")) {
        for (String line : lines) {
          Statements.bind(insert, id, lineNumber++, line);
          insert.addBatch();
        }
        if (!lines.isEmpty()) {
          insert.executeBatch();
        }
      }
      return count;
    });
  }

  /** Up to {@code maxLines} log lines from line number {@code fromLine} (0-based). */
  public List<String> readLog(String id, long fromLine, int maxLines) {
    Require.name("task id", id);
    Require.range("task id=" + id + " log fromLine", fromLine, 0, Long.MAX_VALUE);
    Require.range("task id=" + id + " log maxLines", maxLines, 1, MAX_LOG_LINES);
    return database.read("readTaskLog id=" + id, connection -> {
      if (query(connection, " WHERE id = ?", id).isEmpty()) {
        throw notFound("readTaskLog", id);
      }
      List<String> lines = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT line_text FROM"
          + " task_logs WHERE task_id = ? AND line_number >= ? ORDER BY line_number LIMIT ?")) {
        Statements.bind(select, id, fromLine, maxLines);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
      }
      return lines;
    });
  }

  /** Deletes finished tasks (and their logs) whose status last changed before {@code beforeMs}. */
  public int deleteCompletedBefore(long beforeMs) {
    return database.write("deleteCompletedTasks beforeMs=" + beforeMs, connection ->
        Statements.update(connection, "DELETE FROM tasks WHERE status <> 'RUNNING'"
            + " AND status_updated_ms < ?", beforeMs));
  }

  private MetadataStoreException notFound(String operation, String id) {
    return new MetadataStoreException(MetadataErrorCode.NOT_FOUND, database.describe()
        + " operation=" + operation + ": table=tasks id=" + id + " does not exist");
  }

  private static List<TaskRecord> query(Connection connection, String where, Object... arguments)
      throws SQLException {
    List<TaskRecord> result = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM tasks" + where)) {
      Statements.bind(select, arguments);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(new TaskRecord(rows.getString(1), rows.getString(2), rows.getString(3),
              rows.getLong(4), TaskState.valueOf(rows.getString(5)), rows.getString(6),
              rows.getString(7), rows.getString(8), rows.getLong(9), rows.getLong(10)));
        }
      }
    }
    return result;
  }
}
