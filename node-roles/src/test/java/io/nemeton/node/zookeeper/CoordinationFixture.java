package io.nemeton.node.zookeeper;

import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.metadata.NewSegment;
import io.nemeton.metadata.SegmentPublish;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.coordinator.Coordinator;
import io.nemeton.node.coordinator.CoordinatorConfig;
import io.nemeton.node.historical.Historical;
import io.nemeton.node.historical.HistoricalConfig;
import io.nemeton.node.storage.LocalDeepStorage;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.format.SegmentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;

/**
 * A small real cluster for tests: an embedded ZooKeeper, a SQLite metadata store and local deep
 * storage under one temp directory, with helpers to write and publish tiny segments and to start
 * historicals and coordinators (closed, newest first, by {@link #close()}).
 */
public final class CoordinationFixture implements AutoCloseable {
  public static final long DEADLINE_MS = 15_000;

  public final Path dir;
  public EmbeddedZooKeeper zooKeeper;
  public final MetadataStore metadata;
  public final LocalDeepStorage deepStorage;
  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();

  public CoordinationFixture(Path dir) throws IOException {
    this.dir = dir;
    this.zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"), 0);
    this.metadata = MetadataStore.open(MetadataStoreConfig.sqlite(dir.resolve("metadata.sqlite")));
    this.deepStorage = new LocalDeepStorage(dir.resolve("deep-storage"));
  }

  /** A new connected client, closed with the fixture. */
  public CuratorFramework client() {
    final CuratorFramework client = ZooKeeperClients.connect(zooKeeper.connectString(), 10_000);
    closeables.push(client);
    return client;
  }

  /** A started historical with its own client, cache under {@code dir/cache-<name>}. */
  public Historical historical(String name, String tier, long maxSizeBytes) throws IOException {
    final Historical historical = new Historical(
        HistoricalConfig.of(name, "127.0.0.1", 0, dir.resolve("cache-" + name), maxSizeBytes).withTier(tier),
        client(), deepStorage);
    closeables.push(historical);
    historical.start();
    return historical;
  }

  public Historical historical(String name) throws IOException {
    return historical(name, HistoricalConfig.DEFAULT_TIER, 1L << 30);
  }

  /** A started coordinator with its own client. */
  public Coordinator coordinator(String name, long periodMs) throws Exception {
    final Coordinator coordinator = new Coordinator(new CoordinatorConfig(name, periodMs), client(), metadata);
    closeables.push(coordinator);
    coordinator.start();
    return coordinator;
  }

  /**
   * Writes a segment of {@code rows} rows (dimension {@code page}, metric {@code added}) for the
   * day starting at {@code day}, pushes it to deep storage and publishes it; returns its record.
   */
  public SegmentRecord publish(String dataSource, String day, String version, int partition,
      int partitions, int rows) throws IOException {
    return publishAll(dataSource, List.of(write(dataSource, day, version, partition, partitions, rows))).get(0);
  }

  /** A written and pushed (not yet published) segment. */
  public NewSegment write(String dataSource, String day, String version, int partition, int partitions,
      int rows) throws IOException {
    final long startMs = IsoInstant.parse(day);
    final long endMs = startMs + 86_400_000L;
    final SegmentInfo info = new SegmentInfo(dataSource, startMs, endMs, version, partition, Map.of());
    final long[] times = new long[rows];
    final int[] ids = new int[rows];
    final long[] added = new long[rows];
    for (int i = 0; i < rows; i++) {
      times[i] = startMs + i * 1_000L;
      ids[i] = i % 2;
      added[i] = i;
    }
    final ColumnarSegment columns = new ColumnarSegment(info, rows).time(times)
        .stringColumn("page", ColumnRole.DIMENSION, new String[] {"a", "b"}, ids)
        .longColumn("added", ColumnRole.METRIC, added, null);
    final Path file = Files.createDirectories(dir.resolve("built")).resolve(info.segmentId() + ".nseg");
    final long size = new SegmentWriter().write(columns, file);
    final Map<String, Object> loadSpec = deepStorage.push(file, info);
    Files.delete(file);
    final SegmentPayload payload = new SegmentPayload(info, loadSpec, List.of("page"), List.of("added"),
        size, rows, partitions);
    return new NewSegment(payload.id(), dataSource, startMs, endMs, version, partition, payload.toJson());
  }

  public List<SegmentRecord> publishAll(String dataSource, List<NewSegment> segments) {
    return metadata.segments().publish(SegmentPublish.of(dataSource, segments));
  }

  /** The deep storage file of a published record. */
  public Path deepStorageFile(SegmentRecord record) {
    return deepStorage.path(SegmentPayload.loadSpec(record));
  }

  /** Waits until {@code condition} holds, failing after {@link #DEADLINE_MS} with {@code what}. */
  public static void await(String what, BooleanSupplier condition) {
    final long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE_MS + " ms: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /** Ids of what {@code historical} serves. */
  public static List<String> servedIds(Historical historical) {
    final List<String> ids = new ArrayList<>();
    for (SegmentRecord r : historical.served()) {
      ids.add(r.id());
    }
    return ids;
  }

  /** Stops the ZooKeeper server; {@link #restartZooKeeper()} brings it back on its port and data. */
  public int stopZooKeeper() throws IOException {
    final int port = zooKeeper.port();
    zooKeeper.close();
    return port;
  }

  public void restartZooKeeper(int port) throws IOException {
    zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"), port);
  }

  /** Closes and forgets {@code closeable} now (e.g. to restart a node). */
  public void closeNow(AutoCloseable closeable) throws Exception {
    closeables.remove(closeable);
    closeable.close();
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    metadata.close();
    zooKeeper.close();
    if (first != null) {
      throw first;
    }
  }
}
