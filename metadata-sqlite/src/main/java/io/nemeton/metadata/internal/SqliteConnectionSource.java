package io.nemeton.metadata.internal;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection shared by every call, one call at a time. SQLite allows one writer per
 * file, so a pool would only queue on the file lock; a process-local lock queues fairly instead
 * and leaves the busy timeout for other processes (a command-line tool on the same file).
 *
 * <p>Thread-safe. The connection runs in WAL mode (readers in other processes do not block the
 * writer), with {@code synchronous=FULL} (a committed publish survives a power cut), foreign keys
 * enforced, and {@code BEGIN IMMEDIATE} transactions (a writer takes the file lock up front, so
 * two processes never deadlock upgrading a read lock).
 */
final class SqliteConnectionSource implements ConnectionSource {
  private final String connectUri;
  private final int busyTimeoutMs;
  private final ReentrantLock lock = new ReentrantLock(true);
  private Connection connection;
  private boolean closed;

  SqliteConnectionSource(String connectUri, long busyTimeoutMs) {
    this.connectUri = connectUri;
    this.busyTimeoutMs = (int) busyTimeoutMs;
  }

  @Override
  public Connection acquire() throws SQLException {
    lock.lock();
    try {
      if (closed) {
        throw new MetadataStoreException(MetadataErrorCode.CLOSED,
            "metadata store uri=" + connectUri + " is closed");
      }
      if (connection == null) {
        connection = open();
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  @Override
  public void release(Connection released, boolean broken) {
    try {
      if (broken && released == connection) {
        closeQuietly();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      closeQuietly();
    } finally {
      lock.unlock();
    }
  }

  private Connection open() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(busyTimeoutMs);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return config.createConnection(connectUri);
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The connection is being dropped because it failed; a second failure adds nothing.
      }
      connection = null;
    }
  }
}
