package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.engine.testing.WikiData;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Druid's own integration pairs from {@code testdata/druid-compat/it-wiki/indexer/}: the task spec
 * is ingested by Nemeton's batch ingestion, the segments are queried on both storages, and each
 * query's answer is compared with Druid's {@code expectedResults} as Druid's tests compare them
 * (numbers by value, keys in any order). The report lists every failure with its reason; the
 * assertion pins how many pass so that a regression fails the build.
 *
 * <p>Pairs left out, and why: {@code wikipedia_index_schemaless_queries.json} holds SQL only;
 * {@code wikipedia_index_task_with_inputsource_transform.json} is refused by ingestion (transforms
 * need the expression language, which segment-io cannot import); the reindex tasks read an existing
 * datasource; {@code wikipedia_index_rollup_queries.json} needs per-test expected values filled in.
 * The hour and year query files follow Druid's compaction test, emulated by re-ingesting with that
 * granularity.
 */
@ExtendWith(LeakCheckExtension.class)
class DruidIngestCompatibilityTest {
  @TempDir
  Path directory;

  /** Placeholder values as Druid's integration tests fill them; {@code variant} picks the input format. */
  private static Map<String, String> placeholders(String dataSource, Path data, String variant) {
    final Map<String, String> values = new HashMap<>();
    values.put("%%DATASOURCE%%", dataSource);
    values.put("%%DATA_DIRECTORY%%", data.toString());
    values.put("%%SEGMENT_AVAIL_TIMEOUT_MILLIS%%", "0");
    values.put("%%FORCE_GUARANTEED_ROLLUP%%", "false");
    values.put("%%PARTITIONS_SPEC%%", "{\"type\": \"dynamic\"}");
    values.put("%%APPEND_TO_EXISTING%%", "false");
    values.put("%%DROP_EXISTING%%", "false");
    values.put("%%USE_NESTED_COLUMN_INDEXER%%", "false");
    values.put("%%INPUT_FORMAT%%", variant.equals("json") ? "{\"type\": \"json\"}"
        : "{\"type\": \"" + variant + "\", \"findColumnsFromHeader\": true}");
    values.put("%%INPUT_SOURCE_BASE_DIR%%", data.resolve(variant).toString());
    values.put("%%INPUT_SOURCE_FILTER%%", variant.equals("json") ? "tiny_wiki*" : "wikipedia_index_data*");
    values.put("%%GRANULARITYSPEC%%", switch (variant) {
      case "year" -> "{\"segmentGranularity\": \"YEAR\", \"queryGranularity\": \"YEAR\", "
          + "\"intervals\": [\"2013-08-31/2013-09-02\"]}";
      default -> "{\"segmentGranularity\": \"DAY\", \"queryGranularity\": \"HOUR\", "
          + "\"intervals\": [\"2013-08-31/2013-09-02\"]}";
    });
    return values;
  }

  /**
   * Druid's compaction tests re-ingest the it-wiki segments with a coarser granularity and then run
   * the hour and year query files; re-ingesting the same input with that granularity gives the same
   * segments.
   */
  private static String compacted(String spec, String segmentGranularity, String queryGranularity)
      throws java.io.IOException {
    final ObjectMapper mapper = new ObjectMapper();
    final com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(spec);
    final com.fasterxml.jackson.databind.node.ObjectNode granularity =
        (com.fasterxml.jackson.databind.node.ObjectNode) root.path("spec").path("dataSchema").path("granularitySpec");
    granularity.put("segmentGranularity", segmentGranularity);
    granularity.put("queryGranularity", queryGranularity);
    return mapper.writeValueAsString(root);
  }

