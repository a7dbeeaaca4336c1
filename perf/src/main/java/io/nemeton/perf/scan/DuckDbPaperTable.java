package io.nemeton.perf.scan;

import io.nemeton.perf.ingest.DuckDbCsvLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper data as DuckDB holds it, the reference of the scan benchmark: the same CSV loaded
 * into an in-memory table {@code paper} (explicit column types, as {@link DuckDbCsvLoad}; sorted
 * by {@code timestamp} as Nemeton's segments are, so DuckDB's zone maps can skip row groups
 * outside a time range as Nemeton's binary search does), then {@code SET threads = 1} so every
 * query runs on one core. The load itself may use every core; it is not measured here.
 *
 * <p>Each query is prepared once; {@link #execute} runs it and reads every row of the result.
 *
 * <p>Not thread-safe. Owns its database; {@link #close()} drops it.
 */
public final class DuckDbPaperTable implements PaperTable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final long rows;
  private final double loadSeconds;

  public DuckDbPaperTable(Path csv) throws SQLException {
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("csv=" + csv + ": not a readable file");
    }
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      final long start = System.nanoTime();
      statement.execute("CREATE TABLE paper AS SELECT * FROM read_csv("
          + DuckDbCsvLoad.sqlString(csv.toAbsolutePath().toString())
          + ", header = true, delim = ',', auto_detect = false, columns = " + DuckDbCsvLoad.COLUMN_TYPES
          + ") ORDER BY \"timestamp\"");
      loadSeconds = (System.nanoTime() - start) / 1e9;
      statement.execute("SET threads = 1");
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM paper")) {
        count.next();
        rows = count.getLong(1);
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public String engineName() {
    return "duckdb";
  }

  @Override
  public long rowCount() {
    return rows;
  }

  /** Seconds the load took (with every core). */
  public double loadSeconds() {
    return loadSeconds;
  }

  @Override
  public Object execute(PaperQuery query) {
    try {
      PreparedStatement statement = statements.get(query.id());
      if (statement == null) {
        statement = connection.prepareStatement(query.sql());
        statements.put(query.id(), statement);
      }
      final int width = query.columns().size();
      final List<List<Object>> result = new ArrayList<>();
      try (ResultSet rowsOut = statement.executeQuery()) {
        if (rowsOut.getMetaData().getColumnCount() != width) {
          throw new IllegalStateException("query=" + query.id() + ": SQL answers columns="
              + rowsOut.getMetaData().getColumnCount() + " expected=" + width + " " + query.columns());
        }
        while (rowsOut.next()) {
          final List<Object> row = new ArrayList<>(width);
          for (int c = 1; c <= width; c++) {
            row.add(rowsOut.getObject(c));
          }
          result.add(row);
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("query=" + query.id() + ": DuckDB failed: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Answer answer(PaperQuery query, Object result) {
    return new Answer(query.columns(), (List<List<Object>>) result);
  }

  @Override
  public void close() {
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing DuckDB: " + e.getMessage(), e);
    }
  }
}
