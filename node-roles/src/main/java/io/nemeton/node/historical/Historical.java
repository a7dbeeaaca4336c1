package io.nemeton.node.historical;

import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.storage.DeepStorage;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.node.view.SegmentView;
import io.nemeton.node.zookeeper.Announcer;
import io.nemeton.node.zookeeper.NodeAnnouncement;
import io.nemeton.node.zookeeper.SegmentRecordJson;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.format.RegionVerification;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentCorruptException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * The historical role: serves the segments the coordinator assigns to it. It announces itself in
 * ZooKeeper ({@link ZooKeeperPaths#historical}), carries out the load and drop instructions of its
 * queue ({@link LoadQueueWorker}), keeps the files in a local cache ({@link SegmentCache}) and
 * announces each segment it serves. At {@link #start()} it serves everything its cache holds,
 * every checksum verified, before it reads any instruction, and a corrupt cached file is deleted
 * (the coordinator then assigns the segment again and it is fetched afresh).
 *
 * <p>A load pulls the file from deep storage, verifies every region checksum (a corrupt download
 * is deleted and pulled again, {@link #LOAD_ATTEMPTS} times at most), maps it and announces it. A
 * drop unannounces the segment at once; its mapping is closed and its file deleted when the last
 * query lease on it ends.
 *
 * <p>Thread-safe. {@link #served()} is an immutable snapshot; leases may be used from any thread.
 */
public final class Historical implements SegmentView, AutoCloseable {
  /** Pulls of one segment before a load gives up on a corrupt download. */
  public static final int LOAD_ATTEMPTS = 3;
  private static final System.Logger LOG = System.getLogger(Historical.class.getName());

  private final HistoricalConfig config;
  private final CuratorFramework zk;
  private final DeepStorage deepStorage;
  private final SegmentCache cache;
  private final Announcer announcer;
  private final Map<String, ServedSegment> served = new ConcurrentHashMap<>();
  /** Dropped segments whose last lease is still open: not loadable again until their file goes. */
  private final Set<String> retiring = ConcurrentHashMap.newKeySet();
  private final Object snapshotLock = new Object();
  private final AtomicLong servedBytes = new AtomicLong();
  private final AtomicLong pulls = new AtomicLong();
  private volatile List<SegmentRecord> snapshot = List.of();
  private LoadQueueWorker worker;
  private boolean started;
  private boolean closed;

  public Historical(HistoricalConfig config, CuratorFramework zk, DeepStorage deepStorage) {
    this.config = Objects.requireNonNull(config, "config");
    this.zk = Objects.requireNonNull(zk, "zk");
    this.deepStorage = Objects.requireNonNull(deepStorage, "deepStorage");
    this.cache = new SegmentCache(config.cacheDir());
    this.announcer = new Announcer(zk);
  }

  /**
   * Serves the cache, announces the node and its segments, and starts reading the load queue.
   *
   * @throws IOException when the cache directory cannot be read
   */
  public synchronized void start() throws IOException {
    if (started) {
      throw new IllegalStateException("historical " + config.name() + " already started");
    }
    started = true;
    for (SegmentCache.Entry entry : cache.open()) {
      final SegmentRecord record = entry.record();
      try {
        serve(record, open(entry.file(), record));
      } catch (SegmentCorruptException | IOException | IllegalStateException e) {
        LOG.log(Level.WARNING, "historical " + config.name() + ": cached segment " + record.id()
            + " refused and deleted (it is fetched again if still assigned): " + e.getMessage());
        cache.delete(record.id());
      }
    }
    announcer.announce(ZooKeeperPaths.historical(config.name()), new NodeAnnouncement(config.name(),
        config.host(), config.ports(), config.tier(), config.maxSizeBytes(), System.currentTimeMillis())
        .toBytes());
    removeStaleAnnouncements();
    worker = new LoadQueueWorker(config.name(), zk, this);
    worker.start();
  }

  /**
   * Deletes segment announcements an earlier run of this node left behind for segments it no
   * longer serves (they would otherwise live until the old session expires, and the coordinator
   * would count them as served meanwhile).
   */
  private void removeStaleAnnouncements() {
    final String parent = ZooKeeperPaths.servedSegments(config.name());
    try {
      for (String child : zk.getChildren().forPath(parent)) {
        if (!served.containsKey(ZooKeeperPaths.decode(child))) {
          try {
            zk.delete().forPath(ZKPaths.makePath(parent, child));
          } catch (KeeperException.NoNodeException gone) {
            // expired meanwhile
          }
        }
      }
    } catch (KeeperException.NoNodeException none) {
      // nothing announced yet
    } catch (Exception e) {
      LOG.log(Level.WARNING, "historical " + config.name() + ": stale announcements under " + parent
          + " left to expire: " + e);
    }
  }

  public HistoricalConfig config() {
    return config;
  }

  @Override
  public List<SegmentRecord> served() {
    return snapshot;
  }

  @Override
  public SegmentLease acquire(Collection<String> segmentIds) {
    final List<ServedSegment> pinned = new ArrayList<>(segmentIds.size());
    for (String id : segmentIds) {
      final ServedSegment s = served.get(id);
      if (s != null && s.tryRetain()) {
        pinned.add(s);
      }
    }
    return new HistoricalLease(pinned);
  }

  /** Bytes of the segments served now. */
  public long servedBytes() {
    return servedBytes.get();
  }

  /** Segment files pulled from deep storage since this historical was made. */
  public long pulls() {
    return pulls.get();
  }

  /** Loads {@code record} unless it is served already; called by the queue worker only. */
  void load(SegmentRecord record) throws IOException {
    final String id = record.id();
    if (served.containsKey(id)) {
      return;
    }
    if (retiring.contains(id)) {
      throw new IllegalStateException("segment " + id + " is still being dropped (a query holds it); load again later");
    }
    final long sizeBytes = SegmentRecordJson.sizeBytes(record);
    checkCapacity(id, sizeBytes);
    final Map<String, Object> loadSpec = SegmentPayload.loadSpec(record);
    final Path file = cache.prepare(id);
    Segment segment = null;
    for (int attempt = 1; segment == null; attempt++) {
      deepStorage.pull(loadSpec, file);
      pulls.incrementAndGet();
      try {
        segment = open(file, record);
      } catch (SegmentCorruptException e) {
        Files.deleteIfExists(file);
        if (attempt == LOAD_ATTEMPTS) {
          cache.delete(id);
          throw new IOException("segment " + id + ": every one of " + LOAD_ATTEMPTS
              + " downloads was corrupt; last: " + e.getMessage(), e);
        }
        LOG.log(Level.WARNING, "historical " + config.name() + ": download " + attempt
            + " of segment " + id + " corrupt, deleted, fetching again: " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        cache.delete(id);
        throw e;
      }
    }
    try {
      checkCapacity(id, segment.sizeBytes());
      cache.commit(record);
    } catch (IOException | RuntimeException e) {
      segment.close();
      cache.delete(id);
      throw e;
    }
    serve(record, segment);
  }

  /** Stops serving {@code segmentId}; its file goes when the last lease on it closes. */
  void drop(String segmentId) throws IOException {
    final ServedSegment s;
    synchronized (snapshotLock) {
      s = served.remove(segmentId);
      if (s == null) {
        cache.delete(segmentId);
        return;
      }
      servedBytes.addAndGet(-s.sizeBytes());
      rebuildSnapshot();
    }
    announcer.unannounce(ZooKeeperPaths.servedSegment(config.name(), segmentId));
    retiring.add(segmentId);
    s.retire(() -> {
      try {
        cache.delete(segmentId);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "historical " + config.name() + ": cannot delete dropped segment "
            + segmentId + " from the cache: " + e);
      } finally {
        retiring.remove(segmentId);
      }
    });
  }

  private void checkCapacity(String id, long sizeBytes) {
    if (servedBytes.get() + sizeBytes > config.maxSizeBytes()) {
      throw new IllegalStateException("historical " + config.name() + ": segment " + id + " of "
          + sizeBytes + " bytes does not fit: serving " + servedBytes.get() + " of maxSize "
          + config.maxSizeBytes() + " bytes");
    }
  }

  private static Segment open(Path file, SegmentRecord record) throws IOException {
    final Segment segment = Segment.open(file, RegionVerification.AT_OPEN);
    final SegmentInfo info = segment.info();
    if (!info.dataSource().equals(record.dataSource()) || info.intervalStartMs() != record.startMs()
        || info.intervalEndMs() != record.endMs() || !info.version().equals(record.version())
        || info.partition() != record.partition()) {
      segment.close();
      throw new IllegalStateException("file " + file + " holds segment " + info.segmentId()
          + ", not the assigned " + record.id());
    }
    return segment;
  }

  private void serve(SegmentRecord record, Segment segment) {
    final ServedSegment s = new ServedSegment(record, QueryableSegment.owning(segment));
    synchronized (snapshotLock) {
      served.put(record.id(), s);
      servedBytes.addAndGet(s.sizeBytes());
      rebuildSnapshot();
    }
    announcer.announce(ZooKeeperPaths.servedSegment(config.name(), record.id()),
        SegmentRecordJson.toBytes(record));
  }

  private void rebuildSnapshot() {
    final List<SegmentRecord> records = new ArrayList<>(served.size());
    for (ServedSegment s : served.values()) {
      records.add(s.record());
    }
    snapshot = List.copyOf(records);
  }

  /**
   * Stops reading the queue and withdraws every announcement. The cache stays on disk; mappings
   * close as their last lease ends.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (worker != null) {
      worker.close();
    }
    announcer.close();
    synchronized (snapshotLock) {
      for (ServedSegment s : served.values()) {
        s.retire(() -> {});
      }
      served.clear();
      servedBytes.set(0);
      rebuildSnapshot();
    }
  }

  @Override
  public String toString() {
    return "Historical[" + config.name() + ", tier=" + config.tier() + ", serving " + snapshot.size()
        + " segments]";
  }
}
