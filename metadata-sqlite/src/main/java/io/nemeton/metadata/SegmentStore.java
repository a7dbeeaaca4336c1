package io.nemeton.metadata;

import io.nemeton.metadata.internal.CommitMetadataTable;
import io.nemeton.metadata.internal.Database;
import io.nemeton.metadata.internal.Require;
import io.nemeton.metadata.internal.SqlText;
import io.nemeton.metadata.internal.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Published segments: publish (all or nothing, with optional commit metadata), reads of used
 * segments for the coordinator and broker, and marking segments unused or deleting them.
 *
 * <p>The store records; it does not decide what a query sees. A publish with a higher version
 * over an older one leaves both used: the timeline built from {@link #usedSegments} overshadows
 * the older one. Lists are sorted by datasource, start, end, version, partition, id (Java string
 * order, the same on every database).
 *
 * <p>Thread-safe. Every call is one database round of work and allocates its result.
 */
public final class SegmentStore {
  static final String COLUMNS = "id, datasource, start_ms, end_ms, version, partition_num,"
      + " payload, used, created_ms, used_status_last_updated_ms";
  private static final Comparator<SegmentRecord> ORDER = Comparator
      .comparing(SegmentRecord::dataSource).thenComparingLong(SegmentRecord::startMs)
      .thenComparingLong(SegmentRecord::endMs).thenComparing(SegmentRecord::version)
      .thenComparingInt(SegmentRecord::partition).thenComparing(SegmentRecord::id);

  private final Database database;
  private final InstantSource clock;
  private final CommitMetadataTable commitMetadata;

  SegmentStore(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
    this.commitMetadata = new CommitMetadataTable(database);
  }

  /**
   * Inserts every segment of {@code publish} as used and applies its commit metadata swap, in
   * one transaction. Throws {@link MetadataErrorCode#CONFLICT} naming the first id that is
   * already stored, or {@link MetadataErrorCode#COMMIT_METADATA_MISMATCH}; either way nothing
   * was written. Returns the stored records.
   */
  public List<SegmentRecord> publish(SegmentPublish publish) {
    Require.notNull("publish", publish);
    String operation = "publishSegments dataSource=" + publish.dataSource() + " segments="
        + publish.segments().size();
    List<NewSegment> sorted = new ArrayList<>(publish.segments());
    // One lock order for every publisher, so concurrent PostgreSQL publishes cannot deadlock.
    sorted.sort(Comparator.comparing(NewSegment::id));
    return database.write(operation, connection -> {
      long nowMs = clock.millis();
      if (publish.commitMetadata() != null) {
        commitMetadata.swap(connection, publish.dataSource(), publish.commitMetadata(), nowMs);
      }
      rejectExisting(connection, publish.dataSource(), sorted);
      List<SegmentRecord> stored = new ArrayList<>(sorted.size());
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segments ("
          + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
        int pending = 0;
        for (NewSegment segment : sorted) {
          insert.setString(1, segment.id());
          insert.setString(2, segment.dataSource());
          insert.setLong(3, segment.startMs());
          insert.setLong(4, segment.endMs());
          insert.setString(5, segment.version());
          insert.setInt(6, segment.partition());
          insert.setString(7, segment.payloadJson());
          insert.setLong(8, nowMs);
          insert.setLong(9, nowMs);
          insert.addBatch();
          stored.add(new SegmentRecord(segment.id(), segment.dataSource(), segment.startMs(),
              segment.endMs(), segment.version(), segment.partition(), segment.payloadJson(),
              true, nowMs, nowMs));
          if (++pending == 1000) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
      stored.sort(ORDER);
      return stored;
    });
  }

  /** The segment with {@code id}, used or not. */
  public Optional<SegmentRecord> segment(String id) {
    Require.name("segment id", id);
    List<SegmentRecord> found = database.read("segment id=" + id, connection ->
        query(connection, "SELECT " + COLUMNS + " FROM segments WHERE id = ?", id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every used segment of every datasource: the coordinator's poll. */
  public List<SegmentRecord> allUsedSegments() {
    return database.read("allUsedSegments", connection ->
        query(connection, "SELECT " + COLUMNS + " FROM segments WHERE used = 1"));
  }

  /** The used segments of {@code dataSource}. */
  public List<SegmentRecord> usedSegments(String dataSource) {
    Require.name("dataSource", dataSource);
    return database.read("usedSegments dataSource=" + dataSource, connection ->
        query(connection, "SELECT " + COLUMNS + " FROM segments WHERE datasource = ? AND used = 1",
            dataSource));
  }

  /** The used segments of {@code dataSource} that overlap {@code [startMs, endMs)}. */
  public List<SegmentRecord> usedSegments(String dataSource, long startMs, long endMs) {
    String operation = interval("usedSegments", dataSource, startMs, endMs);
    return database.read(operation, connection -> query(connection, "SELECT " + COLUMNS
        + " FROM segments WHERE datasource = ? AND used = 1 AND start_ms < ? AND end_ms > ?",
        dataSource, endMs, startMs));
  }

  /** The unused segments of {@code dataSource} lying wholly within {@code [startMs, endMs)}. */
  public List<SegmentRecord> unusedSegments(String dataSource, long startMs, long endMs) {
    String operation = interval("unusedSegments", dataSource, startMs, endMs);
    return database.read(operation, connection -> query(connection, "SELECT " + COLUMNS
        + " FROM segments WHERE datasource = ? AND used = 0 AND start_ms >= ? AND end_ms <= ?",
        dataSource, startMs, endMs));
  }

  /** Names of the datasources that have at least one used segment, sorted. */
  public List<String> dataSourcesWithUsedSegments() {
    List<String> names = database.read("dataSourcesWithUsedSegments", connection -> {
      List<String> result = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT DISTINCT datasource FROM segments WHERE used = 1");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(rows.getString(1));
        }
      }
      return result;
    });
    names.sort(Comparator.naturalOrder());
    return names;
  }

  /** Marks every used segment of {@code dataSource} unused ({@code DELETE} datasource). */
  public int markUnused(String dataSource) {
    Require.name("dataSource", dataSource);
    return database.write("markUnused dataSource=" + dataSource, connection -> update(connection,
        "UPDATE segments SET used = 0, used_status_last_updated_ms = ?"
            + " WHERE datasource = ? AND used = 1", clock.millis(), dataSource));
  }

  /**
   * Marks unused the used segments of {@code dataSource} lying wholly within
   * {@code [startMs, endMs)}, as Druid's mark-unused-by-interval does; returns how many changed.
   */
  public int markUnusedWithin(String dataSource, long startMs, long endMs) {
    String operation = interval("markUnusedWithin", dataSource, startMs, endMs);
    return database.write(operation, connection -> update(connection,
        "UPDATE segments SET used = 0, used_status_last_updated_ms = ? WHERE datasource = ?"
            + " AND used = 1 AND start_ms >= ? AND end_ms <= ?",
        clock.millis(), dataSource, startMs, endMs));
  }

  /** Sets the used flag of the segments with {@code ids}; unknown ids are skipped. */
  public int setUsed(Collection<String> ids, boolean used) {
    List<String> checked = checkedIds(ids);
    return database.write("setUsed used=" + used + " ids=" + checked.size(), connection -> {
      long nowMs = clock.millis();
      int changed = 0;
      for (int from = 0; from < checked.size(); from += SqlText.IN_LIST_CHUNK) {
        List<String> chunk = checked.subList(from,
            Math.min(checked.size(), from + SqlText.IN_LIST_CHUNK));
        List<Object> arguments = new ArrayList<>(chunk.size() + 3);
        arguments.add(used ? 1 : 0);
        arguments.add(nowMs);
        arguments.addAll(chunk);
        arguments.add(used ? 0 : 1);
        changed += update(connection, "UPDATE segments SET used = ?,"
            + " used_status_last_updated_ms = ? WHERE id IN ("
            + SqlText.placeholders(chunk.size()) + ") AND used = ?", arguments.toArray());
      }
      return changed;
    });
  }

  /**
   * Deletes the unused segments of {@code dataSource} lying wholly within
   * {@code [startMs, endMs)} and returns them, so a kill task can remove their files.
   */
  public List<SegmentRecord> deleteUnused(String dataSource, long startMs, long endMs) {
    String operation = interval("deleteUnused", dataSource, startMs, endMs);
    return database.write(operation, connection -> {
      List<SegmentRecord> doomed = query(connection, "SELECT " + COLUMNS + " FROM segments"
          + " WHERE datasource = ? AND used = 0 AND start_ms >= ? AND end_ms <= ?",
          dataSource, startMs, endMs);
      update(connection, "DELETE FROM segments WHERE datasource = ? AND used = 0"
          + " AND start_ms >= ? AND end_ms <= ?", dataSource, startMs, endMs);
      return doomed;
    });
  }

  /** The commit metadata stored for {@code dataSource}, if any. */
  public Optional<String> commitMetadata(String dataSource) {
    Require.name("dataSource", dataSource);
    return Optional.ofNullable(database.read("commitMetadata dataSource=" + dataSource,
        connection -> commitMetadata.read(connection, dataSource)));
  }

  /** Forgets the commit metadata of {@code dataSource} (a supervisor reset); true if it had any. */
  public boolean deleteCommitMetadata(String dataSource) {
    Require.name("dataSource", dataSource);
    return database.write("deleteCommitMetadata dataSource=" + dataSource, connection ->
        update(connection, "DELETE FROM datasource_metadata WHERE datasource = ?", dataSource)
            > 0);
  }

  private void rejectExisting(Connection connection, String dataSource, List<NewSegment> sorted)
      throws SQLException {
    for (int from = 0; from < sorted.size(); from += SqlText.IN_LIST_CHUNK) {
      int to = Math.min(sorted.size(), from + SqlText.IN_LIST_CHUNK);
      Object[] ids = new Object[to - from];
      for (int i = from; i < to; i++) {
        ids[i - from] = sorted.get(i).id();
      }
      List<SegmentRecord> existing = query(connection, "SELECT " + COLUMNS
          + " FROM segments WHERE id IN (" + SqlText.placeholders(ids.length) + ")", ids);
      if (!existing.isEmpty()) {
        SegmentRecord first = existing.get(0);
        throw new MetadataStoreException(MetadataErrorCode.CONFLICT, database.describe()
            + " operation=publishSegments dataSource=" + dataSource + ": table=segments id="
            + first.id() + " already exists (used=" + first.used() + ", dataSource="
            + first.dataSource() + "); nothing was published");
      }
    }
  }

  private static List<String> checkedIds(Collection<String> ids) {
    Require.notNull("segment ids", ids);
    List<String> checked = new ArrayList<>(ids.size());
    for (String id : ids) {
      checked.add(Require.name("segment id", id));
    }
    return checked;
  }

  private static String interval(String operation, String dataSource, long startMs, long endMs) {
    Require.name("dataSource", dataSource);
    if (startMs >= endMs) {
      throw Require.invalid(operation + " dataSource=" + dataSource + ": interval startMs="
          + startMs + " must be less than endMs=" + endMs);
    }
    return operation + " dataSource=" + dataSource + " interval=[" + startMs + ", " + endMs + ")";
  }

  static List<SegmentRecord> query(Connection connection, String sql, Object... arguments)
      throws SQLException {
    List<SegmentRecord> result = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      Statements.bind(select, arguments);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(new SegmentRecord(rows.getString(1), rows.getString(2), rows.getLong(3),
              rows.getLong(4), rows.getString(5), rows.getInt(6), rows.getString(7),
              rows.getInt(8) == 1, rows.getLong(9), rows.getLong(10)));
        }
      }
    }
    result.sort(ORDER);
    return result;
  }

  private static int update(Connection connection, String sql, Object... arguments)
      throws SQLException {
    return Statements.update(connection, sql, arguments);
  }
}
