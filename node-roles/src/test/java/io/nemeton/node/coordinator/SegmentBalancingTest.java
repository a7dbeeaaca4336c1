package io.nemeton.node.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.zookeeper.LoadInstruction;
import io.nemeton.node.zookeeper.NodeAnnouncement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The balancing part of the plan, over a simulated cluster: moves onto an empty historical load
 * first and drop the source only once the target serves, the budget bounds moves in flight, a
 * failed target load is forgotten, capacity is respected, and repeated runs settle into an even,
 * stable spread. Plus the cost function's ordering.
 */
class SegmentBalancingTest {
  private static final long DAY = PlacementCost.DAY_MS;
  private static final long START = 1_704_067_200_000L; // 2024-01-01
  private static final List<Rule> TWO_REPLICAS =
      Rules.parse("[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}]");

  /** A simulated cluster: what each historical serves and has queued. */
  private static final class Sim {
    final Map<String, Set<String>> served = new TreeMap<>();
    final Map<String, Map<String, LoadInstruction.Action>> queued = new TreeMap<>();
    final Map<String, Long> capacity = new HashMap<>();
    final Map<String, SegmentBalancer.Relocation> relocations = new HashMap<>();

    void node(String name, long maxBytes) {
      served.put(name, new TreeSet<>());
      queued.put(name, new TreeMap<>());
      capacity.put(name, maxBytes);
    }

    List<HistoricalState> states() {
      final List<HistoricalState> out = new ArrayList<>();
      for (String name : served.keySet()) {
        out.add(new HistoricalState(new NodeAnnouncement(name, "127.0.0.1", Map.of("http", 1), "_default_tier",
            capacity.get(name), 0), served.get(name), queued.get(name)));
      }
      return out;
    }

    List<SegmentAssignment.Move> run(List<SegmentRecord> segments, int maxMoves) {
      final Map<String, Long> sizes = new HashMap<>();
      for (SegmentRecord s : segments) {
        sizes.put(s.id(), 1000L);
      }
      final List<SegmentAssignment.Move> moves = new SegmentAssignment(states(), sizes, relocations, maxMoves)
          .plan(segments, Set.of(), Map.of(), TWO_REPLICAS, START + 30 * DAY);
      for (SegmentAssignment.Move move : moves) {
        final Map<String, LoadInstruction.Action> queue = queued.get(move.historical());
        if (move.cancel()) {
          queue.remove(move.instruction().segmentId());
        } else {
          queue.put(move.instruction().segmentId(), move.instruction().action());
        }
      }
      return moves;
    }

    /** Every historical carries out its queue. */
    void carryOut() {
      for (Map.Entry<String, Map<String, LoadInstruction.Action>> q : queued.entrySet()) {
        for (Map.Entry<String, LoadInstruction.Action> i : q.getValue().entrySet()) {
          if (i.getValue() == LoadInstruction.Action.LOAD) {
            served.get(q.getKey()).add(i.getKey());
          } else {
            served.get(q.getKey()).remove(i.getKey());
          }
        }
        q.getValue().clear();
      }
    }

    int replicasServed(String id) {
      int n = 0;
      for (Set<String> s : served.values()) {
        n += s.contains(id) ? 1 : 0;
      }
      return n;
    }
  }

  private static SegmentRecord segment(String dataSource, int day) {
    final long start = START + day * DAY;
    final String id = dataSource + "_" + day + "_v1";
    return new SegmentRecord(id, dataSource, start, start + DAY, "v1", 0, "{\"size\":1000}", true, 0, 0);
  }

  private static List<SegmentRecord> days(String dataSource, int count) {
    final List<SegmentRecord> out = new ArrayList<>();
    for (int day = 0; day < count; day++) {
      out.add(segment(dataSource, day));
    }
    return out;
  }

  /** Three historicals holding two replicas of every segment, loaded and served, balancing off. */
  private static Sim loadedOnThree(List<SegmentRecord> segments) {
    final Sim sim = new Sim();
    for (int n = 1; n <= 3; n++) {
      sim.node("h" + n, Long.MAX_VALUE);
    }
    sim.run(segments, 0);
    sim.carryOut();
    for (SegmentRecord s : segments) {
      assertEquals(2, sim.replicasServed(s.id()));
    }
    return sim;
  }

  @Test
  void aNewHistoricalGetsLoadsFirstAndSourcesDropOnlyOnceItServes() {
    final List<SegmentRecord> segments = days("wiki", 12);
    final Sim sim = loadedOnThree(segments);
    sim.node("h4", Long.MAX_VALUE);

    final List<SegmentAssignment.Move> first = sim.run(segments, 3);
    assertEquals(3, first.size(), "budget of moves: " + first);
    for (SegmentAssignment.Move move : first) {
      assertEquals("h4", move.historical());
      assertEquals(LoadInstruction.Action.LOAD, move.instruction().action());
    }
    // Still loading: nothing is dropped and no new move starts (the budget is in flight).
    assertEquals(List.of(), sim.run(segments, 3));

    sim.carryOut(); // h4 serves them now
    final List<SegmentAssignment.Move> second = sim.run(segments, 3);
    int drops = 0;
    for (SegmentAssignment.Move move : second) {
      if (move.instruction().action() == LoadInstruction.Action.DROP) {
        drops++;
        assertTrue(!move.historical().equals("h4"), "the source drops, not the target: " + move);
        assertEquals(3, sim.replicasServed(move.instruction().segmentId()), "dropped only while 3 replicas serve");
      }
    }
    assertEquals(3, drops, "each finished move drops its source: " + second);
  }

