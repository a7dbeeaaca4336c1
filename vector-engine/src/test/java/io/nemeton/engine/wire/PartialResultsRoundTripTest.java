package io.nemeton.engine.wire;

import static org.junit.jupiter.api.Assertions.fail;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.RandomData;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test: over random segments (heap and mapped) and random queries of all eight types,
 * {@code finish(merge(decode(encode(runSegment(s_i)))))} must write exactly the JSON of {@code
 * finish(merge(runSegment(s_i)))}; a partial merged on a data node, encoded, decoded and merged
 * again on the broker must answer as the same two merges without the wire; and re-encoding a decoded partial must give the same bytes. Seeded; a failure
 * prints the seed and the query. Re-run one seed with {@code -Dnemeton.seed=<seed>}. Prints the
 * sizes of the encodings once.
 */
@ExtendWith(LeakCheckExtension.class)
class PartialResultsRoundTripTest {
  private static final int DATASETS = Integer.getInteger("nemeton.datasets", 3);
  private static final int QUERIES_PER_DATASET = Integer.getInteger("nemeton.queries", 16);

  @TempDir
  Path directory;

  /** Bytes of each segment's encoding, and rows or groups it carried, by query type. */
  private final Map<String, long[]> sizes = new TreeMap<>();

  @Test
  void decodedPartialsMergeToTheSameAnswer() throws Exception {
    final long baseSeed = Long.getLong("nemeton.seed", System.nanoTime());
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      for (int d = 0; d < DATASETS; d++) {
        final long seed = baseSeed + d;
        final RandomData.Dataset dataset = RandomData.dataset(new SplittableRandom(seed));
        final Path files = Files.createDirectories(directory.resolve("d" + d));
        for (TestSegments.Storage storage : TestSegments.Storage.values()) {
          final List<QueryableSegment> segments = TestSegments.open(dataset.segments(), storage, files);
          try {
            final RandomWireQueries queries = new RandomWireQueries(new SplittableRandom(seed * 31));
            for (int q = 0; q < QUERIES_PER_DATASET; q++) {
              final String text = queries.query(q);
              try {
                check(engine, QueryParser.parse(text), segments, storage == TestSegments.Storage.HEAP);
              } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed=" + seed + " storage=" + storage + " query=" + text + ": " + e, e);
              }
            }
          } finally {
            TestSegments.closeAll(segments);
          }
        }
      }
    }
    final StringBuilder report = new StringBuilder("partial result encodings (per segment):");
    sizes.forEach((type, totals) -> report.append(String.format("%n  %-18s %4d partials, mean %7.1f bytes, max %6d",
        type, totals[0], (double) totals[1] / Math.max(1, totals[0]), totals[2])));
    System.out.println(report);
  }

  private void check(BatchEngine engine, Query query, List<QueryableSegment> segments, boolean record) {
    final String expected = ResultJson.write(engine.finish(query, engine.merge(query, run(engine, query, segments))));

    final List<PartialResult> decoded = new ArrayList<>();
    for (QueryableSegment segment : segments) {
      final byte[] bytes = PartialResults.encode(query, engine.runSegment(query, segment));
      decoded.add(decodeInside(query, bytes));
      if (record) {
        final long[] totals = sizes.computeIfAbsent(query.getClass().getSimpleName(), t -> new long[3]);
        totals[0]++;
        totals[1] += bytes.length;
        totals[2] = Math.max(totals[2], bytes.length);
      }
    }
    final String perSegment = ResultJson.write(engine.finish(query, engine.merge(query, decoded)));
    if (!expected.equals(perSegment)) {
      fail("per-segment partials through the wire answer differently" + firstDifference(expected, perSegment));
    }

    // a data node merges its segments, the broker decodes that one partial and merges it alone: the
    // same answer as one merge of every segment's partial (merging a merged partial changes nothing)
    final String twice = ResultJson.write(engine.finish(query, engine.merge(query,
        List.of(engine.merge(query, run(engine, query, segments))))));
    if (!expected.equals(twice)) {
      fail("merging a merged partial answers differently" + firstDifference(expected, twice));
    }
    final byte[] merged = PartialResults.encode(query, engine.merge(query, run(engine, query, segments)));
    final String nodeMerged = ResultJson.write(engine.finish(query,
        engine.merge(query, List.of(decodeInside(query, merged)))));
    if (!twice.equals(nodeMerged)) {
      fail("a merged partial through the wire answers differently" + firstDifference(twice, nodeMerged));
    }
  }

  private static String firstDifference(String expected, String actual) {
    int at = 0;
    while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    final int from = Math.max(0, at - 150);
    return " at character " + at + "\nexpected=..." + expected.substring(from, Math.min(expected.length(), at + 80))
        + "\nactual=  ..." + actual.substring(from, Math.min(actual.length(), at + 80));
  }

  private static List<PartialResult> run(BatchEngine engine, Query query, List<QueryableSegment> segments) {
    final List<PartialResult> partials = new ArrayList<>();
    for (QueryableSegment segment : segments) {
      partials.add(engine.runSegment(query, segment));
    }
    return partials;
  }

  /** Decodes from the middle of a larger array, and checks that re-encoding gives the same bytes. */
  private static PartialResult decodeInside(Query query, byte[] bytes) {
    final byte[] padded = new byte[bytes.length + 5];
    Arrays.fill(padded, (byte) 0x5A);
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    final PartialResult partial = PartialResults.decode(query, padded, 3, bytes.length);
    final byte[] again = PartialResults.encode(query, partial);
    if (!Arrays.equals(bytes, again)) {
      final int at = Arrays.mismatch(bytes, again);
      fail("re-encoding a decoded partial of " + bytes.length + " bytes changed it (now " + again.length
          + " bytes) from offset " + at);
    }
    return PartialResults.decode(query, bytes, 0, bytes.length);
  }
}
