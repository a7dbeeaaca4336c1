package io.nemeton.metadata;

import java.nio.file.Path;

/**
 * Where the metadata store lives and how to log in. Validated on construction: a bad value fails
 * with a message naming the property and the value.
 *
 * <ul>
 *   <li>{@code connectUri}: {@code jdbc:sqlite:/path/to/metadata.db} (the embedded default; the
 *       file and its parent directories are created when missing) or
 *       {@code jdbc:postgresql://host:port/database} (a cluster's shared store; extra driver
 *       parameters such as {@code ?currentSchema=} may follow).
 *   <li>{@code user}, {@code password}: PostgreSQL login; may be null (SQLite ignores them).
 *   <li>{@code timeoutMs}: how long to wait for a locked SQLite file ({@code busy_timeout}) or
 *       for a PostgreSQL connection to open, 1 ms to 10 minutes.
 * </ul>
 *
 * <p>Immutable; {@link #toString()} hides the password.
 */
public record MetadataStoreConfig(String connectUri, String user, String password, long timeoutMs) {
  public static final String SQLITE_PREFIX = "jdbc:sqlite:";
  public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final long MAX_TIMEOUT_MS = 600_000;

  public MetadataStoreConfig {
    if (connectUri == null
        || !(connectUri.startsWith(SQLITE_PREFIX) || connectUri.startsWith(POSTGRESQL_PREFIX))) {
      throw invalid("connectUri", connectUri,
          "must start with " + SQLITE_PREFIX + " or " + POSTGRESQL_PREFIX);
    }
    if (connectUri.startsWith(SQLITE_PREFIX)) {
      String file = connectUri.substring(SQLITE_PREFIX.length());
      if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
        throw invalid("connectUri", connectUri,
            "must name a database file after " + SQLITE_PREFIX + " (in-memory and URI forms are"
                + " not supported: the store must survive a restart)");
      }
    } else if (connectUri.length() <= POSTGRESQL_PREFIX.length() + 2
        || !connectUri.startsWith(POSTGRESQL_PREFIX + "//")) {
      throw invalid("connectUri", connectUri, "must look like jdbc:postgresql://host:port/database");
    }
    if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw invalid("timeoutMs", Long.toString(timeoutMs), "must be in [1, " + MAX_TIMEOUT_MS + "]");
    }
  }

  /** A SQLite store in {@code file} with the default timeout. */
  public static MetadataStoreConfig sqlite(Path file) {
    if (file == null) {
      throw invalid("connectUri", null, "needs a database file");
    }
    return new MetadataStoreConfig(SQLITE_PREFIX + file.toAbsolutePath(), null, null,
        DEFAULT_TIMEOUT_MS);
  }

  public boolean isSqlite() {
    return connectUri.startsWith(SQLITE_PREFIX);
  }

  /** The SQLite database file; only for SQLite stores. */
  public Path sqliteFile() {
    if (!isSqlite()) {
      throw new IllegalStateException("connectUri=" + connectUri + " is not a SQLite store");
    }
    return Path.of(connectUri.substring(SQLITE_PREFIX.length()));
  }

  /** The same store with another timeout. */
  public MetadataStoreConfig withTimeoutMs(long newTimeoutMs) {
    return new MetadataStoreConfig(connectUri, user, password, newTimeoutMs);
  }

  @Override
  public String toString() {
    return "MetadataStoreConfig[connectUri=" + connectUri + ", user=" + user + ", password="
        + (password == null ? "null" : "<hidden>") + ", timeoutMs=" + timeoutMs + "]";
  }

  private static MetadataStoreException invalid(String property, String value, String rule) {
    return new MetadataStoreException(MetadataErrorCode.INVALID_INPUT,
        "metadata store config: " + property + "='" + value + "' " + rule);
  }
}
