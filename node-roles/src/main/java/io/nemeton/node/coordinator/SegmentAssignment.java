package io.nemeton.node.coordinator;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.zookeeper.LoadInstruction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run's plan: which load and drop instructions make the historicals hold what the rules want.
 * Pure: it reads its inputs and returns moves, so it is tested without ZooKeeper.
 *
 * <p>Each historical is seen as what it will hold once its queue is done (served, plus queued
 * loads, minus queued drops). Segments are taken newest first (recent data is queried most); for
 * each, the first applying rule gives the replicas wanted per tier. A tier short of replicas gets
 * loads on its least-loaded historicals (fewest bytes held) that have room; a tier with too many
 * (or one the rule does not name, or a drop rule) loses them from its most-loaded historicals,
 * queued loads cancelled first. Segments no longer used are dropped everywhere.
 *
 * <p>Then balancing: {@link SegmentBalancer} picks moves of served segments onto historicals where
 * they cost less (a new, empty historical first). A move is a relocation kept across runs: this
 * run queues the load on the target, a later run drops the source's replica only once the target
 * announces the segment, so the replica count never dips. Relocations in flight count against the
 * budget of moves; one whose target load was cancelled or failed is forgotten.
 *
 * <p>Not thread-safe; one per run.
 */
final class SegmentAssignment {

  /**
   * One change to a historical's queue: {@code instruction} written to it, or with {@code cancel}
   * the queued instruction for the segment deleted.
   */
  record Move(String historical, LoadInstruction instruction, boolean cancel) {}

  private static final class Holder {
    final HistoricalState state;
    final Set<String> holds = new HashSet<>();
    long bytes;

    Holder(HistoricalState state) {
      this.state = state;
    }

    String name() {
      return state.node().name();
    }

    boolean queuedLoad(String id) {
      return state.queued().get(id) == LoadInstruction.Action.LOAD;
    }
  }

  private final List<Holder> holders = new ArrayList<>();
  private final Map<String, Long> sizes;
  private final List<Move> moves = new ArrayList<>();
  private final Map<String, SegmentBalancer.Relocation> relocations;
  private final int maxMoves;

  /** Without balancing. @param sizes bytes per used segment id (from the payloads) */
  SegmentAssignment(List<HistoricalState> historicals, Map<String, Long> sizes) {
    this(historicals, sizes, new HashMap<>(), 0);
  }

  /**
   * @param sizes bytes per used segment id (from the payloads)
   * @param relocations moves in flight by segment id, kept by the caller across runs and updated
   * @param maxMoves relocations in flight at most (0: no balancing)
   */
  SegmentAssignment(List<HistoricalState> historicals, Map<String, Long> sizes,
      Map<String, SegmentBalancer.Relocation> relocations, int maxMoves) {
    this.sizes = sizes;
    this.relocations = relocations;
    this.maxMoves = maxMoves;
    for (HistoricalState state : historicals) {
      final Holder h = new Holder(state);
      h.holds.addAll(state.served());
      for (Map.Entry<String, LoadInstruction.Action> q : state.queued().entrySet()) {
        if (q.getValue() == LoadInstruction.Action.LOAD) {
          h.holds.add(q.getKey());
        } else {
          h.holds.remove(q.getKey());
        }
      }
      for (String id : h.holds) {
        h.bytes += sizes.getOrDefault(id, 0L);
      }
      holders.add(h);
    }
    holders.sort(Comparator.comparing(Holder::name));
  }

  /**
   * Plans the moves.
   *
   * @param wanted the used segments queries can see, which the rules place
   * @param keep used ids to leave where they are (overshadowed, not yet marked unused)
   * @param rulesByDataSource each datasource's own rules (absent: none)
   * @param defaults the rules every datasource falls through to
   */
  List<Move> plan(List<SegmentRecord> wanted, Set<String> keep, Map<String, List<Rule>> rulesByDataSource,
      List<Rule> defaults, long nowMs) {
    final List<SegmentRecord> ordered = new ArrayList<>(wanted);
    ordered.sort(Comparator.comparingLong(SegmentRecord::startMs).reversed().thenComparing(SegmentRecord::id));
    final Map<String, SegmentRecord> placed = new HashMap<>();
    for (SegmentRecord segment : ordered) {
      placed.put(segment.id(), segment);
      Rule rule = Rules.firstApplying(rulesByDataSource.getOrDefault(segment.dataSource(), List.of()),
          segment.startMs(), segment.endMs(), nowMs);
      if (rule == null) {
        rule = Rules.firstApplying(defaults, segment.startMs(), segment.endMs(), nowMs);
      }
      final Map<String, Integer> replicants = rule == null || !rule.isLoad() ? Map.of() : rule.tieredReplicants();
      final Set<String> tiers = new TreeSet<>(replicants.keySet());
      for (Holder h : holders) {
        if (h.holds.contains(segment.id())) {
          tiers.add(h.state.node().tier());
        }
      }
      for (String tier : tiers) {
        balanceTier(segment, tier, replicants.getOrDefault(tier, 0));
      }
    }
    for (Holder h : holders) {
      for (String id : new ArrayList<>(h.holds)) {
        if (!placed.containsKey(id) && !keep.contains(id)) {
          remove(h, id);
        }
      }
    }
    if (maxMoves > 0) {
      balance(placed, nowMs);
    }
    return moves;
  }

