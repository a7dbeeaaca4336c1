package io.nemeton.node.coordinator;

import io.nemeton.metadata.SegmentRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks segment moves between historicals of one tier that lower the cluster's total {@link
 * PlacementCost}: greedily, the move with the largest gain first, up to a budget per run. A move's
 * gain is the segment's cost against the other segments on its source minus its cost against those
 * on the target; a move is taken only when the gain is at least {@link #MIN_GAIN_FRACTION} of the
 * source cost, so two nearly equal nodes do not trade segments back and forth.
 *
 * <p>Each move weighs at most {@link #MAX_CANDIDATES} movable segments, drawn at random (seeded by
 * the run's time, so a run is repeatable) when there are more: a candidate's costs are sums over the
 * segments of every node, so weighing all {@code n} segments would cost {@code O(n²)} per move — a
 * second of work per move at ten thousand segments — while a sample finds a good move at {@code
 * O(n)}, and the next run samples again.
 *
 * <p>Only what a node serves and may give up is moved ({@link Node#movable}); targets need room
 * and must not hold the segment. The picked moves are applied to the nodes given (so a caller sees
 * the state they lead to). Pure and not thread-safe; one per run.
 */
final class SegmentBalancer {
  /** The share of the source cost a move must save. */
  static final double MIN_GAIN_FRACTION = 0.1;

  /** Movable segments weighed per move at most. */
  static final int MAX_CANDIDATES = 256;

  /** A historical as the balancer sees it: what it will hold and which of those it may give up. */
  static final class Node {
    final String name;
    final String tier;
    final long maxBytes;
    final Set<String> holds = new HashSet<>();
    final Set<String> movable = new HashSet<>();
    long bytes;

    Node(String name, String tier, long maxBytes) {
      this.name = name;
      this.tier = tier;
      this.maxBytes = maxBytes;
    }
  }

  /** Move {@code segmentId} from {@code from} to {@code to}: load on the target, then drop. */
  record Relocation(String segmentId, String from, String to) {}

  private final Map<String, SegmentRecord> segments;
  private final Map<String, Long> sizes;
  private final long nowMs;
  private final SplittableRandom random;
  private long pairsWeighed;

  SegmentBalancer(Map<String, SegmentRecord> segments, Map<String, Long> sizes, long nowMs) {
    this.segments = segments;
    this.sizes = sizes;
    this.nowMs = nowMs;
    this.random = new SplittableRandom(nowMs);
  }

  /** Segment pairs whose cost was computed so far (bounds the run's work; for tests). */
  long pairsWeighed() {
    return pairsWeighed;
  }

  /** Up to {@code budget} moves, best first, applied to {@code nodes}. */
  List<Relocation> plan(List<Node> nodes, int budget) {
    final List<Relocation> out = new ArrayList<>();
    while (out.size() < budget) {
      Relocation best = null;
      double bestGain = 0;
      for (Candidate candidate : candidates(nodes)) {
        final Node source = candidate.source();
        final String id = candidate.segmentId();
        final SegmentRecord segment = segments.get(id);
        if (segment == null) {
          continue;
        }
        final long size = size(id);
        final double sourceCost = cost(segment, size, source);
        for (Node target : nodes) {
          if (target == source || !target.tier.equals(source.tier) || target.holds.contains(id)
              || target.bytes + size > target.maxBytes) {
            continue;
          }
          final double gain = sourceCost - cost(segment, size, target);
          if (gain > bestGain && gain >= MIN_GAIN_FRACTION * sourceCost) {
            bestGain = gain;
            best = new Relocation(id, source.name, target.name);
          }
        }
      }
      if (best == null) {
        return out;
      }
      apply(nodes, best);
      out.add(best);
    }
    return out;
  }

  private record Candidate(Node source, String segmentId) {}

  /** Every movable segment, or {@link #MAX_CANDIDATES} of them drawn uniformly (reservoir). */
  private List<Candidate> candidates(List<Node> nodes) {
    final List<Candidate> chosen = new ArrayList<>();
    long seen = 0;
    for (Node source : nodes) {
      for (String id : source.movable) {
        seen++;
        if (chosen.size() < MAX_CANDIDATES) {
          chosen.add(new Candidate(source, id));
        } else {
          final long slot = random.nextLong(seen);
          if (slot < MAX_CANDIDATES) {
            chosen.set((int) slot, new Candidate(source, id));
          }
        }
      }
    }
    return chosen;
  }

  /** The segment's cost against every other segment the node holds. */
  double cost(SegmentRecord segment, long size, Node node) {
    double sum = 0;
    for (String other : node.holds) {
      if (other.equals(segment.id())) {
        continue;
      }
      final SegmentRecord record = segments.get(other);
      if (record != null) {
        pairsWeighed++;
        sum += PlacementCost.pair(segment, size, record, size(other), nowMs);
      }
    }
    return sum;
  }

  private void apply(List<Node> nodes, Relocation move) {
    final long size = size(move.segmentId());
    for (Node node : nodes) {
      if (node.name.equals(move.from())) {
        node.holds.remove(move.segmentId());
        node.movable.remove(move.segmentId());
        node.bytes -= size;
      } else if (node.name.equals(move.to())) {
        node.holds.add(move.segmentId());
        node.bytes += size;
      }
    }
  }

  private long size(String id) {
    return sizes.getOrDefault(id, 0L);
  }
}
