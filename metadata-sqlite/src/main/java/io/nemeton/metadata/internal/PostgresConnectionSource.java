package io.nemeton.metadata.internal;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A new PostgreSQL connection per call. Metadata calls are few (a coordinator poll, a task
 * publish) and a loopback connect costs about a millisecond, so no pool is kept; a fresh
 * connection also means a restarted server is picked up by the next call with no broken pool to
 * drain.
 *
 * <p>Thread-safe.
 */
final class PostgresConnectionSource implements ConnectionSource {
  private final String connectUri;
  private final Properties properties = new Properties();
  private volatile boolean closed;

  PostgresConnectionSource(String connectUri, String user, String password, long timeoutMs) {
    this.connectUri = connectUri;
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    // The driver counts these in whole seconds.
    String seconds = Long.toString(Math.max(1, (timeoutMs + 999) / 1000));
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("ApplicationName", "nemeton");
  }

  @Override
  public Connection acquire() throws SQLException {
    if (closed) {
      throw new MetadataStoreException(MetadataErrorCode.CLOSED,
          "metadata store uri=" + connectUri + " is closed");
    }
    return DriverManager.getConnection(connectUri, properties);
  }

  @Override
  public void release(Connection connection, boolean broken) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing a connection that already failed tells us nothing new.
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
