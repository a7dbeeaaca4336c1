package io.nemeton.node.indexing;

import static io.nemeton.node.indexing.IndexingFixture.inlineTask;
import static io.nemeton.node.indexing.IndexingFixture.jsonFormat;
import static io.nemeton.node.indexing.IndexingFixture.jsonRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.segment.time.IsoTimestamps;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {
  private static final long NOW = IsoTimestamps.parse("2024-05-01T12:34:56.789Z", false);

  @Test
  void generatedIdFollowsDruidsShape() {
    final TaskDefinition task = TaskDefinition.parse(
        inlineTask("wiki", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false).toString(), NOW,
        new SplittableRandom(7));
    assertTrue(task.id().matches("index_parallel_wiki_[a-z]{8}_2024-05-01T12:34:56\\.789Z"), task.id());
    assertEquals("index_parallel", task.type());
    assertEquals("wiki", task.dataSource());
    assertFalse(task.appendToExisting());
  }

  @Test
  void appendToExistingIsReadFromTheTaskOrTheBareSpec() {
    final ObjectNode task = inlineTask("wiki", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), true);
    assertTrue(TaskDefinition.parse(task.toString(), NOW, new SplittableRandom(1)).appendToExisting());
    final ObjectNode bare = (ObjectNode) task.get("spec");
    final TaskDefinition fromBare = TaskDefinition.parse(bare.toString(), NOW, new SplittableRandom(1));
    assertTrue(fromBare.appendToExisting());
    assertEquals("index_parallel", fromBare.type());
    ((ObjectNode) bare.get("ioConfig")).put("appendToExisting", 1);
    final TaskSpecException bad = assertThrows(TaskSpecException.class,
        () -> TaskDefinition.parse(bare.toString(), NOW, new SplittableRandom(1)));
    assertEquals("ioConfig.appendToExisting=1: must be true or false", bad.getMessage());
  }

  @Test
  void givenIdsAreChecked() {
    assertEquals("a-b_c.1", TaskDefinition.checkId("a-b_c.1"));
    assertEquals("id=\"a b\": must not contain '/', '\\\\', whitespace or control characters (found one at index 1)",
        assertThrows(TaskSpecException.class, () -> TaskDefinition.checkId("a b")).getMessage());
    assertThrows(TaskSpecException.class, () -> TaskDefinition.checkId(".hidden"));
    assertThrows(TaskSpecException.class, () -> TaskDefinition.checkId(""));
    assertThrows(TaskSpecException.class, () -> TaskDefinition.checkId("x".repeat(256)));
    final ObjectNode task = inlineTask("wiki", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false);
    task.put("id", 5);
    assertEquals("id=5: must be a string", assertThrows(TaskSpecException.class,
        () -> TaskDefinition.parse(task.toString(), NOW, new SplittableRandom(1))).getMessage());
  }

  @Test
  void configNamesTheBadProperty() {
    final TaskRunnerConfig defaults = TaskRunnerConfig.defaults(Path.of("/tmp/data"));
    assertEquals(Path.of("/tmp/data/task-work"), defaults.workDirectory());
    assertEquals("nemeton.indexer.poolSize=0: must be between 1 and 64",
        assertThrows(IllegalArgumentException.class, () -> defaults.withPoolSize(0)).getMessage());
    assertEquals("nemeton.indexer.maxPendingTasks=0: must be between 1 and 100000",
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxPendingTasks(0)).getMessage());
    assertThrows(NullPointerException.class, () -> defaults.withInputDirectory(null));
    assertThrows(IllegalArgumentException.class, () -> defaults.withInputDirectory(Path.of("/tmp/data/task-work/in")));
    final Properties properties = new Properties();
    properties.setProperty("nemeton.indexer.poolSize", "3");
    properties.setProperty("nemeton.indexer.inputDirectory", "/srv/input");
    final TaskRunnerConfig read = TaskRunnerConfig.fromProperties(properties, Path.of("/tmp/data"));
    assertEquals(3, read.poolSize());
    assertEquals(Path.of("/srv/input"), read.inputDirectory());
    assertEquals(TaskRunnerConfig.DEFAULT_MAX_PENDING_TASKS, read.maxPendingTasks());
    properties.setProperty("nemeton.indexer.maxReportMessages", "many");
    assertEquals("nemeton.indexer.maxReportMessages=\"many\": must be a whole number",
        assertThrows(IllegalArgumentException.class,
            () -> TaskRunnerConfig.fromProperties(properties, Path.of("/tmp/data"))).getMessage());
    properties.setProperty("nemeton.indexer.maxReportMessages", "1");
    properties.setProperty("nemeton.indexer.workDirectory", "/");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TaskRunnerConfig.fromProperties(properties, Path.of("/tmp/data"))).getMessage()
        .startsWith("nemeton.indexer.workDirectory=/: must be a directory of its own"));
  }
}
