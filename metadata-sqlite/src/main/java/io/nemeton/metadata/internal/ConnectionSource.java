package io.nemeton.metadata.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out a connection for one call and takes it back. A call between {@link #acquire()} and
 * {@link #release(Connection, boolean)} owns the connection alone.
 */
interface ConnectionSource extends AutoCloseable {
  Connection acquire() throws SQLException;

  /** Takes back a connection; {@code broken} asks for it to be closed and not used again. */
  void release(Connection connection, boolean broken);

  @Override
  void close();
}
