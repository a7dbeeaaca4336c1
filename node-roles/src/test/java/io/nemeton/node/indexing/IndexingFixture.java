package io.nemeton.node.indexing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.node.storage.LocalDeepStorage;
import io.nemeton.node.timeline.Timeline;
import io.nemeton.node.timeline.TimelineSegment;
import io.nemeton.node.timeline.VisibleSegment;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.segment.format.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A real SQLite metadata file, local deep storage and a task runner under one temp directory. */
final class IndexingFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long DEADLINE_MS = 30_000;

  final Path root;
  final MetadataStore metadata;
  final LocalDeepStorage deepStorage;
  final AtomicInteger publishedCalls = new AtomicInteger();
  final TaskRunner runner;

  IndexingFixture(Path root, UnaryOperator<TaskRunnerConfig> tweak) throws IOException {
    this.root = root;
    this.metadata = MetadataStore.open(MetadataStoreConfig.sqlite(root.resolve("metadata.sqlite")));
    this.deepStorage = new LocalDeepStorage(root.resolve("deep-storage"));
    this.runner = new TaskRunner(tweak.apply(TaskRunnerConfig.defaults(root).withInputDirectory(root)), metadata,
        deepStorage, publishedCalls::incrementAndGet);
    runner.start();
  }

  IndexingFixture(Path root) throws IOException {
    this(root, UnaryOperator.identity());
  }

  /** Polls the task until it has finished, failing the test past the deadline. */
  TaskRecord await(String taskId) throws InterruptedException {
    final long deadline = System.currentTimeMillis() + DEADLINE_MS;
    while (System.currentTimeMillis() < deadline) {
      final TaskRecord record = runner.task(taskId).orElseThrow();
      if (record.state().isComplete()) {
        return record;
      }
      Thread.sleep(5);
    }
    return fail("task " + taskId + " did not finish within " + DEADLINE_MS + " ms");
  }

  /** The timeline of the datasource's used segments. */
  Timeline timeline(String dataSource) {
    final List<TimelineSegment> segments = new ArrayList<>();
    for (SegmentRecord record : metadata.segments().usedSegments(dataSource)) {
      segments.add(timelineSegment(record));
    }
    return Timeline.of(segments);
  }

  @SuppressWarnings("unchecked")
  static TimelineSegment timelineSegment(SegmentRecord record) {
    final Map<String, Object> shardSpec = (Map<String, Object>) SegmentPayload.map(record).get("shardSpec");
    return new TimelineSegment(record.id(), record.startMs(), record.endMs(), record.version(), record.partition(),
        ((Number) shardSpec.get("partitions")).intValue());
  }

  /** Rows a query over the whole datasource reads: the visible segments, opened from deep storage. */
  long visibleRows(String dataSource) throws IOException {
    long rows = 0;
    for (VisibleSegment visible : timeline(dataSource).visible()) {
      final SegmentRecord record = metadata.segments().segment(visible.segment().id()).orElseThrow();
      try (Segment segment = Segment.open(deepStorage.path(SegmentPayload.loadSpec(record)))) {
        rows += segment.rowCount();
      }
    }
    return rows;
  }

  /** An {@code index_parallel} task over inline data. */
  static ObjectNode inlineTask(String dataSource, String data, ObjectNode inputFormat, boolean append) {
    final ObjectNode source = JSON.createObjectNode().put("type", "inline").put("data", data);
    return task(dataSource, source, inputFormat, append);
  }

  /** An {@code index_parallel} task: timestamp {@code ts}, dimension {@code page}, metric sum of {@code added}. */
  static ObjectNode task(String dataSource, ObjectNode inputSource, ObjectNode inputFormat, boolean append) {
    final ObjectNode task = JSON.createObjectNode().put("type", "index_parallel");
    final ObjectNode spec = task.putObject("spec");
    final ObjectNode schema = spec.putObject("dataSchema").put("dataSource", dataSource);
    schema.putObject("timestampSpec").put("column", "ts").put("format", "iso");
    schema.putObject("dimensionsSpec").putArray("dimensions").add("page");
    final ArrayNode metrics = schema.putArray("metricsSpec");
    metrics.addObject().put("type", "count").put("name", "count");
    metrics.addObject().put("type", "longSum").put("name", "added").put("fieldName", "added");
    schema.putObject("granularitySpec").put("segmentGranularity", "day").put("queryGranularity", "none")
        .put("rollup", false);
    final ObjectNode io = spec.putObject("ioConfig").put("type", "index_parallel");
    io.set("inputSource", inputSource);
    io.set("inputFormat", inputFormat);
    io.put("appendToExisting", append);
    spec.putObject("tuningConfig").put("type", "index_parallel");
    return task;
  }

  static ObjectNode jsonFormat() {
    return JSON.createObjectNode().put("type", "json");
  }

  static ObjectNode csvFormat(String... columns) {
    final ObjectNode format = JSON.createObjectNode().put("type", "csv");
    final ArrayNode names = format.putArray("columns");
    for (String column : columns) {
      names.add(column);
    }
    return format;
  }

  /** JSON lines {@code {"ts": ..., "page": ..., "added": ...}} for (time, page, added) triples. */
  static String jsonRows(Object... triples) {
    final StringBuilder data = new StringBuilder();
    for (int i = 0; i < triples.length; i += 3) {
      data.append("{\"ts\":\"").append(triples[i]).append("\",\"page\":\"").append(triples[i + 1])
          .append("\",\"added\":").append(triples[i + 2]).append("}\n");
    }
    return data.toString();
  }

  @Override
  public void close() {
    runner.close();
    metadata.close();
  }
}
