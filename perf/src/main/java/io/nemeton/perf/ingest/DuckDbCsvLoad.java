package io.nemeton.perf.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reference side of the ingest benchmark: loads a paper-schema CSV into an in-memory DuckDB
 * table on one thread and measures rows per second.
 *
 * <p>Column types are given explicitly so DuckDB spends no time sniffing and the load matches what
 * Nemeton is told by its ingest spec: {@code timestamp} as {@code TIMESTAMP} (UTC), the five
 * dimensions as {@code VARCHAR}, {@code metric1}/{@code metric2} as {@code BIGINT} and
 * {@code metric3}/{@code metric4} as {@code DOUBLE}. Only the {@code CREATE TABLE ... AS SELECT}
 * is timed; opening the database and counting rows afterwards are not.
 *
 * <p>Each call opens and closes its own database; thread-safe.
 */
public final class DuckDbCsvLoad {
  /** The paper CSV's column types as DuckDB's {@code read_csv} takes them. */
  public static final String COLUMN_TYPES = "{'timestamp': 'TIMESTAMP', 'dim_high': 'VARCHAR', 'dim_10': 'VARCHAR', "
      + "'dim_100': 'VARCHAR', 'dim_1000': 'VARCHAR', 'dim_10000': 'VARCHAR', 'metric1': 'BIGINT', "
      + "'metric2': 'BIGINT', 'metric3': 'DOUBLE', 'metric4': 'DOUBLE'}";

  /**
   * One timed load: rows in the table, nanoseconds of wall time the load took and nanoseconds of
   * process CPU time spent meanwhile (DuckDB's one worker plus whatever the JVM did).
   */
  public record Result(long rows, long elapsedNanos, long cpuNanos) {
    public double rowsPerSecond() {
      return rows / (elapsedNanos / 1e9);
    }

    /** Rows per second of CPU time: the rate one core sustains, whatever the machine's load. */
    public double rowsPerCpuSecond() {
      return rows / (cpuNanos / 1e9);
    }
  }

  private DuckDbCsvLoad() {}

  /**
   * Loads {@code csv} with DuckDB's {@code threads} setting at 1 and checks the table holds
   * {@code expectedRows} rows.
   */
  public static Result load(Path csv, long expectedRows) throws SQLException {
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("csv=" + csv + ": not a readable file");
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      final String sql = "CREATE TABLE t AS SELECT * FROM read_csv(" + sqlString(csv.toAbsolutePath().toString())
          + ", header = true, delim = ',', auto_detect = false, columns = " + COLUMN_TYPES + ")";
      final long startCpu = ProcessCpuClock.nanos();
      final long startNanos = System.nanoTime();
      statement.execute(sql);
      final long elapsedNanos = System.nanoTime() - startNanos;
      final long cpuNanos = ProcessCpuClock.nanos() - startCpu;
      final long rows;
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM t")) {
        count.next();
        rows = count.getLong(1);
      }
      if (rows != expectedRows) {
        throw new IllegalStateException("csv=" + csv + ": DuckDB loaded rows=" + rows + " expected=" + expectedRows);
      }
      return new Result(rows, elapsedNanos, cpuNanos);
    }
  }

  /** A SQL string literal: quotes doubled, so any file name is safe. */
  public static String sqlString(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