  @ParameterizedTest(name = "{0} + {1} ({2})")
  @CsvSource({
      "wikipedia_index_task.json, wikipedia_index_queries.json, json, 4",
      "wikipedia_local_input_source_index_task.json, wikipedia_index_queries.json, json, 4",
      "wikipedia_local_input_source_index_task.json, wikipedia_index_queries.json, csv, 4",
      "wikipedia_local_input_source_index_task.json, wikipedia_index_queries.json, tsv, 4",
      "wikipedia_merge_index_task.json, wikipedia_merge_index_queries.json, json, 1",
      "wikipedia_index_task.json, wikipedia_index_queries_hour_query_granularity.json, compactHour, 4",
      "wikipedia_index_task.json, wikipedia_index_queries_year_query_granularity.json, compactYear, 4",
      "json_path_index_task.json, json_path_index_queries.json, json, 1",
  })
  void druidQueriesOverIngestedSegments(String task, String queries, String variant, int expectedPasses)
      throws Exception {
    final Path indexer = WikiData.dataDirectory().resolve("../../indexer").normalize();
    final Path data = WikiData.dataDirectory().resolve("..").normalize();
    final String dataSource = "wikipedia_compat";
    String spec = Files.readString(indexer.resolve(task));
    for (Map.Entry<String, String> placeholder : placeholders(dataSource, data, variant).entrySet()) {
      spec = spec.replace(placeholder.getKey(), placeholder.getValue());
    }
    if (variant.startsWith("compact")) {
      spec = compacted(spec, variant.equals("compactHour") ? "DAY" : "YEAR", variant.equals("compactHour") ? "HOUR"
          : "YEAR");
    }
    final List<ColumnarSegment> segments = new ArrayList<>();
    BatchIngestion.run(IngestionSpec.parse(spec), IngestOptions.defaults(directory.resolve("tmp")), segments::add);
    runQueries(segments, indexer.resolve(queries), dataSource, task + " (" + variant + ") + " + queries,
        expectedPasses);
  }

  /** Druid's wikiticker sample (39,244 rows) and its five nested groupBy queries. */
  @org.junit.jupiter.api.Test
  void wikitickerNestedGroupByQueries() throws Exception {
    final Path compat = WikiData.dataDirectory().resolve("../../..").normalize();
    final String spec = Files.readString(compat.resolve("it-wikiticker/wikiticker_index_task.json"))
        .replace("%%DATASOURCE%%", "wikiticker")
        .replace("/shared/wikiticker-it", compat.resolve("../../samples").normalize().toString());
    final List<ColumnarSegment> segments = new ArrayList<>();
    BatchIngestion.run(IngestionSpec.parse(spec), IngestOptions.defaults(directory.resolve("tmp")), segments::add);
    runQueries(segments, compat.resolve("it-wikiticker/nestedquerypushdown_queries.json"), "wikiticker",
        "wikiticker_index_task.json + nestedquerypushdown_queries.json", 5);
  }

  private void runQueries(List<ColumnarSegment> segments, Path queries, String dataSource, String name,
      int expectedPasses) throws Exception {
    final ObjectMapper mapper = new ObjectMapper();
    final JsonNode cases = mapper.readTree(Files.readString(queries).replace("%%DATASOURCE%%", dataSource));
    for (TestSegments.Storage storage : TestSegments.Storage.values()) {
      final List<QueryableSegment> opened = TestSegments.open(segments, storage,
          Files.createDirectories(directory.resolve(storage.name())));
      final StringBuilder report = new StringBuilder();
      int passed = 0;
      try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2))) {
        for (JsonNode entry : cases) {
          final String description = entry.path("description").asText("?");
          try {
            final Query query = QueryParser.parse(mapper.writeValueAsString(entry.get("query")));
            final JsonNode actual = mapper.readTree(ResultJson.write(engine.run(query, opened)));
            if (JsonCompare.looselyEqual(entry.get("expectedResults"), actual)) {
              passed++;
            } else {
              report.append("  FAIL ").append(description).append(": expected ").append(entry.get("expectedResults"))
                  .append("\n       actual   ").append(actual).append('\n');
            }
          } catch (RuntimeException e) {
            report.append("  FAIL ").append(description).append(": ").append(e).append('\n');
          }
        }
      } finally {
        TestSegments.closeAll(opened);
      }
      System.out.println(name + " on " + storage + ": " + passed + " of " + cases.size()
          + " pass (" + segments.size() + " segments)\n" + report);
      assertEquals(expectedPasses, passed, storage + ": " + passed + " of " + cases.size() + " pass\n" + report);
    }
  }
}
