package io.nemeton.node.indexing;

import static io.nemeton.node.indexing.IndexingFixture.inlineTask;
import static io.nemeton.node.indexing.IndexingFixture.jsonFormat;
import static io.nemeton.node.indexing.IndexingFixture.jsonRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import io.nemeton.node.timeline.Timeline;
import io.nemeton.node.timeline.TimelineSegment;
import io.nemeton.node.timeline.VisibleSegment;
import io.nemeton.segment.time.IsoTimestamps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code appendToExisting}: true adds partitions to the chunk's version, false overshadows it. */
@ExtendWith(LeakCheckExtension.class)
class AppendReplaceTest {
  private static final String DS = "versions";
  private static final long MAY_1 = IsoTimestamps.parse("2024-05-01", false);
  private static final long MAY_3 = IsoTimestamps.parse("2024-05-03", false);

  @TempDir
  Path root;

  @Test
  void appendAddsPartitionsAndReplaceOvershadowsEverything() throws Exception {
    try (IndexingFixture fixture = new IndexingFixture(root)) {
      final String first = run(fixture, inlineTask(DS, jsonRows("2024-05-01T01:00:00Z", "a", 1,
          "2024-05-01T02:00:00Z", "b", 1, "2024-05-01T03:00:00Z", "c", 1), jsonFormat(), false));
      assertEquals(3, fixture.visibleRows(DS));
      final String firstVersion = onlyVersion(fixture, MAY_1);

      run(fixture, inlineTask(DS, jsonRows("2024-05-01T04:00:00Z", "d", 1, "2024-05-01T05:00:00Z", "e", 1,
          "2024-05-03T01:00:00Z", "f", 1), jsonFormat(), true));
      assertEquals(6, fixture.visibleRows(DS), "old and new rows after an append");
      List<TimelineSegment> may1 = chunk(fixture, MAY_1);
      assertEquals(List.of(0, 1), partitions(may1));
      assertEquals(Set.of(firstVersion), versions(may1), "the append joined the existing version");
      assertEquals(List.of(1, 0), cores(may1), "appended partitions declare no core set");
      assertEquals(List.of(0), partitions(chunk(fixture, MAY_3)), "a new chunk starts at partition 0");

      final ObjectNode small = inlineTask(DS, jsonRows("2024-05-01T06:00:00Z", "g", 1, "2024-05-01T07:00:00Z", "h",
          1), jsonFormat(), true);
      ((ObjectNode) small.at("/spec/tuningConfig")).put("maxRowsPerSegment", 1);
      run(fixture, small);
      assertEquals(8, fixture.visibleRows(DS));
      assertEquals(List.of(0, 1, 2, 3), partitions(chunk(fixture, MAY_1)));

      final String replace = run(fixture, inlineTask(DS, jsonRows("2024-05-01T08:00:00Z", "z", 1), jsonFormat(),
          false));
      assertEquals(2, fixture.visibleRows(DS), "only the new rows of May 1, and May 3 untouched");
      final String newVersion = onlyVisibleVersion(fixture, MAY_1);
      assertTrue(newVersion.compareTo(firstVersion) > 0, newVersion + " > " + firstVersion);
      final Timeline timeline = fixture.timeline(DS);
      assertEquals(4, timeline.overshadowed().size(), timeline.overshadowed()::toString);
      assertTrue(timeline.overshadowed().stream().allMatch(id -> id.contains(firstVersion)));
      assertTrue(fixture.metadata.tasks().readLog(replace, 0, 100).stream()
          .anyMatch(line -> line.contains("appendToExisting=false")));
      assertTrue(fixture.metadata.tasks().readLog(first, 0, 100).size() >= 3);
    }
  }

  @Test
  void appendingWithAnotherSegmentGranularityFailsClearly() throws Exception {
    try (IndexingFixture fixture = new IndexingFixture(root)) {
      run(fixture, inlineTask(DS, jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false));
      final ObjectNode monthly = inlineTask(DS, jsonRows("2024-05-02T01:00:00Z", "b", 1), jsonFormat(), true);
      ((ObjectNode) monthly.at("/spec/dataSchema/granularitySpec")).put("segmentGranularity", "month");
      final TaskRecord record = fixture.await(fixture.runner.submit(monthly.toString()));
      assertEquals(TaskState.FAILED, record.state());
      assertTrue(record.errorMessage().startsWith("appendToExisting: the chunk 2024-05-01T00:00:00.000Z/"
          + "2024-06-01T00:00:00.000Z overlaps used segment versions_2024-05-01T00:00:00.000Z_"),
          record.errorMessage());
      assertEquals(1, fixture.visibleRows(DS), "nothing was published");
      assertTrue(fixture.deepStorage.root().resolve(DS).toFile().exists());
    }
  }

  private static String run(IndexingFixture fixture, ObjectNode task) throws InterruptedException {
    final String id = fixture.runner.submit(task.toString());
    final TaskRecord record = fixture.await(id);
    assertEquals(TaskState.SUCCESS, record.state(), record.errorMessage());
    return id;
  }

  private static List<TimelineSegment> chunk(IndexingFixture fixture, long startMs) {
    final List<TimelineSegment> out = new ArrayList<>();
    for (SegmentRecord record : fixture.metadata.segments().usedSegments(DS)) {
      if (record.startMs() == startMs) {
        out.add(IndexingFixture.timelineSegment(record));
      }
    }
    return out;
  }

  private static String onlyVersion(IndexingFixture fixture, long startMs) {
    final Set<String> versions = versions(chunk(fixture, startMs));
    assertEquals(1, versions.size(), versions::toString);
    return versions.iterator().next();
  }

  private static String onlyVisibleVersion(IndexingFixture fixture, long startMs) {
    final Set<String> versions = fixture.timeline(DS).visible().stream()
        .filter(v -> v.segment().startMs() == startMs)
        .map(VisibleSegment::segment).map(TimelineSegment::version).collect(Collectors.toSet());
    assertEquals(1, versions.size(), versions::toString);
    return versions.iterator().next();
  }

  private static List<Integer> partitions(List<TimelineSegment> segments) {
    return segments.stream().map(TimelineSegment::partition).sorted().toList();
  }

  private static List<Integer> cores(List<TimelineSegment> segments) {
    return segments.stream().sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
        .map(TimelineSegment::corePartitions).toList();
  }

  private static Set<String> versions(List<TimelineSegment> segments) {
    return segments.stream().map(TimelineSegment::version).collect(Collectors.toSet());
  }
}