  private void balance(Map<String, SegmentRecord> placed, long nowMs) {
    // Forget relocations that cannot finish: segment gone, target load cancelled or failed, source gone.
    relocations.values().removeIf(r -> !placed.containsKey(r.segmentId())
        || !holds(r.to(), r.segmentId()) || !holds(r.from(), r.segmentId()));
    final int budget = maxMoves - relocations.size();
    if (budget <= 0) {
      return;
    }
    final List<SegmentBalancer.Node> nodes = new ArrayList<>();
    for (Holder h : holders) {
      final SegmentBalancer.Node node = new SegmentBalancer.Node(h.name(), h.state.node().tier(),
          h.state.node().maxSizeBytes());
      node.bytes = h.bytes;
      for (String id : h.holds) {
        final SegmentBalancer.Relocation moving = relocations.get(id);
        if (moving != null && moving.from().equals(h.name())) {
          node.bytes -= sizes.getOrDefault(id, 0L); // as it will be once the move is done
          continue;
        }
        node.holds.add(id);
        if (moving == null && placed.containsKey(id) && h.state.served().contains(id)
            && !h.state.queued().containsKey(id)) {
          node.movable.add(id);
        }
      }
      nodes.add(node);
    }
    for (SegmentBalancer.Relocation r : new SegmentBalancer(placed, sizes, nowMs).plan(nodes, budget)) {
      final Holder target = holder(r.to());
      target.holds.add(r.segmentId());
      target.bytes += sizes.getOrDefault(r.segmentId(), 0L);
      moves.add(new Move(r.to(), LoadInstruction.load(placed.get(r.segmentId())), false));
      relocations.put(r.segmentId(), r);
    }
  }

  private boolean holds(String name, String id) {
    final Holder h = holder(name);
    return h != null && h.holds.contains(id);
  }

  private Holder holder(String name) {
    for (Holder h : holders) {
      if (h.name().equals(name)) {
        return h;
      }
    }
    return null;
  }

  private void balanceTier(SegmentRecord segment, String tier, int want) {
    final String id = segment.id();
    final long size = sizes.getOrDefault(id, 0L);
    final List<Holder> holding = new ArrayList<>();
    final List<Holder> candidates = new ArrayList<>();
    for (Holder h : holders) {
      if (!h.state.node().tier().equals(tier)) {
        continue;
      }
      if (h.holds.contains(id)) {
        holding.add(h);
      } else if (h.bytes + size <= h.state.node().maxSizeBytes()) {
        candidates.add(h);
      }
    }
    if (holding.size() < want) {
      candidates.sort(Comparator.comparingLong((Holder h) -> h.bytes).thenComparing(Holder::name));
      for (int i = 0; i < want - holding.size() && i < candidates.size(); i++) {
        final Holder h = candidates.get(i);
        h.holds.add(id);
        h.bytes += size;
        moves.add(new Move(h.name(), LoadInstruction.load(segment), false));
      }
    } else if (holding.size() > want) {
      final SegmentBalancer.Relocation moving = relocations.get(id);
      if (moving != null) {
        final Holder target = holder(moving.to());
        if (target != null && holding.contains(target) && !target.state.served().contains(id)) {
          return; // the target is still loading: the source keeps serving meanwhile
        }
        relocations.remove(id);
        final Holder source = holder(moving.from());
        if (target != null && holding.contains(target) && source != null && holding.contains(source)) {
          remove(source, id); // the target serves it now
          holding.remove(source);
        }
        if (holding.size() <= want) {
          return;
        }
      }
      // Cancel queued loads first (nothing to undo), then drop from the fullest.
      holding.sort(Comparator.comparing((Holder h) -> !h.queuedLoad(id))
          .thenComparing(Comparator.comparingLong((Holder h) -> h.bytes).reversed())
          .thenComparing(Holder::name));
      for (int i = 0; i < holding.size() - want; i++) {
        remove(holding.get(i), id);
      }
    }
  }

  private void remove(Holder h, String id) {
    h.holds.remove(id);
    h.bytes -= sizes.getOrDefault(id, 0L);
    if (h.queuedLoad(id) && !h.state.served().contains(id)) {
      moves.add(new Move(h.name(), LoadInstruction.drop(id), true));
    } else {
      moves.add(new Move(h.name(), LoadInstruction.drop(id), false));
    }
  }
}
