package io.nemeton.metadata.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work run by {@link Database} on a connection it owns for the call. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
