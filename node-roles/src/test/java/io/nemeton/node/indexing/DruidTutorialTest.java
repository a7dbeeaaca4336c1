package io.nemeton.node.indexing;

import static io.nemeton.node.indexing.IndexingFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import io.nemeton.node.timeline.VisibleSegment;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.segment.format.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's "updating existing data" tutorial with its own specs and data ({@code
 * testdata/druid-compat/quickstart/updates-*}): load, overwrite, append.
 */
@ExtendWith(LeakCheckExtension.class)
class DruidTutorialTest {
  private static final String DS = "updates-tutorial";

  @TempDir
  Path root;

  @Test
  void loadOverwriteAndAppendAsTheTutorialDoes() throws Exception {
    final Path quickstart = repository().resolve("testdata/druid-compat/quickstart");
    try (IndexingFixture fixture = new IndexingFixture(root)) {
      run(fixture, quickstart, "updates-init-index.json");
      assertEquals(List.of("aardvark", "giraffe", "tiger"), animals(fixture));

      run(fixture, quickstart, "updates-overwrite-index.json");
      assertEquals(List.of("aardvark", "bear", "lion"), animals(fixture), "the overwrite replaced every row");

      // The tutorial's first append reads the datasource back (a druid input source): refused by name.
      final TaskSpecException combining = assertThrows(TaskSpecException.class,
          () -> fixture.runner.submit(spec(quickstart, "updates-append-index.json").toString()));
      assertTrue(combining.getMessage().startsWith("spec.ioConfig.inputSource"), combining.getMessage());

      run(fixture, quickstart, "updates-append-index2.json");
      assertEquals(List.of("aardvark", "bear", "bear", "falcon", "lion"), animals(fixture),
          "appended rows sit beside the old ones (rollup is per segment)");
      assertEquals(2, fixture.timeline(DS).visible().size());
    }
  }

  private static void run(IndexingFixture fixture, Path quickstart, String specFile) throws Exception {
    final TaskRecord record = fixture.await(fixture.runner.submit(spec(quickstart, specFile).toString()));
    assertEquals(TaskState.SUCCESS, record.state(), specFile + ": " + record.errorMessage());
  }

  /** The tutorial spec with its {@code quickstart/tutorial} base directory pointed at the copy here. */
  private static ObjectNode spec(Path quickstart, String specFile) throws Exception {
    final ObjectNode spec = (ObjectNode) JSON.readTree(quickstart.resolve(specFile).toFile());
    final ObjectNode source = (ObjectNode) spec.at("/spec/ioConfig/inputSource");
    if (source.has("baseDir")) {
      source.put("baseDir", quickstart.toString());
    }
    return spec;
  }

  /** The animal of every visible row, sorted. */
  private static List<String> animals(IndexingFixture fixture) throws Exception {
    final List<String> animals = new ArrayList<>();
    for (VisibleSegment visible : fixture.timeline(DS).visible()) {
      final SegmentRecord record = fixture.metadata.segments().segment(visible.segment().id()).orElseThrow();
      try (Segment segment = Segment.open(fixture.deepStorage.path(SegmentPayload.loadSpec(record)))) {
        final int[] ids = new int[segment.rowsPerBlock()];
        final var column = segment.stringColumn("animal");
        int row = 0;
        for (int block = 0; row < segment.rowCount(); block++) {
          final int count = column.readIdsBlock(block, ids);
          for (int i = 0; i < count; i++) {
            animals.add(column.value(ids[i]));
          }
          row += count;
        }
      }
    }
    animals.sort(null);
    return animals;
  }

  private static Path repository() {
    Path directory = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(directory.resolve("testdata/druid-compat"))) {
      directory = directory.getParent();
    }
    return directory;
  }
}
