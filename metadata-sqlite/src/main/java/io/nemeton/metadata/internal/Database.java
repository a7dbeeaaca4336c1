package io.nemeton.metadata.internal;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.metadata.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work against the configured database: reads in auto-commit, writes in one
 * transaction that is rolled back whole when the work throws. Driver errors come out as
 * {@link MetadataStoreException}s whose message starts with the store and the operation.
 *
 * <p>Thread-safe. Work must not keep the connection or any statement past its call.
 */
public final class Database implements AutoCloseable {
  private final String connectUri;
  private final Dialect dialect;
  private final ConnectionSource connections;

  private Database(String connectUri, Dialect dialect, ConnectionSource connections) {
    this.connectUri = connectUri;
    this.dialect = dialect;
    this.connections = connections;
  }

  /** Prepares connections; does not touch the database yet. */
  public static Database open(MetadataStoreConfig config) {
    if (config.isSqlite()) {
      Path parent = config.sqliteFile().toAbsolutePath().getParent();
      try {
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new MetadataStoreException(MetadataErrorCode.FAILED, "metadata store uri="
            + config.connectUri() + ": cannot create directory " + parent + ": " + e, e);
      }
      return new Database(config.connectUri(), Dialect.SQLITE,
          new SqliteConnectionSource(config.connectUri(), config.timeoutMs()));
    }
    return new Database(config.connectUri(), Dialect.POSTGRESQL, new PostgresConnectionSource(
        config.connectUri(), config.user(), config.password(), config.timeoutMs()));
  }

  public Dialect dialect() {
    return dialect;
  }

  /** "metadata store uri=...", the start of every message about this store. */
  public String describe() {
    return "metadata store uri=" + connectUri;
  }

  /** Runs read-only {@code work} outside a transaction. */
  public <T> T read(String operation, SqlWork<T> work) {
    Connection connection = acquire(operation);
    boolean broken = false;
    try {
      return work.run(connection);
    } catch (SQLException e) {
      broken = SqlErrors.isUnavailable(dialect, e);
      throw SqlErrors.translate(dialect, context(operation), e, false);
    } finally {
      connections.release(connection, broken);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
   * anything (a {@link MetadataStoreException} from the work itself passes through unchanged).
   */
  public <T> T write(String operation, SqlWork<T> work) {
    Connection connection = acquire(operation);
    boolean broken = true;
    boolean committing = false;
    try {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(connection);
        committing = true;
        connection.commit();
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        // A connection that cannot leave its transaction would run the next call inside it.
        broken = !restoreAutoCommit(connection);
      }
      return result;
    } catch (SQLException e) {
      broken |= SqlErrors.isUnavailable(dialect, e);
      throw SqlErrors.translate(dialect, context(operation), e, committing);
    } finally {
      connections.release(connection, broken);
    }
  }

  @Override
  public void close() {
    connections.close();
  }

  private Connection acquire(String operation) {
    try {
      return connections.acquire();
    } catch (SQLException e) {
      throw SqlErrors.translate(dialect, context(operation), e, false);
    }
  }

  private String context(String operation) {
    return describe() + " operation=" + operation;
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static boolean restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
