package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Druid's own {@code wikipedia_index_queries.json} (timeBoundary, timeseries with sketches, groupBy
 * with having on a post-aggregator, stringFirst/stringLast) over the it-wiki rows, segmented as
 * {@code wikipedia_index_task.json} asks, compared as Druid's tests compare.
 */
@ExtendWith(LeakCheckExtension.class)
class WikiQueriesTest {
  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(TestSegments.Storage.class)
  void druidWikipediaIndexQueriesPass(TestSegments.Storage storage) throws Exception {
    final ObjectMapper mapper = new ObjectMapper();
    final Path file = WikiData.dataDirectory().resolve("../../indexer/wikipedia_index_queries.json").normalize();
    final String text = Files.readString(file).replace("%%DATASOURCE%%", "wikipedia_index_test");
    final List<ColumnarSegment> built = WikiData.segments("wikipedia_index_test");
    final List<QueryableSegment> segments = TestSegments.open(built, storage, directory);
    final StringBuilder failures = new StringBuilder();
    int passed = 0;
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2))) {
      for (JsonNode entry : mapper.readTree(text)) {
        final String description = entry.get("description").asText();
        try {
          final Query query = QueryParser.parse(mapper.writeValueAsString(entry.get("query")));
          final JsonNode actual = mapper.readTree(ResultJson.write(engine.run(query, segments)));
          if (JsonCompare.looselyEqual(entry.get("expectedResults"), actual)) {
            passed++;
          } else {
            failures.append(description).append(": expected ").append(entry.get("expectedResults"))
                .append(" actual ").append(actual).append('\n');
          }
        } catch (RuntimeException e) {
          failures.append(description).append(": ").append(e).append('\n');
        }
      }
    } finally {
      TestSegments.closeAll(segments);
    }
    assertTrue(failures.isEmpty(), passed + " passed; failures:\n" + failures);
  }
}
