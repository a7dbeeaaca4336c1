package io.nemeton.metadata.internal;

/**
 * The database behind a store. The schema and every query are the same for both; only how
 * connections are opened, how concurrent migrations are serialised and how driver errors are
 * read differ.
 */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  /**
   * A statement that serialises migrations between processes, run first in the migration
   * transaction, or null when opening the transaction already does (SQLite's
   * {@code BEGIN IMMEDIATE} takes the write lock).
   */
  public String migrationLockQuery() {
    return switch (this) {
      case SQLITE -> null;
      // An arbitrary constant key ("NEMETON" in ASCII); released at the end of the transaction.
      case POSTGRESQL -> "SELECT pg_advisory_xact_lock(78697769847978)";
    };
  }
}
