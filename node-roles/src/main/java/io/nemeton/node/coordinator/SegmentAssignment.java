package io.nemeton.node.coordinator;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.zookeeper.LoadInstruction;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** @param sizes bytes per used segment id (from the payloads) */
  SegmentAssignment(List<HistoricalState> historicals, Map<String, Long> sizes) {
    this.sizes = sizes;
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
    final Set<String> placed = new HashSet<>();
    for (SegmentRecord segment : ordered) {
      placed.add(segment.id());
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
        if (!placed.contains(id) && !keep.contains(id)) {
          remove(h, id);
        }
      }
    }
    return moves;
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
