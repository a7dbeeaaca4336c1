package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.query.ScanQuery;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.TopNQuery;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.NaiveEngine;
import io.nemeton.engine.testing.RandomData;
import io.nemeton.engine.testing.RandomEngineQueries;
import io.nemeton.engine.testing.ResultAssertions;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test: random segments and random timeseries, groupBy, topN and scan queries, answered by the engine
 * under batch sizes 1, 7 and 1024, both storages, and both ways of answering string filters
 * (bitmap unions and per-row id tests), must equal the naive row-at-a-time reference; and the
 * SIMD engine must give the scalar engine's answer byte for byte. Seeded;
 * a failure prints the seed, the query and the first difference. Re-run one seed with {@code
 * -Dnemeton.seed=<seed>}.
 */
@ExtendWith(LeakCheckExtension.class)
class EngineVersusNaiveTest {
  private static final int DATASETS = Integer.getInteger("nemeton.datasets", 6);
  private static final int QUERIES_PER_DATASET = Integer.getInteger("nemeton.queries", 12);
  private static final int RANKED_PER_DATASET = Integer.getInteger("nemeton.rankedQueries", 4);
  private static final int[] VECTOR_SIZES = {1, 7, 1024};

  @TempDir
  Path directory;

  @Test
  void engineAgreesWithNaiveEvaluator() throws Exception {
    final long baseSeed = Long.getLong("nemeton.seed", System.nanoTime());
    final ObjectMapper mapper = new ObjectMapper();
    try (BatchEngine bitmaps = new BatchEngine(EngineConfig.defaults().withThreads(2));
        BatchEngine idTests = new BatchEngine(EngineConfig.defaults().withThreads(2).withMaxBitmapUnion(0));
        BatchEngine simd = new BatchEngine(EngineConfig.defaults().withThreads(2), Kernels.bestMode())) {
      for (int d = 0; d < DATASETS; d++) {
        final long seed = baseSeed + d;
        final SplittableRandom random = new SplittableRandom(seed);
        final RandomData.Dataset dataset = RandomData.dataset(random);
        final RandomEngineQueries queries = new RandomEngineQueries(random);
        final Path files = Files.createDirectories(directory.resolve("d" + d));
        for (TestSegments.Storage storage : TestSegments.Storage.values()) {
          final List<QueryableSegment> segments = TestSegments.open(dataset.segments(), storage, files);
          try {
            final SplittableRandom queryRandom = new SplittableRandom(seed * 31);
            final RandomEngineQueries storageQueries = new RandomEngineQueries(queryRandom);
            // groupBy queries ranked by one aggregator (deferred aggregators) come from their own
            // stream after the others, so each seed's earlier queries stay what they were
            final RandomEngineQueries rankedQueries = new RandomEngineQueries(new SplittableRandom(seed * 37));
            for (int q = 0; q < QUERIES_PER_DATASET + RANKED_PER_DATASET; q++) {
              final String text = q >= QUERIES_PER_DATASET ? rankedQueries.rankedGroupBy() : switch (q % 4) {
                case 0 -> storageQueries.timeseries();
                case 1 -> storageQueries.groupBy();
                case 2 -> storageQueries.scan();
                default -> storageQueries.topN();
              };
              final Query query = QueryParser.parse(text);
              final List<Object> naive = switch (query) {
                case TimeseriesQuery timeseries -> NaiveEngine.timeseries(timeseries, dataset.rows());
                case GroupByQuery groupBy -> NaiveEngine.groupBy(groupBy, dataset.rows());
                case ScanQuery scan -> NaiveEngine.scan(scan, dataset.rows(), segments.stream()
                    .map(QueryableSegment::segmentId).toList());
                default -> NaiveEngine.topN((TopNQuery) query, dataset.rows());
              };
              final JsonNode expected = mapper.readTree(ResultJson.write(naive));
              for (int vectorSize : VECTOR_SIZES) {
                final Query sized = query.withContext(query.context().with("vectorSize", (long) vectorSize));
                final BatchEngine engine = vectorSize == 7 ? idTests : bitmaps;
                final JsonNode actual;
                try {
                  actual = mapper.readTree(ResultJson.write(engine.run(sized, segments)));
                } catch (RuntimeException e) {
                  throw new AssertionError("seed=" + seed + " storage=" + storage + " vectorSize=" + vectorSize
                      + " query=" + text, e);
                }
                if (vectorSize == 1024) {
                  // the SIMD engine must give the reference engine's answer to the bit
                  final String reference = ResultJson.write(bitmaps.run(sized, segments));
                  final String vectorized = ResultJson.write(simd.run(sized, segments));
                  if (!reference.equals(vectorized)) {
                    fail("seed=" + seed + " storage=" + storage + " " + simd.mode() + " differs from SCALAR\nquery="
                        + text + "\nscalar=" + reference + "\nsimd=  " + vectorized);
                  }
                }
                final String difference = ResultAssertions.difference(expected, actual, "$");
                if (difference != null) {
                  fail("seed=" + seed + " storage=" + storage + " vectorSize=" + vectorSize + " bitmapUnion="
                      + (engine == bitmaps) + "\nquery=" + text + "\n" + difference + "\nexpected=" + expected
                      + "\nactual=" + actual);
                }
              }
            }
          } finally {
            TestSegments.closeAll(segments);
          }
        }
      }
    }
  }
}
