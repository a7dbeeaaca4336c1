package io.nemeton.node.remote;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import io.nemeton.node.zookeeper.NodeAnnouncement;
import io.nemeton.node.zookeeper.SegmentRecordJson;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * The cluster as the broker sees it: every historical announced in ZooKeeper and the segments each
 * serves, read again by a daemon thread 200 ms after ZooKeeper reports a change. Each read leaves
 * watches on what it read: the list of historicals, each announcement and each list of served
 * segments (an exists-watch where such a node is missing). Without a change the view is read
 * only every {@link #SAFETY_READ_MS} (a watch lost with a session is then caught up); on any change
 * of the connection, 200 ms later as after a watch; while reads fail, every {@code pollMs}. So an idle cluster puts no steady load on
 * ZooKeeper or on the broker's cores, which the query path shares. {@link #served()} (one record per
 * segment, whatever its replicas) feeds the broker's timeline; {@link #replicas} says who serves a
 * segment. When ZooKeeper cannot be read the last known view is kept and the failure logged once,
 * so queries go on answering from it. Segment records are read once per id and remembered (a
 * segment id names immutable content).
 *
 * <p>Thread-safe; snapshots are immutable. {@link #acquire} pins nothing (the segments live on
 * other processes) and returns an empty lease.
 */
public final class AnnouncedSegments implements SegmentView, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AnnouncedSegments.class.getName());
  /** How often the view is read when no watch fired. */
  static final long SAFETY_READ_MS = 5_000;
  /** How long after a watch or a connection event the view waits before it reads. */
  static final long SETTLE_MS = 200;

  /** One historical: its announcement and the ids it serves. */
  public record Node(NodeAnnouncement announcement, List<String> segmentIds) {}

  private record Snapshot(Map<String, Node> nodes, Map<String, List<String>> replicas, List<SegmentRecord> served) {}

  private final CuratorFramework zk;
  private final long pollMs;
  private final Map<String, SegmentRecord> records = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of());
  private volatile boolean closed;
  private volatile boolean failing;
  private volatile long polls;
  /** Set by a watch or a connection event: the poller reads again {@link #SETTLE_MS} later. */
  private boolean dirty;
  private final Watcher watcher = this::watched;
  private final ConnectionStateListener reconnected = this::stateChanged;

  public AnnouncedSegments(CuratorFramework zk, long pollMs) {
    if (pollMs < 1) {
      throw new IllegalArgumentException("announced segments pollMs=" + pollMs + " must be >= 1");
    }
    this.zk = Objects.requireNonNull(zk, "zk");
    this.pollMs = pollMs;
    this.poller = new Thread(this::pollLoop, "nemeton-announced-segments");
    this.poller.setDaemon(true);
  }

  /** Reads the cluster once (so the first query sees it), then keeps reading in the background. */
  public AnnouncedSegments start() {
    zk.getConnectionStateListenable().addListener(reconnected);
    refresh();
    poller.start();
    return this;
  }

  private void pollLoop() {
    while (!closed) {
      try {
        awaitReason();
      } catch (InterruptedException e) {
        return;
      }
      refresh();
    }
  }

  /**
   * Waits for a watch, a connection event, a failed read's retry ({@code pollMs}) or the safety
   * read. After a watch or a connection event it waits {@link #SETTLE_MS} more, so that a burst of
   * changes is read once it is over: a historical whose session expired loses its announcements
   * and makes them again moments later, and reading in between would drop its segments from the
   * view for no reason.
   */
  private synchronized void awaitReason() throws InterruptedException {
    final long deadline = System.currentTimeMillis() + (failing ? pollMs : Math.max(pollMs, SAFETY_READ_MS));
    long left;
    while (!dirty && !closed && (left = deadline - System.currentTimeMillis()) > 0) {
      wait(left);
    }
    if (dirty) {
      final long settled = System.currentTimeMillis() + SETTLE_MS;
      while (!closed && (left = settled - System.currentTimeMillis()) > 0) {
        wait(left);
      }
    }
    dirty = false;
  }

  private synchronized void markDirty() {
    dirty = true;
    notifyAll();
  }

  private void watched(WatchedEvent event) {
    // connection events (type None) come through the state listener
    if (event.getType() != Watcher.Event.EventType.None) {
      markDirty();
    }
  }

  /** Any change of the connection: read again (a lost connection then shows as a failing read, retried every {@code pollMs}). */
  private void stateChanged(CuratorFramework client, ConnectionState state) {
    markDirty();
  }

  /** Reads ZooKeeper now; keeps the last view when it cannot. Returns whether the read worked. */
  public boolean refresh() {
    try {
      snapshot = read();
      if (failing) {
        LOG.log(Level.INFO, "broker: zookeeper readable again; view has " + snapshot.nodes().size() + " historicals");
        failing = false;
      }
      polls++;
      return true;
    } catch (Exception e) {
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "broker: zookeeper unreadable, keeping the last known view of "
            + snapshot.nodes().size() + " historicals: " + e);
      }
      return false;
    }
  }

  private Snapshot read() throws Exception {
    if (!zk.getZookeeperClient().isConnected()) {
      throw new IllegalStateException("zookeeper client not connected");
    }
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Map<String, List<String>> replicas = new HashMap<>();
    final Map<String, SegmentRecord> served = new LinkedHashMap<>();
    for (String child : children(ZooKeeperPaths.HISTORICALS)) {
      final String path = ZKPaths.makePath(ZooKeeperPaths.HISTORICALS, child);
      final NodeAnnouncement node;
      try {
        node = NodeAnnouncement.parse(zk.getData().usingWatcher(watcher).forPath(path), path);
      } catch (KeeperException.NoNodeException gone) {
        continue;
      } catch (IllegalArgumentException bad) {
        LOG.log(Level.WARNING, "broker: ignoring historical " + path + ": " + bad.getMessage());
        continue;
      }
      final String parent = ZooKeeperPaths.servedSegments(node.name());
      final List<String> ids = new ArrayList<>();
      for (String element : children(parent)) {
        final String id = ZooKeeperPaths.decode(element);
        SegmentRecord record = records.get(id);
        if (record == null) {
          final String segmentPath = ZKPaths.makePath(parent, element);
          try {
            record = SegmentRecordJson.fromBytes(zk.getData().forPath(segmentPath), segmentPath);
          } catch (KeeperException.NoNodeException gone) {
            continue;
          } catch (IllegalArgumentException bad) {
            LOG.log(Level.WARNING, "broker: ignoring segment " + segmentPath + ": " + bad.getMessage());
            continue;
          }
          records.put(id, record);
        }
        ids.add(id);
        served.putIfAbsent(id, record);
        replicas.computeIfAbsent(id, k -> new ArrayList<>(2)).add(node.name());
      }
      nodes.put(node.name(), new Node(node, List.copyOf(ids)));
    }
    records.keySet().retainAll(served.keySet());
    final Map<String, List<String>> frozen = new HashMap<>(replicas.size() * 2);
    for (Map.Entry<String, List<String>> entry : replicas.entrySet()) {
      frozen.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    return new Snapshot(Map.copyOf(nodes), frozen, List.copyOf(served.values()));
  }

  /** The children of {@code path}, watched; none (and an exists-watch) when it does not exist. */
  private List<String> children(String path) throws Exception {
    try {
      return zk.getChildren().usingWatcher(watcher).forPath(path);
    } catch (KeeperException.NoNodeException e) {
      if (zk.checkExists().usingWatcher(watcher).forPath(path) != null) {
        markDirty(); // created meanwhile: read again
      }
      return List.of();
    }
  }

  @Override
  public List<SegmentRecord> served() {
    return snapshot.served();
  }

  /** The names of the historicals announcing {@code segmentId}; empty when none does. */
  public List<String> replicas(String segmentId) {
    return snapshot.replicas().getOrDefault(segmentId, List.of());
  }

  /** The record of a served segment, or null when no historical announces it now. */
  public SegmentRecord record(String segmentId) {
    return records.get(segmentId);
  }

  /** The historical named {@code name} as last seen, or null. */
  public Node node(String name) {
    return snapshot.nodes().get(name);
  }

  /** Every historical as last seen, by name. */
  public Map<String, Node> nodes() {
    return snapshot.nodes();
  }

  /** Whether the last read of ZooKeeper failed (the view is then the last known one). */
  public boolean isStale() {
    return failing;
  }

  /** Successful reads so far. */
  public long polls() {
    return polls;
  }

  @Override
  public SegmentLease acquire(Collection<String> segmentIds) {
    return SegmentLease.of(List.of());
  }

  @Override
  public void close() {
    closed = true;
    zk.getConnectionStateListenable().removeListener(reconnected);
    poller.interrupt();
  }
}
