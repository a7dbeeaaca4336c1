package io.nemeton.metadata.internal;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreException;
import io.nemeton.metadata.MetadataStoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Turns driver exceptions into {@link MetadataStoreException}s with a code. Stateless. */
final class SqlErrors {
  // SQLite primary result codes (the low byte of an extended code).
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_PROTOCOL = 15;
  private static final int SQLITE_CONSTRAINT = 19;

  private SqlErrors() {}

  /** True when the failure says the database is away rather than the statement being wrong. */
  static boolean isUnavailable(Dialect dialect, SQLException error) {
    for (SQLException e = error; e != null; e = e.getNextException()) {
      if (e instanceof SQLTransientConnectionException
          || e instanceof SQLNonTransientConnectionException
          || e instanceof SQLRecoverableException) {
        return true;
      }
      if (dialect == Dialect.SQLITE) {
        switch (e.getErrorCode() & 0xff) {
          case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN,
               SQLITE_PROTOCOL -> {
            return true;
          }
          default -> { }
        }
      } else {
        String state = e.getSQLState();
        // 08: connection exception; 53: insufficient resources; 57P: server shutting down or
        // starting; 55P03: lock not available.
        if (state != null && (state.startsWith("08") || state.startsWith("53")
            || state.startsWith("57P") || state.equals("55P03"))) {
          return true;
        }
      }
      if (e.getNextException() == e) {
        break;
      }
    }
    return false;
  }

  static MetadataStoreException translate(Dialect dialect, String context, SQLException error,
      boolean duringCommit) {
    if (isUnavailable(dialect, error)) {
      String outcome = duringCommit ? " (failed during commit: the outcome is unknown)" : "";
      return new MetadataStoreUnavailableException(
          context + ": database unavailable" + outcome + ": " + describe(error), error);
    }
    if (isConflict(dialect, error)) {
      return new MetadataStoreException(MetadataErrorCode.CONFLICT,
          context + ": conflicting concurrent change, nothing was written: " + describe(error),
          error);
    }
    return new MetadataStoreException(MetadataErrorCode.FAILED,
        context + ": " + describe(error), error);
  }

  private static boolean isConflict(Dialect dialect, SQLException e) {
    if (dialect == Dialect.SQLITE) {
      return (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT;
    }
    String state = e.getSQLState();
    // 23: integrity constraint violation; 40001 serialization failure; 40P01 deadlock.
    return state != null
        && (state.startsWith("23") || state.equals("40001") || state.equals("40P01"));
  }

  private static String describe(SQLException e) {
    StringBuilder text = new StringBuilder();
    text.append(e.getMessage()).append(" (sqlState=").append(e.getSQLState())
        .append(" code=").append(e.getErrorCode()).append(')');
    SQLException next = e.getNextException();
    if (next != null && next != e) {
      text.append("; next: ").append(next.getMessage());
    }
    return text.toString();
  }
}
