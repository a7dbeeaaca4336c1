package io.nemeton.node.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static TimelineSegment seg(String id, long start, long end, String version, int partition, int core) {
    return new TimelineSegment(id, start, end, version, partition, core);
  }

  @Test
  void newerCompleteVersionReplacesOlderOne() {
    final Timeline t = Timeline.of(List.of(
        seg("a0", 0, 10, "v1", 0, 1),
        seg("b0", 0, 10, "v2", 0, 2),
        seg("b1", 0, 10, "v2", 1, 2)));
    assertEquals(List.of("b0", "b1"), ids(t.lookup(0, 10)));
    assertEquals(Set.of("a0"), t.overshadowed());
  }

  @Test
  void incompleteNewerVersionHidesNothing() {
    final Timeline t = Timeline.of(List.of(
        seg("a0", 0, 10, "v1", 0, 1),
        seg("b0", 0, 10, "v2", 0, 2)));
    assertEquals(List.of("a0"), ids(t.lookup(0, 10)));
    assertTrue(t.overshadowed().isEmpty());
  }

  @Test
  void appendedPartitionsJoinACompleteSet() {
    final Timeline t = Timeline.of(List.of(
        seg("a0", 0, 10, "v1", 0, 1),
        seg("a1", 0, 10, "v1", 1, 0),
        seg("a2", 0, 10, "v1", 2, 0)));
    assertEquals(List.of("a0", "a1", "a2"), ids(t.lookup(0, 10)));
  }

  @Test
  void partlyOvershadowedSegmentIsReadOutsideTheNewerChunk() {
    final Timeline t = Timeline.of(List.of(
        seg("day", 0, 24, "v1", 0, 1),
        seg("hour", 5, 6, "v2", 0, 1)));
    final List<VisibleSegment> v = t.lookup(0, 24);
    assertEquals(3, v.size());
    assertEquals("day", v.get(0).segment().id());
    assertEquals(5, v.get(0).endMs());
    assertEquals("hour", v.get(1).segment().id());
    assertEquals("day", v.get(2).segment().id());
    assertEquals(6, v.get(2).startMs());
    assertTrue(t.overshadowed().isEmpty());
    assertEquals(List.of("hour"), ids(t.lookup(5, 6)));
  }

  /** Random timelines checked instant by instant against the definition. */
  @Test
  void agreesWithAnInstantByInstantDefinition() {
    final long seed = new SplittableRandom().nextLong();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      final List<TimelineSegment> segments = new ArrayList<>();
      final int chunks = 1 + random.nextInt(6);
      for (int c = 0; c < chunks; c++) {
        final long start = random.nextInt(20);
        final long end = start + 1 + random.nextInt(10);
        final String version = "v" + random.nextInt(4);
        final int core = random.nextInt(3);
        // One version never holds two overlapping chunks (a version is written with one granularity).
        final boolean clash = segments.stream().anyMatch(s -> s.version().equals(version)
            && s.startMs() < end && start < s.endMs() && (s.startMs() != start || s.endMs() != end));
        if (clash) {
          continue;
        }
        final int present = random.nextInt(core + 2);
        for (int p = 0; p < present; p++) {
          final String id = "c" + c + "_" + version + "_" + start + "_" + end + "_" + p;
          if (segments.stream().noneMatch(s -> s.id().equals(id))) {
            segments.add(seg(id, start, end, version, p, core));
          }
        }
      }
      final Timeline t = Timeline.of(segments);
      for (long instant = 0; instant < 31; instant++) {
        final Set<String> expected = expectedAt(segments, instant);
        final Set<String> actual = new HashSet<>(ids(t.lookup(instant, instant + 1)));
        assertEquals(expected, actual, "seed=" + seed + " round=" + round + " instant=" + instant + " " + segments);
      }
      for (TimelineSegment s : segments) {
        boolean coveredEverywhere = true;
        for (long instant = s.startMs(); instant < s.endMs(); instant++) {
          coveredEverywhere &= coveredByHigher(segments, s, instant);
        }
        assertEquals(coveredEverywhere, t.overshadowed().contains(s.id()), "seed=" + seed + " " + s);
      }
    }
  }

  private static Set<String> expectedAt(List<TimelineSegment> segments, long instant) {
    String best = null;
    Set<String> ids = new HashSet<>();
    for (TimelineSegment s : segments) {
      if (s.startMs() <= instant && instant < s.endMs() && complete(segments, s)) {
        final String key = s.version() + "|" + s.startMs() + "|" + s.endMs();
        if (best == null || s.version().compareTo(best.substring(0, best.indexOf('|'))) > 0) {
          best = key;
        }
      }
    }
    if (best == null) {
      return ids;
    }
    for (TimelineSegment s : segments) {
      if ((s.version() + "|" + s.startMs() + "|" + s.endMs()).equals(best)) {
        ids.add(s.id());
      }
    }
    return ids;
  }

  private static boolean complete(List<TimelineSegment> segments, TimelineSegment s) {
    final List<TimelineSegment> same = segments.stream()
        .filter(o -> o.version().equals(s.version()) && o.startMs() == s.startMs() && o.endMs() == s.endMs())
        .toList();
    return Timeline.complete(new ArrayList<>(same));
  }

  private static boolean coveredByHigher(List<TimelineSegment> segments, TimelineSegment s, long instant) {
    for (TimelineSegment o : segments) {
      if (o.version().compareTo(s.version()) > 0 && o.startMs() <= instant && instant < o.endMs()
          && complete(segments, o)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> ids(List<VisibleSegment> visible) {
    return visible.stream().map(v -> v.segment().id()).toList();
  }
}