  @Test
  void repeatedRunsSettleEvenlyWithoutReplicasDipping() {
    final SplittableRandom random = new SplittableRandom(42);
    final List<SegmentRecord> segments = new ArrayList<>(days("wiki", 10));
    segments.addAll(days("koalas", 8));
    final Sim sim = loadedOnThree(segments);
    sim.node("h4", Long.MAX_VALUE);
    int rounds = 0;
    int quietRounds = 0;
    while (quietRounds < 3) {
      assertTrue(++rounds < 200, "balancing did not settle within 200 runs");
      final List<SegmentAssignment.Move> moves = sim.run(segments, 1 + random.nextInt(4));
      quietRounds = moves.isEmpty() ? quietRounds + 1 : 0;
      sim.carryOut();
      for (SegmentRecord s : segments) {
        assertTrue(sim.replicasServed(s.id()) >= 2, "replicas of " + s.id() + " dipped in run " + rounds);
      }
    }
    final int total = 2 * segments.size();
    for (Map.Entry<String, Set<String>> node : sim.served.entrySet()) {
      final int held = node.getValue().size();
      assertTrue(Math.abs(held - total / 4) <= 2, node.getKey() + " holds " + held + " of " + total + ": " + sim.served);
    }
    for (SegmentRecord s : segments) {
      assertEquals(2, sim.replicasServed(s.id()), s.id());
    }
  }

  @Test
  void aFailedTargetLoadIsForgottenAndTheSourceKeepsItsReplica() {
    final List<SegmentRecord> segments = days("wiki", 6);
    final Sim sim = loadedOnThree(segments);
    sim.node("h4", Long.MAX_VALUE);
    sim.run(segments, 1);
    assertEquals(1, sim.relocations.size());
    final String id = sim.relocations.keySet().iterator().next();
    sim.queued.get("h4").clear(); // the load failed: the historical deleted the instruction
    for (SegmentAssignment.Move move : sim.run(segments, 1)) {
      assertTrue(move.instruction().action() == LoadInstruction.Action.LOAD, "no drop after a failed load: " + move);
    }
    assertEquals(2, sim.replicasServed(id));
  }

  @Test
  void aFullHistoricalIsNoTarget() {
    final List<SegmentRecord> segments = days("wiki", 6);
    final Sim sim = loadedOnThree(segments);
    sim.node("h4", 500); // smaller than one segment
    assertEquals(List.of(), sim.run(segments, 5));
  }

  @Test
  void costGrowsWithSizeProximitySameDataSourceAndRecency() {
    final long now = START + 30 * DAY;
    final SegmentRecord a = segment("wiki", 10);
    final double adjacent = PlacementCost.pair(a, 1000, segment("wiki", 11), 1000, now);
    final double far = PlacementCost.pair(a, 1000, segment("wiki", 20), 1000, now);
    final double otherDataSource = PlacementCost.pair(a, 1000, segment("koalas", 11), 1000, now);
    final double bigger = PlacementCost.pair(a, 1000, segment("wiki", 11), 4000, now);
    final double older = PlacementCost.pair(segment("wiki", 0), 1000, segment("wiki", 1), 1000, now);
    assertTrue(adjacent > far, adjacent + " vs " + far);
    assertTrue(adjacent > otherDataSource, adjacent + " vs " + otherDataSource);
    assertEquals(4 * adjacent, bigger, 1e-12 * bigger);
    assertTrue(adjacent > older, adjacent + " vs " + older);
  }

  @Test
  void manySegmentsAreWeighedBySampleNotAllPairs() {
    final int count = 4000;
    final Map<String, SegmentRecord> records = new HashMap<>();
    final Map<String, Long> sizes = new HashMap<>();
    final SegmentBalancer.Node full = new SegmentBalancer.Node("h1", "_default_tier", Long.MAX_VALUE);
    for (int day = 0; day < count; day++) {
      final SegmentRecord s = segment("wiki", day);
      records.put(s.id(), s);
      sizes.put(s.id(), 1000L);
      full.holds.add(s.id());
      full.movable.add(s.id());
      full.bytes += 1000;
    }
    final List<SegmentBalancer.Node> nodes = new ArrayList<>(List.of(full));
    for (String name : List.of("h2", "h3", "h4")) {
      nodes.add(new SegmentBalancer.Node(name, "_default_tier", Long.MAX_VALUE));
    }
    final SegmentBalancer balancer = new SegmentBalancer(records, sizes, START + count * DAY);
    final int budget = 5;
    final List<SegmentBalancer.Relocation> moves = balancer.plan(nodes, budget);
    assertEquals(budget, moves.size(), "an empty historical beside a full one takes segments");
    for (SegmentBalancer.Relocation move : moves) {
      assertEquals("h1", move.from());
    }
    // every pair would be budget x count x nodes x count = 3.2e8; the sample bounds it to
    // budget x MAX_CANDIDATES x nodes x count
    final long bound = (long) budget * SegmentBalancer.MAX_CANDIDATES * nodes.size() * count;
    assertTrue(balancer.pairsWeighed() <= bound, balancer.pairsWeighed() + " pairs weighed, bound " + bound);
  }
}
