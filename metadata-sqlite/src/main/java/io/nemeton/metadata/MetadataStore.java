package io.nemeton.metadata;

import io.nemeton.metadata.internal.Database;
import io.nemeton.metadata.internal.SchemaMigrations;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The metadata store: published segments and datasource commit metadata, rules, tasks and their
 * logs and reports, and cluster config, in SQLite (the embedded default) or PostgreSQL (a
 * cluster's shared store) with the same schema and SQL.
 *
 * <p>{@link #open} brings the schema up to date before returning. Each area has its own object
 * ({@link #segments()}, {@link #rules()}, {@link #tasks()}, {@link #config()}); every call on
 * them is one transaction or one read, and throws {@link MetadataStoreException} with a code,
 * {@link MetadataStoreUnavailableException} when the database is away.
 *
 * <p>Thread-safe. SQLite calls are serialised on one connection (SQLite has one writer per
 * file); PostgreSQL calls each open their own connection and run concurrently.
 */
public final class MetadataStore implements AutoCloseable {
  private final Database database;
  private final int schemaVersion;
  private final SegmentStore segments;
  private final RuleStore rules;
  private final TaskStore tasks;
  private final ConfigStore config;

  private MetadataStore(Database database, int schemaVersion, InstantSource clock) {
    this.database = database;
    this.schemaVersion = schemaVersion;
    this.segments = new SegmentStore(database, clock);
    this.rules = new RuleStore(database, clock);
    this.tasks = new TaskStore(database, clock);
    this.config = new ConfigStore(database, clock);
  }

  /** Opens the store with the system clock. */
  public static MetadataStore open(MetadataStoreConfig config) {
    return open(config, InstantSource.system());
  }

  /**
   * Opens the store, creating the SQLite file if needed and applying missing schema steps.
   * {@code clock} stamps every created and updated time.
   */
  public static MetadataStore open(MetadataStoreConfig config, InstantSource clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Database database = Database.open(config);
    try {
      int version = SchemaMigrations.migrate(database, clock.millis());
      return new MetadataStore(database, version, clock);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The newest schema version this build knows and applies. */
  public static int latestSchemaVersion() {
    return SchemaMigrations.latestVersion();
  }

  /** The schema version the database had once this store opened it. */
  public int schemaVersion() {
    return schemaVersion;
  }

  public SegmentStore segments() {
    return segments;
  }

  public RuleStore rules() {
    return rules;
  }

  public TaskStore tasks() {
    return tasks;
  }

  public ConfigStore config() {
    return config;
  }

  /** Closes the SQLite connection; later calls fail with {@link MetadataErrorCode#CLOSED}. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return database.describe();
  }
}
