package io.nemeton.engine.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nemeton.engine.query.datasource.QueryDataSource;
import io.nemeton.engine.query.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every native query of Druid's own integration-test query files, round trips each one
 * (parse, write, parse again: equal, and the same cache key), and prints how many parse.
 */
class DruidCompatibilityQueriesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("%%([A-Z_]+)%%");

  @Test
  void everyNativeQueryParsesAndRoundTrips() throws IOException {
    final Path root = TestData.root().resolve("druid-compat");
    final List<Path> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(root.resolve("it-wiki/indexer"))) {
      paths.filter(path -> path.getFileName().toString().contains("queries")
          || path.getFileName().toString().equals("segment_metadata_query.json")).sorted().forEach(files::add);
    }
    files.add(root.resolve("it-wikiticker/nestedquerypushdown_queries.json"));
    try (Stream<Path> paths = Files.list(root.resolve("it-prebuilt-segments"))) {
      paths.sorted().forEach(files::add);
    }

    int entries = 0;
    int sql = 0;
    int parsed = 0;
    int nested = 0;
    final Map<String, Integer> byType = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    for (Path file : files) {
      final JsonNode array = JsonTrees.read(fillPlaceholders(Files.readString(file, StandardCharsets.UTF_8)));
      for (int i = 0; i < array.size(); i++) {
        entries++;
        final JsonNode query = array.get(i).get("query");
        if (query.get("query") != null && query.get("query").isTextual()) {
          sql++;
          continue;
        }
        final String where = root.relativize(file) + "[" + i + "]";
        try {
          final Query first = QueryParser.parse(query, "");
          final String written = first.toJson();
          final Query second = QueryParser.parse(written);
          assertEquals(first, second, where + ": round trip changed the query");
          assertEquals(written, second.toJson(), where + ": writing is not stable");
          assertArrayEquals(first.cacheKey(), second.cacheKey(), where + ": cache key changed");
          parsed++;
          byType.merge(first.queryType(), 1, Integer::sum);
          if (first.dataSource() instanceof QueryDataSource) {
            nested++;
          }
        } catch (QueryException e) {
          failures.add(where + ": " + e.getMessage());
        }
      }
    }
    System.out.printf("druid-compat native queries: %d files, %d entries, %d SQL skipped, %d parsed and round-tripped "
        + "(%d with a query data source), %d failed; by type %s%n", files.size(), entries, sql, parsed, nested,
        failures.size(), byType);
    failures.forEach(failure -> System.out.println("  FAILED " + failure));
    assertTrue(failures.isEmpty(), "failures: " + failures);
    assertTrue(parsed >= 80, "expected at least 80 native queries, parsed " + parsed);
  }

  /**
   * Druid's test harness fills {@code %%NAME%%} placeholders before running a file; fill them with
   * plausible values: instants for times, a datasource name, JSON for the unquoted ones.
   */
  static String fillPlaceholders(String text) {
    final Matcher matcher = PLACEHOLDER.matcher(text);
    final StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      final String name = matcher.group(1);
      final String value;
      if (name.equals("DATASOURCE")) {
        value = "wikipedia_index_test";
      } else if (name.equals("INTERVALS")) {
        value = "2013-08-31/2013-09-01";
      } else if (name.equals("ANALYSIS_TYPE")) {
        value = "queryGranularity";
      } else if (name.equals("FIELD_TO_QUERY")) {
        value = "\"page\"";
      } else if (name.startsWith("EXPECTED_")) {
        value = "null";
      } else if (name.endsWith("_END")) {
        value = "2013-09-01T00:00:00.000Z";
      } else {
        value = "2013-08-31T00:00:00.000Z";
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}
