package io.nemeton.node.coordinator;

import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreException;
import io.nemeton.metadata.RuleSet;
import io.nemeton.metadata.RuleStore;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.coordinator.CoordinatorStatus.Outcome;
import io.nemeton.node.zookeeper.LoadInstruction;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The coordinator role. Coordinators elect a leader ({@link ZooKeeperPaths#COORDINATOR_LEADER});
 * the leader runs every {@link CoordinatorConfig#periodMs()} (and soon after {@link #runNow()}):
 *
 * <ol>
 *   <li>reads the used segments and the rules from the metadata store, and the historicals, what
 *       they serve and what their queues hold from ZooKeeper;
 *   <li>per datasource, builds the timeline of used segments and marks unused the overshadowed
 *       ones whose overshadowing segments are all served (so no query loses data in between);
 *   <li>plans loads and drops ({@link SegmentAssignment}), including balancing moves ({@link
 *       SegmentBalancer}, at most {@link CoordinatorConfig#maxMoves()} in flight), and writes them
 *       to the queues.
 * </ol>
 *
 * When the metadata store or ZooKeeper cannot be read it changes nothing, logs why and says so in
 * {@link #status()}. Thread-safe.
 */
public final class Coordinator implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Coordinator.class.getName());

  private final CoordinatorConfig config;
  private final CuratorFramework zk;
  private final MetadataStore metadata;
  private final LeaderLatch latch;
  private final SegmentFacts facts = new SegmentFacts();
  /** Balancing moves in flight; touched only by the run thread. */
  private final Map<String, SegmentBalancer.Relocation> relocations = new HashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running;
  private volatile CoordinatorStatus status = CoordinatorStatus.initial();

  public Coordinator(CoordinatorConfig config, CuratorFramework zk, MetadataStore metadata) {
    this.config = Objects.requireNonNull(config, "config");
    this.zk = Objects.requireNonNull(zk, "zk");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.latch = new LeaderLatch(zk, ZooKeeperPaths.COORDINATOR_LEADER, config.name());
    this.thread = Thread.ofPlatform().daemon().name("coordinator-" + config.name()).unstarted(this::loop);
  }

  /** Joins the leader election and starts the periodic runs. */
  public synchronized void start() throws Exception {
    if (running) {
      throw new IllegalStateException("coordinator " + config.name() + " already started");
    }
    running = true;
    latch.addListener(new LeaderLatchListener() {
      @Override
      public void isLeader() {
        LOG.log(Level.INFO, "coordinator " + config.name() + ": now leading");
        runNow();
      }

      @Override
      public void notLeader() {
        LOG.log(Level.INFO, "coordinator " + config.name() + ": no longer leading");
      }
    });
    removeStaleCandidacy();
    latch.start();
    thread.start();
  }

  /**
   * Deletes a latch candidacy an earlier run of this coordinator (same name) left behind: after a
   * restart it would hold the leadership, for nobody, until its old session expires.
   */
  private void removeStaleCandidacy() {
    try {
      final long session = zk.getZookeeperClient().getZooKeeper().getSessionId();
      for (String child : zk.getChildren().forPath(ZooKeeperPaths.COORDINATOR_LEADER)) {
        final String path = ZooKeeperPaths.COORDINATOR_LEADER + "/" + child;
        final Stat stat = new Stat();
        final byte[] id = zk.getData().storingStatIn(stat).forPath(path);
        if (stat.getEphemeralOwner() != session
            && config.name().equals(new String(id, StandardCharsets.UTF_8))) {
          zk.delete().forPath(path);
          LOG.log(Level.INFO, "coordinator " + config.name() + ": removed its candidacy from a previous run");
        }
      }
    } catch (KeeperException.NoNodeException none) {
      // no election yet
    } catch (Exception e) {
      LOG.log(Level.WARNING, "coordinator " + config.name() + ": stale candidacy left to expire: " + e);
    }
  }

  /** Asks for a run as soon as possible (no wait for it to finish). */
  public void runNow() {
    wake.release();
  }

  public boolean isLeader() {
    return latch.hasLeadership();
  }

  public CoordinatorStatus status() {
    return status;
  }

  /**
   * Per datasource with used segments, how many of its visible segments are served: read now from
   * the metadata store and ZooKeeper, on leader and follower alike.
   *
   * @throws MetadataStoreException when the metadata store cannot be read
   * @throws IllegalStateException when ZooKeeper cannot be read
   */
  public Map<String, DataSourceLoadStatus> loadStatus() {
    final List<SegmentRecord> used = metadata.segments().allUsedSegments();
    final Set<String> served = new HashSet<>();
    try {
      for (HistoricalState h : ClusterView.read(zk)) {
        served.addAll(h.served());
      }
    } catch (Exception e) {
      throw new IllegalStateException("zookeeper: cannot read the served segments: " + e, e);
    }
    final Map<String, DataSourceLoadStatus> out = new TreeMap<>();
    for (Map.Entry<String, List<SegmentRecord>> ds : SegmentFacts.byDataSource(used).entrySet()) {
      final Set<String> overshadowed = facts.timeline(ds.getValue()).overshadowed();
      int visible = 0;
      int loaded = 0;
      for (SegmentRecord s : ds.getValue()) {
        if (!overshadowed.contains(s.id())) {
          visible++;
          loaded += served.contains(s.id()) ? 1 : 0;
        }
      }
      out.put(ds.getKey(), new DataSourceLoadStatus(ds.getKey(), visible, loaded));
    }
    return out;
  }

  private void loop() {
    while (running) {
      try {
        wake.tryAcquire(config.periodMs(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        return;
      }
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "coordinator " + config.name() + ": run failed", e);
        record(Outcome.FAILED, "run failed: " + e, 0, 0, 0);
      }
    }
  }

  private void runOnce() {
    if (!latch.hasLeadership()) {
      status = new CoordinatorStatus(false, Outcome.NOT_LEADER, "following; leader is "
          + leaderName(), status.lastRunMs(), status.runs(), 0, 0, 0);
      return;
    }
    final long nowMs = System.currentTimeMillis();
    final List<SegmentRecord> used;
    final List<RuleSet> ruleSets;
    try {
      used = metadata.segments().allUsedSegments();
      ruleSets = metadata.rules().allRules();
    } catch (MetadataStoreException e) {
      skip(Outcome.METADATA_UNAVAILABLE, "metadata store unavailable, changing nothing: " + e.getMessage(), nowMs);
      return;
    }
    final Map<String, List<Rule>> rules = new HashMap<>();
    List<Rule> defaults = Rules.BUILT_IN_DEFAULT;
    for (RuleSet set : ruleSets) {
      final List<Rule> parsed;
      try {
        parsed = Rules.parse(set.rulesJson());
      } catch (IllegalArgumentException e) {
        skip(Outcome.FAILED, "rules of " + set.dataSource() + " unreadable, changing nothing: " + e.getMessage(), nowMs);
        return;
      }
      if (set.dataSource().equals(RuleStore.DEFAULT_RULES_KEY)) {
        defaults = parsed;
      } else {
        rules.put(set.dataSource(), parsed);
      }
    }
    final List<HistoricalState> cluster;
    try {
      if (!zk.getZookeeperClient().isConnected()) {
        throw new IllegalStateException("not connected to " + zk.getZookeeperClient().getCurrentConnectionString());
      }
      cluster = ClusterView.read(zk);
    } catch (Exception e) {
      skip(Outcome.ZOOKEEPER_UNAVAILABLE, "zookeeper unavailable, changing nothing: " + e, nowMs);
      return;
    }
    final Set<String> served = new HashSet<>();
    for (HistoricalState h : cluster) {
      served.addAll(h.served());
    }
    final List<SegmentRecord> wanted = new ArrayList<>();
    final Set<String> keep = new HashSet<>();
    final List<String> toMark = new ArrayList<>();
    for (List<SegmentRecord> segments : SegmentFacts.byDataSource(used).values()) {
      final Set<String> overshadowed = facts.timeline(segments).overshadowed();
      if (overshadowed.isEmpty()) {
        wanted.addAll(segments);
        continue;
      }
      // Marked only when what overshadows them is served: no query ever sees a gap.
      final List<SegmentRecord> servedOrOvershadowed = new ArrayList<>();
      for (SegmentRecord s : segments) {
        if (served.contains(s.id()) || overshadowed.contains(s.id())) {
          servedOrOvershadowed.add(s);
        }
      }
      final Set<String> covered = facts.timeline(servedOrOvershadowed).overshadowed();
      for (SegmentRecord s : segments) {
        if (!overshadowed.contains(s.id())) {
          wanted.add(s);
        } else if (covered.contains(s.id())) {
          toMark.add(s.id());
        } else {
          keep.add(s.id());
        }
      }
    }
    if (!toMark.isEmpty()) {
      try {
        metadata.segments().setUsed(toMark, false);
      } catch (MetadataStoreException e) {
        skip(Outcome.METADATA_UNAVAILABLE, "metadata store unavailable, changing nothing: " + e.getMessage(), nowMs);
        return;
      }
      LOG.log(Level.INFO, "coordinator " + config.name() + ": marked " + toMark.size()
          + " overshadowed segments unused");
    }
    final Map<String, Long> sizes = new HashMap<>();
    for (SegmentRecord s : used) {
      sizes.put(s.id(), facts.sizeBytes(s));
    }
    final Set<String> movingBefore = new HashSet<>(relocations.keySet());
    final List<SegmentAssignment.Move> moves =
        new SegmentAssignment(cluster, sizes, relocations, config.maxMoves()).plan(wanted, keep, rules, defaults, nowMs);
    for (SegmentBalancer.Relocation r : relocations.values()) {
      if (!movingBefore.contains(r.segmentId())) {
        LOG.log(Level.INFO, "coordinator " + config.name() + ": balancing: moving " + r.segmentId() + " from "
            + r.from() + " to " + r.to());
      }
    }
    int loads = 0;
    int drops = 0;
    for (SegmentAssignment.Move move : moves) {
      try {
        write(move);
      } catch (Exception e) {
        skip(Outcome.ZOOKEEPER_UNAVAILABLE, "zookeeper failed while writing instructions (" + loads
            + " loads and " + drops + " drops written): " + e, nowMs);
        return;
      }
      if (move.instruction().action() == LoadInstruction.Action.LOAD) {
        loads++;
      } else {
        drops++;
      }
    }
    facts.retain(used);
    status = new CoordinatorStatus(true, Outcome.DONE, "ok: " + used.size() + " used segments, "
        + cluster.size() + " historicals, " + relocations.size() + " balancing moves in flight", nowMs, status.runs() + 1, loads, drops, toMark.size());
  }

  private void write(SegmentAssignment.Move move) throws Exception {
    final String path = ZooKeeperPaths.instruction(move.historical(), move.instruction().segmentId());
    if (move.cancel()) {
      try {
        zk.delete().forPath(path);
      } catch (KeeperException.NoNodeException e) {
        // carried out meanwhile; the next run sees the result
      }
      return;
    }
    final byte[] bytes = move.instruction().toBytes();
    try {
      zk.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, bytes);
    } catch (KeeperException.NodeExistsException e) {
      zk.setData().forPath(path, bytes);
    }
  }

  private void skip(Outcome outcome, String message, long nowMs) {
    LOG.log(Level.WARNING, "coordinator " + config.name() + ": " + message);
    status = new CoordinatorStatus(latch.hasLeadership(), outcome, message, nowMs, status.runs() + 1, 0, 0, 0);
  }

  private void record(Outcome outcome, String message, int loads, int drops, int marked) {
    status = new CoordinatorStatus(latch.hasLeadership(), outcome, message, status.lastRunMs(),
        status.runs() + 1, loads, drops, marked);
  }

  private String leaderName() {
    try {
      return latch.getLeader().getId();
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** Leaves the election (another coordinator takes over) and stops running. */
  @Override
  public synchronized void close() throws IOException {
    if (!running) {
      return;
    }
    running = false;
    wake.release();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      latch.close();
    } catch (IllegalStateException alreadyClosed) {
      // never started
    }
  }
}
