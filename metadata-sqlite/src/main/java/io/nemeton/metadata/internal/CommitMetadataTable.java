package io.nemeton.metadata.internal;

import io.nemeton.metadata.CommitMetadataUpdate;
import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code datasource_metadata} table: per datasource, the commit metadata of the last publish
 * (stream offsets). Its compare-and-swap runs inside the caller's publish transaction.
 *
 * <p>Stateless apart from the database name; thread-safe.
 */
public final class CommitMetadataTable {
  private final Database database;

  public CommitMetadataTable(Database database) {
    this.database = database;
  }

  /** The stored metadata of {@code dataSource}, or null. */
  public String read(Connection connection, String dataSource) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT payload FROM datasource_metadata WHERE datasource = ?")) {
      select.setString(1, dataSource);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /**
   * Replaces the stored metadata with {@code update.newJson()} if it equals
   * {@code update.expectedJson()} (absent when that is null); else throws
   * {@link MetadataErrorCode#COMMIT_METADATA_MISMATCH}. The write is guarded by the value read,
   * so a concurrent swap between the read and the write is caught too.
   */
  public void swap(Connection connection, String dataSource, CommitMetadataUpdate update,
      long nowMs) throws SQLException {
    String stored = read(connection, dataSource);
    String expected = update.expectedJson();
    boolean matches = expected == null
        ? stored == null
        : stored != null && JsonPayloads.sameValue(stored, expected);
    if (!matches) {
      throw mismatch(dataSource, expected, stored);
    }
    int changed = expected == null
        ? Statements.update(connection, "INSERT INTO datasource_metadata (datasource, payload,"
            + " updated_ms) VALUES (?, ?, ?) ON CONFLICT (datasource) DO NOTHING",
            dataSource, update.newJson(), nowMs)
        : Statements.update(connection, "UPDATE datasource_metadata SET payload = ?,"
            + " updated_ms = ? WHERE datasource = ? AND payload = ?",
            update.newJson(), nowMs, dataSource, stored);
    if (changed != 1) {
      throw mismatch(dataSource, expected, read(connection, dataSource));
    }
  }

  private MetadataStoreException mismatch(String dataSource, String expected, String stored) {
    return new MetadataStoreException(MetadataErrorCode.COMMIT_METADATA_MISMATCH,
        database.describe() + " operation=publishSegments dataSource=" + dataSource
            + ": table=datasource_metadata commit metadata expected="
            + (expected == null ? "<none>" : expected) + " but stored="
            + (stored == null ? "<none>" : stored) + "; nothing was published");
  }
}
