package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.GoldenDatasets;
import io.nemeton.engine.testing.ResultAssertions;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnarSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every golden file under {@code src/test/resources/golden/} (sqllogictest style) under every
 * batch size (1, 7, 1024) and storage (heap, mapped). A file starts with {@code dataset: <name>};
 * cases are separated by a line {@code ====}; each case is comment lines ({@code #}), the query
 * JSON, a line {@code ----}, and the expected answer JSON (compared exactly, key order aside) or
 * {@code error: <text the message must contain>}.
 */
@ExtendWith(LeakCheckExtension.class)
class GoldenQueryTest {
  private static final int[] VECTOR_SIZES = {1, 7, 1024};

  @TempDir
  Path directory;

  record GoldenCase(String file, int index, String description, String query, String expected) {
  }

  static List<GoldenCase> read(Path file) throws IOException {
    final List<GoldenCase> cases = new ArrayList<>();
    final String text = Files.readString(file);
    final String[] chunks = text.split("(?m)^====\\s*$");
    for (int i = 0; i < chunks.length; i++) {
      final StringBuilder description = new StringBuilder();
      final StringBuilder query = new StringBuilder();
      final StringBuilder expected = new StringBuilder();
      boolean inExpected = false;
      for (String line : chunks[i].split("\n")) {
        if (!inExpected && (line.startsWith("#") || line.startsWith("dataset:"))) {
          description.append(line.replaceFirst("^#\\s*", "")).append(' ');
        } else if (line.trim().equals("----")) {
          inExpected = true;
        } else if (inExpected) {
          expected.append(line).append('\n');
        } else {
          query.append(line).append('\n');
        }
      }
      if (!query.toString().isBlank()) {
        cases.add(new GoldenCase(file.getFileName().toString(), i, description.toString().trim(), query.toString(),
            expected.toString().trim()));
      }
    }
    return cases;
  }

  static String dataset(Path file) throws IOException {
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("dataset:")) {
        return line.substring("dataset:".length()).trim();
      }
    }
    throw new IllegalStateException(file + ": no 'dataset:' line");
  }

  @Test
  void goldenFilesPass() throws Exception {
    final Path root = Path.of(GoldenQueryTest.class.getResource("/golden").toURI());
    final List<Path> files;
    try (Stream<Path> listing = Files.list(root)) {
      files = listing.filter(p -> p.toString().endsWith(".test")).sorted().toList();
    }
    assertTrue(files.size() > 0, "no golden files under " + root);
    final ObjectMapper mapper = new ObjectMapper();
    final StringBuilder failures = new StringBuilder();
    int checked = 0;
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2))) {
      for (Path file : files) {
        final List<ColumnarSegment> built = GoldenDatasets.dataset(dataset(file));
        for (TestSegments.Storage storage : TestSegments.Storage.values()) {
          final Path files2 = Files.createDirectories(directory.resolve(file.getFileName() + "-" + storage));
          final List<QueryableSegment> segments = TestSegments.open(built, storage, files2);
          try {
            for (GoldenCase golden : read(file)) {
              for (int vectorSize : VECTOR_SIZES) {
                final String where = golden.file() + " case " + golden.index() + " (" + golden.description() + ") "
                    + storage + " vectorSize=" + vectorSize;
                checked++;
                final String problem = check(engine, mapper, golden, segments, vectorSize);
                if (problem != null) {
                  failures.append(where).append(": ").append(problem).append('\n');
                }
              }
            }
          } finally {
            TestSegments.closeAll(segments);
          }
        }
      }
    }
    assertNull(failures.isEmpty() ? null : failures.toString(), checked + " runs; failures:\n" + failures);
  }

  private static String check(BatchEngine engine, ObjectMapper mapper, GoldenCase golden,
      List<QueryableSegment> segments, int vectorSize) throws IOException {
    final String actualText;
    try {
      Query query = QueryParser.parse(golden.query());
      query = query.withContext(query.context().with("vectorSize", (long) vectorSize));
      actualText = ResultJson.write(engine.run(query, segments));
    } catch (RuntimeException e) {
      if (golden.expected().startsWith("error:")) {
        final String wanted = golden.expected().substring("error:".length()).trim();
        return String.valueOf(e.getMessage()).contains(wanted) ? null
            : "expected an error containing '" + wanted + "' but got: " + e;
      }
      return "failed: " + e;
    }
    if (golden.expected().startsWith("error:")) {
      return "expected " + golden.expected() + " but got " + actualText;
    }
    final JsonNode expected;
    try {
      expected = mapper.readTree(golden.expected());
    } catch (IOException e) {
      return "the expected answer is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")\n    actual: " + actualText;
    }
    final JsonNode actual = mapper.readTree(actualText);
    final String difference = ResultAssertions.difference(expected, actual, "$");
    return difference == null ? null : difference + "\n    actual: " + actualText;
  }
}
