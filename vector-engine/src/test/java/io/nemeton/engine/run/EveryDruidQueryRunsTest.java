package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.WikiData;
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
 * Every native query of Druid's query files (it-wiki, it-wikiticker, it-prebuilt-segments) runs
 * over the it-wiki segments without an unexpected error: each one answers, or is refused with
 * {@code UNSUPPORTED_OPERATION} for a documented reason (join and lookup data sources, registered
 * lookups). Answers are not compared here (most files expect other data); this is a sweep for
 * crashes over every query shape Druid's own tests use.
 */
class EveryDruidQueryRunsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("%%([A-Z_]+)%%");

  private static String fill(String text) {
    final Matcher matcher = PLACEHOLDER.matcher(text);
    final StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      final String name = matcher.group(1);
      final String value = switch (name) {
        case "DATASOURCE" -> "wikipedia";
        case "INTERVALS" -> "2013-08-31/2013-09-02";
        case "ANALYSIS_TYPE" -> "queryGranularity";
        case "FIELD_TO_QUERY" -> "\"page\"";
        default -> name.startsWith("EXPECTED_") ? "null"
            : name.endsWith("_END") ? "2013-09-02T00:00:00.000Z" : "2013-08-31T00:00:00.000Z";
      };
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  @Test
  void everyNativeQueryAnswersOrIsRefusedByName() throws Exception {
    final Path root = WikiData.dataDirectory().resolve("../../..").normalize();
    final List<Path> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(root.resolve("it-wiki/indexer"))) {
      paths.filter(path -> path.getFileName().toString().contains("queries")
          || path.getFileName().toString().equals("segment_metadata_query.json")).sorted().forEach(files::add);
    }
    files.add(root.resolve("it-wikiticker/nestedquerypushdown_queries.json"));
    try (Stream<Path> paths = Files.list(root.resolve("it-prebuilt-segments"))) {
      paths.sorted().forEach(files::add);
    }
    final ObjectMapper mapper = new ObjectMapper();
    final List<QueryableSegment> segments = new ArrayList<>();
    WikiData.segments("wikipedia").forEach(segment -> segments.add(QueryableSegment.of(segment)));
    final Map<String, Integer> refused = new TreeMap<>();
    final List<String> unexpected = new ArrayList<>();
    int answered = 0;
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2))) {
      for (Path file : files) {
        final JsonNode entries = mapper.readTree(fill(Files.readString(file)));
        for (int i = 0; i < entries.size(); i++) {
          final JsonNode node = entries.get(i).get("query");
          if (node.get("query") != null && node.get("query").isTextual()) {
            continue;
          }
          final String where = root.relativize(file) + "[" + i + "]";
          try {
            final Query query = QueryParser.parse(mapper.writeValueAsString(node));
            ResultJson.write(engine.run(query, segments));
            answered++;
          } catch (QueryException e) {
            if (e.code() == QueryErrorCode.UNSUPPORTED_OPERATION) {
              refused.merge(e.getMessage().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
            } else {
              unexpected.add(where + ": " + e);
            }
          } catch (RuntimeException e) {
            unexpected.add(where + ": " + e);
          }
        }
      }
    }
    System.out.println("answered " + answered + "; refused " + refused + "; unexpected " + unexpected);
    assertEquals(List.of(), unexpected);
  }
}
