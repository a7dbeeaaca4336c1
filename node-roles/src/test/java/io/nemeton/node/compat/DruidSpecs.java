package io.nemeton.node.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Druid's integration-test task specs from {@code testdata/druid-compat/it-wiki/indexer}, with
 * their {@code %%PLACEHOLDERS%%} filled the way Druid's tests fill them, and the few edits the
 * suite makes to emulate a test step (a coarser granularity for compaction, an append, a narrower
 * filter, an input read twice). Stateless.
 */
final class DruidSpecs {
  static final Path COMPAT = ServerUnderTest.HOME.resolve("testdata/druid-compat");
  static final Path INDEXER = COMPAT.resolve("it-wiki/indexer");
  static final Path DATA = COMPAT.resolve("it-wiki/data");

  private DruidSpecs() {}

  /**
   * Placeholder values. {@code variant} picks the input format of the local-input-source spec
   * ({@code json}, {@code csv}, {@code tsv}); the cloud, SQL and reindex values only make those
   * specs valid JSON so the server can refuse them by name.
   */
  static Map<String, String> placeholders(String dataSource, String variant) {
    final Map<String, String> values = new LinkedHashMap<>();
    values.put("%%DATASOURCE%%", dataSource);
    values.put("%%REINDEX_DATASOURCE%%", dataSource + "_reindex");
    values.put("%%COMBINING_DATASOURCE%%", dataSource + "_combining");
    values.put("%%JOIN_DATASOURCE%%", dataSource);
    values.put("%%DATA_DIRECTORY%%", DATA.toString());
    values.put("%%SEGMENT_AVAIL_TIMEOUT_MILLIS%%", "0");
    values.put("%%FORCE_GUARANTEED_ROLLUP%%", "false");
    values.put("%%PARTITIONS_SPEC%%", "{\"type\": \"dynamic\"}");
    values.put("%%APPEND_TO_EXISTING%%", "false");
    values.put("%%DROP_EXISTING%%", "false");
    values.put("%%USE_NESTED_COLUMN_INDEXER%%", "true");
    values.put("%%INPUT_FORMAT%%", variant.equals("json") ? "{\"type\": \"json\"}"
        : "{\"type\": \"" + variant + "\", \"findColumnsFromHeader\": true}");
    values.put("%%INPUT_FORMAT_TYPE%%", "json");
    values.put("%%INPUT_SOURCE_BASE_DIR%%", DATA.resolve(variant).toString());
    values.put("%%INPUT_SOURCE_FILTER%%", variant.equals("json") ? "tiny_wiki*" : "wikipedia_index_data*");
    values.put("%%INPUT_SOURCE_TYPE%%", "s3");
    values.put("%%INPUT_SOURCE_PROPERTY_KEY%%", "uris");
    values.put("%%INPUT_SOURCE_PROPERTY_VALUE%%", "[\"s3://bucket/tiny_wiki_1.json\"]");
    values.put("%%INPUT_SOURCE_CONFIG%%", "{}");
    values.put("%%CONNECT_URI%%", "jdbc:postgresql://127.0.0.1:5432/druid");
    values.put("%%USERNAME%%", "druid");
    values.put("%%PASSWORD%%", "druid");
    values.put("%%SQL_QUERY%%", "[\"SELECT * FROM wiki\"]");
    values.put("%%GRANULARITY_SPEC%%", "{\"segmentGranularity\": \"YEAR\"}");
    values.put("%%SEGMENT_GRANULARITY%%", "YEAR");
    values.put("%%GRANULARITYSPEC%%", "{\"segmentGranularity\": \"DAY\", \"queryGranularity\": \"HOUR\", "
        + "\"intervals\": [\"2013-08-31/2013-09-02\"]}");
    return values;
  }

  /** A spec file from {@code it-wiki/indexer} with every placeholder filled. */
  static String filled(String file, String dataSource, String variant) throws IOException {
    String spec = Files.readString(INDEXER.resolve(file));
    for (Map.Entry<String, String> value : placeholders(dataSource, variant).entrySet()) {
      spec = spec.replace(value.getKey(), value.getValue());
    }
    if (spec.contains("%%")) {
      throw new IllegalStateException(file + " still has a placeholder: " + spec.substring(spec.indexOf("%%")));
    }
    return spec;
  }

  /** A query file with its datasource filled. */
  static String queries(Path file, String dataSource) throws IOException {
    return Files.readString(file).replace("%%DATASOURCE%%", dataSource);
  }

  /** Druid's compaction step, emulated: the same input ingested again with these granularities. */
  static String granularity(String spec, String segmentGranularity, String queryGranularity) throws IOException {
    final ObjectNode root = (ObjectNode) ServerUnderTest.JSON.readTree(spec);
    final ObjectNode granularity = (ObjectNode) root.path("spec").path("dataSchema").path("granularitySpec");
    granularity.put("segmentGranularity", segmentGranularity);
    granularity.put("queryGranularity", queryGranularity);
    return ServerUnderTest.JSON.writeValueAsString(root);
  }

  /** Sets {@code ioConfig} fields (append, drop, a filter) on a spec. */
  static String ioConfig(String spec, Map<String, Object> fields) throws IOException {
    final ObjectNode root = (ObjectNode) ServerUnderTest.JSON.readTree(spec);
    final ObjectNode io = (ObjectNode) root.path("spec").path("ioConfig");
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      switch (field.getValue()) {
        case Boolean flag -> io.put(field.getKey(), flag);
        case String text -> ((ObjectNode) io.path("inputSource")).put(field.getKey(), text);
        default -> throw new IllegalArgumentException("field " + field.getKey() + " value " + field.getValue());
      }
    }
    return ServerUnderTest.JSON.writeValueAsString(root);
  }

  /** The JSON input listed twice: every row reaches the task two times (Druid's double ingestion). */
  static String inputTwice(String spec) throws IOException {
    final ObjectNode root = (ObjectNode) ServerUnderTest.JSON.readTree(spec);
    final ObjectNode source = (ObjectNode) root.path("spec").path("ioConfig").path("inputSource");
    source.remove("baseDir");
    source.remove("filter");
    final ArrayNode files = source.putArray("files");
    for (int copy = 0; copy < 2; copy++) {
      for (int i = 1; i <= 3; i++) {
        files.add(DATA.resolve("json/tiny_wiki_" + i + ".json").toString());
      }
    }
    return ServerUnderTest.JSON.writeValueAsString(root);
  }
}
