package io.nemeton.node.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which segments of one datasource a query reads: for every instant, the segments of the highest
 * version whose partition set covering that instant is complete (MVCC: a new version replaces an
 * old one atomically once all of its partitions are there; an incomplete newer version hides
 * nothing). Versions compare as strings, as Druid's ISO-timestamp versions do.
 *
 * <p>Immutable and thread-safe once built; building is O(n log n) in the segments.
 */
public final class Timeline {
  private final List<VisibleSegment> visible;
  private final Set<String> overshadowed;

  private Timeline(List<VisibleSegment> visible, Set<String> overshadowed) {
    this.visible = visible;
    this.overshadowed = overshadowed;
  }

  /** The timeline of one datasource's segments. */
  public static Timeline of(Collection<TimelineSegment> segments) {
    final Map<ChunkKey, List<TimelineSegment>> chunks = new LinkedHashMap<>();
    for (TimelineSegment s : segments) {
      chunks.computeIfAbsent(new ChunkKey(s.startMs(), s.endMs(), s.version()), k -> new ArrayList<>()).add(s);
    }
    final List<Map.Entry<ChunkKey, List<TimelineSegment>>> ordered = new ArrayList<>(chunks.entrySet());
    // Highest version first; equal versions in time order so painting stays deterministic.
    ordered.sort(Comparator.<Map.Entry<ChunkKey, List<TimelineSegment>>, String>comparing(e -> e.getKey().version())
        .reversed()
        .thenComparingLong(e -> e.getKey().startMs()));
    final Coverage covered = new Coverage();
    final List<VisibleSegment> visible = new ArrayList<>();
    final Set<String> overshadowed = new HashSet<>();
    int i = 0;
    while (i < ordered.size()) {
      // Chunks of one version are judged against higher versions only, then painted together.
      final String version = ordered.get(i).getKey().version();
      int j = i;
      final List<long[]> paint = new ArrayList<>();
      while (j < ordered.size() && ordered.get(j).getKey().version().equals(version)) {
        final ChunkKey key = ordered.get(j).getKey();
        final List<TimelineSegment> parts = ordered.get(j).getValue();
        final List<long[]> free = covered.uncovered(key.startMs(), key.endMs());
        if (free.isEmpty()) {
          for (TimelineSegment s : parts) {
            overshadowed.add(s.id());
          }
        } else if (complete(parts)) {
          parts.sort(Comparator.comparingInt(TimelineSegment::partition));
          for (long[] range : free) {
            for (TimelineSegment s : parts) {
              visible.add(new VisibleSegment(s, range[0], range[1]));
            }
          }
          paint.add(new long[] {key.startMs(), key.endMs()});
        }
        j++;
      }
      for (long[] range : paint) {
        covered.add(range[0], range[1]);
      }
      i = j;
    }
    visible.sort(Comparator.comparingLong(VisibleSegment::startMs)
        .thenComparingInt(v -> v.segment().partition()));
    return new Timeline(List.copyOf(visible), Set.copyOf(overshadowed));
  }

  /** True when partitions {@code 0 .. core-1} are all present (core: the largest declared). */
  static boolean complete(List<TimelineSegment> parts) {
    int core = 0;
    for (TimelineSegment s : parts) {
      core = Math.max(core, s.corePartitions());
    }
    final boolean[] seen = new boolean[core];
    int present = 0;
    for (TimelineSegment s : parts) {
      if (s.partition() < core && !seen[s.partition()]) {
        seen[s.partition()] = true;
        present++;
      }
    }
    return present == core;
  }

  /** Every visible piece, in time order. */
  public List<VisibleSegment> visible() {
    return visible;
  }

  /** The visible pieces overlapping {@code [startMs, endMs)}, clipped to it, in time order. */
  public List<VisibleSegment> lookup(long startMs, long endMs) {
    final List<VisibleSegment> out = new ArrayList<>();
    for (VisibleSegment v : visible) {
      final long s = Math.max(v.startMs(), startMs);
      final long e = Math.min(v.endMs(), endMs);
      if (s < e) {
        out.add(s == v.startMs() && e == v.endMs() ? v : new VisibleSegment(v.segment(), s, e));
      }
    }
    return out;
  }

  /**
   * Ids of segments wholly covered by complete higher versions: no query can read them, so the
   * coordinator marks them unused.
   */
  public Set<String> overshadowed() {
    return overshadowed;
  }

  private record ChunkKey(long startMs, long endMs, String version) {}

  /** Disjoint covered ranges, start to end, merged when they touch. */
  private static final class Coverage {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    void add(long start, long end) {
      long s = start;
      long e = end;
      final Map.Entry<Long, Long> before = ranges.floorEntry(s);
      if (before != null && before.getValue() >= s) {
        s = before.getKey();
        e = Math.max(e, before.getValue());
      }
      Map.Entry<Long, Long> next = ranges.ceilingEntry(s);
      while (next != null && next.getKey() <= e) {
        e = Math.max(e, next.getValue());
        ranges.remove(next.getKey());
        next = ranges.ceilingEntry(s);
      }
      ranges.put(s, e);
    }

    List<long[]> uncovered(long start, long end) {
      final List<long[]> out = new ArrayList<>();
      long cursor = start;
      final Map.Entry<Long, Long> before = ranges.floorEntry(start);
      if (before != null && before.getValue() > cursor) {
        cursor = before.getValue();
      }
      for (Map.Entry<Long, Long> r : ranges.subMap(start, false, end, false).entrySet()) {
        if (r.getKey() > cursor) {
          out.add(new long[] {cursor, r.getKey()});
        }
        cursor = Math.max(cursor, r.getValue());
      }
      if (cursor < end) {
        out.add(new long[] {cursor, end});
      }
      return out;
    }
  }
}
