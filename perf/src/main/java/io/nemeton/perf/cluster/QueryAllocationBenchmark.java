package io.nemeton.perf.cluster;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.node.broker.ParsedQueryTexts;
import io.nemeton.node.remote.EncodedQueries;
import io.nemeton.node.remote.EnginePartialCodec;
import io.nemeton.node.remote.HistoricalQueryHandler;
import io.nemeton.node.remote.RemoteLayout;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentDirectoryWriter;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.transport.QueryRequest;
import io.nemeton.transport.ResultSink;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Bytes allocated per query on the calling thread by the parts of {@link ScatterGatherBenchmark}'s
 * small query ({@code ScatterGatherBenchmark.QUERY}: count + longSum over 6 day segments of 100
 * rows) that run in a historical and in the broker, without the transport or HTTP around them:
 *
 * <ul>
 *   <li><b>historical</b>: {@link HistoricalQueryHandler#handle} for one sub-query over 2 mapped
 *       segments (the cluster's 3 historicals hold 2 each): parse cache, lease, engine, merge,
 *       encode, hand to the sink (a sink that drops the bytes); then the same for small queries of
 *       the other types over the same segments ({@link #OTHER_QUERIES}: groupBy, topN, scan,
 *       search, timeBoundary), so their scans' allocation is seen too;
 *   <li><b>broker</b>, stage by stage: reading the HTTP body into a query ({@link
 *       ParsedQueryTexts}), encoding the sub-query for the historicals ({@link EncodedQueries}),
 *       reading and decoding the 3 historicals' results, merging and finishing, writing the
 *       answer's JSON.
 * </ul>
 *
 * Each stage runs {@code --warmup} times (default 20,000) and then {@code --queries} times
 * (default 20,000); the figure is {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}
 * of this thread over the measured runs divided by their number, so it is deterministic up to the
 * JIT's escape analysis. The segments are ingested into a temporary directory, which is deleted at
 * the end. Run from the repository root after packaging perf:
 *
 * <pre>
 * java -Xmx512m --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
 *   -cp perf/target/nemeton-perf.jar io.nemeton.perf.cluster.QueryAllocationBenchmark
 * </pre>
 *
 * A command, not a test.
 */
public final class QueryAllocationBenchmark {
  private static final int DAYS = 6;
  private static final int ROWS = 100;
  private static final int HISTORICALS = 3;
  private static final String SMALL = "\"dataSource\":\"bench\",\"intervals\":[\"2024-01-01/2024-02-01\"],"
      + "\"granularity\":\"all\",";
  private static final String CONTEXT = "\"context\":{\"useCache\":false,\"populateCache\":false}}";
  /**
   * Small queries of the other types over the same segments, each a historical stage of its own:
   * the name printed, then the query.
   */
  static final String[][] OTHER_QUERIES = {
    {"groupBy by page", "{\"queryType\":\"groupBy\"," + SMALL + "\"dimensions\":[\"page\"],"
        + "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
        + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}]," + CONTEXT},
    {"topN page by added, 3", "{\"queryType\":\"topN\"," + SMALL + "\"dimension\":\"page\","
        + "\"metric\":\"added\",\"threshold\":3,\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
        + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}]," + CONTEXT},
    {"scan page=p3, limit 5", "{\"queryType\":\"scan\"," + SMALL + "\"columns\":[\"__time\",\"page\",\"added\"],"
        + "\"filter\":{\"type\":\"selector\",\"dimension\":\"page\",\"value\":\"p3\"},\"limit\":5," + CONTEXT},
    {"search page contains 3", "{\"queryType\":\"search\"," + SMALL + "\"searchDimensions\":[\"page\"],"
        + "\"query\":{\"type\":\"contains\",\"value\":\"3\"}," + CONTEXT},
    {"timeBoundary, added > 500", "{\"queryType\":\"timeBoundary\",\"dataSource\":\"bench\","
        + "\"filter\":{\"type\":\"bound\",\"dimension\":\"added\",\"lower\":\"500\",\"ordering\":\"numeric\"},"
        + CONTEXT},
  };

  private QueryAllocationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int warmup = 20_000;
    int queries = 20_000;
    for (int i = 0; i < args.length; i += 2) {
      final String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--warmup" -> warmup = ScatterGatherBenchmark.positive(args[i], value, 10_000_000);
        case "--queries" -> queries = ScatterGatherBenchmark.positive(args[i], value, 10_000_000);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (known: --warmup N, --queries N)");
      }
    }
    final Path directory = Files.createTempDirectory("nemeton-query-allocation");
    final List<QueryableSegment> segments = new ArrayList<>();
    final BatchEngine reference = new BatchEngine(EngineConfig.defaults().withThreads(2));
    BatchEngine simd = null;
    try {
      simd = new BatchEngine(EngineConfig.defaults().withThreads(2), KernelMode.SIMD);
    } catch (IllegalStateException e) {
      System.out.println("no SIMD engine (" + e.getMessage() + "); the scalar one answers");
    }
    try {
      for (Path file : ingest(directory)) {
        segments.add(QueryableSegment.owning(Segment.open(file)));
      }
      if (segments.size() != DAYS) {
        throw new IllegalStateException("ingested segments=" + segments.size() + " expected=" + DAYS);
      }
      final EngineChoice engines = new EngineChoice(reference, simd);
      run(engines, segments, warmup, queries);
    } finally {
      for (QueryableSegment segment : segments) {
        segment.close();
      }
      reference.close();
      if (simd != null) {
        simd.close();
      }
      deleteTree(directory);
    }
  }

  private static void run(EngineChoice engines, List<QueryableSegment> segments, int warmup, int queries) {
    final String http = ScatterGatherBenchmark.QUERY;
    final Query query = QueryParser.parse(http);
    final Engine engine = engines.choose(query);
    final EnginePartialCodec codec = new EnginePartialCodec();
    final byte[] remoteQuery = RemoteLayout.query(RemoteLayout.withoutIds(query).toJson(), false);
    // as the broker has them: the HTTP body's parse cache, the query with the id it adds, the
    // sub-query bytes' cache
    final ParsedQueryTexts texts = new ParsedQueryTexts();
    final Query withId = query.withContext(query.context().with("queryId", "a1b2c3d4-0000-4000-8000-000000000000"));
    final EncodedQueries encoded = new EncodedQueries();

    // historical: one sub-query over its 2 segments
    final List<String> ids = List.of(segments.get(0).segmentId(), segments.get(1).segmentId());
    final FixedView view = new FixedView(segments.subList(0, 2));
    final HistoricalQueryHandler handler = new HistoricalQueryHandler(view, engines, codec);
    final DroppingSink sink = new DroppingSink();
    final QueryRequest request = new QueryRequest(1, Long.MAX_VALUE, remoteQuery, ids, "bench");

    // broker: the 3 historicals' answers as they arrive (result header + merged partial)
    final UnsafeBuffer[] answers = new UnsafeBuffer[HISTORICALS];
    for (int h = 0; h < HISTORICALS; h++) {
      final List<PartialResult> two = List.of(engine.runSegment(query, segments.get(2 * h)),
          engine.runSegment(query, segments.get(2 * h + 1)));
      answers[h] = new UnsafeBuffer(RemoteLayout.result(RemoteLayout.KIND_SEGMENTS, new int[] {0, 1}, 2,
          codec.encode(query, engine.merge(query, two))));
    }
    final PartialResult merged = merged(engine, codec, query, answers);
    final String expected = ResultJson.write(engine.finish(query, merged));
    System.out.println("answer " + expected + " (" + segments.size() + " segments, " + HISTORICALS
        + " historicals); warm-up " + warmup + " and " + queries + " measured runs per stage");

    final Stage[] stages = {
      new Stage("historical: handle one sub-query (2 segments)", () -> {
        handler.handle(request, sink);
        return sink.bytes;
      }),
      new Stage("broker: parse the HTTP body", () -> texts.parse(http).hashCode()),
      new Stage("broker: encode the sub-query", () -> encoded.bytes(withId, false).length),
      new Stage("broker: read + decode 3 results, merge", () -> merged(engine, codec, query, answers).hashCode()),
      new Stage("broker: finish + answer JSON", () -> ResultJson.write(engine.finish(query, merged)).length()),
    };
    long total = 0;
    for (Stage stage : stages) {
      final long perQuery = stage.measure(warmup, queries);
      total += stage.name.startsWith("broker") ? perQuery : 0;
      System.out.printf("%-52s %,10d bytes/query%n", stage.name, perQuery);
    }
    System.out.printf("%-52s %,10d bytes/query%n", "broker: the stages above together", total);
    final String again = ResultJson.write(engine.finish(query, merged(engine, codec, query, answers)));
    if (!again.equals(expected)) {
      throw new IllegalStateException("answer changed: " + again + " expected=" + expected);
    }
    for (String[] other : OTHER_QUERIES) {
      measureHistorical(engines, handler, other[0], QueryParser.parse(other[1]), ids, segments, warmup, queries);
    }
  }

  /** The historical stage for one more query: its sub-query over the first 2 segments. */
  private static void measureHistorical(EngineChoice engines, HistoricalQueryHandler handler, String name,
      Query query, List<String> ids, List<QueryableSegment> segments, int warmup, int queries) {
    final Engine engine = engines.choose(query);
    final byte[] remoteQuery = RemoteLayout.query(RemoteLayout.withoutIds(query).toJson(), false);
    final QueryRequest request = new QueryRequest(1, Long.MAX_VALUE, remoteQuery, ids, "bench");
    final DroppingSink sink = new DroppingSink();
    final String expected = ResultJson.write(engine.run(query, segments.subList(0, 2)));
    final long perQuery = new Stage(name, () -> {
      handler.handle(request, sink);
      return sink.bytes;
    }).measure(warmup, queries);
    System.out.printf("%-52s %,10d bytes/query%n", "historical: " + name + " (2 segments)", perQuery);
    final String again = ResultJson.write(engine.run(query, segments.subList(0, 2)));
    if (!again.equals(expected)) {
      throw new IllegalStateException(name + ": answer changed: " + again + " expected=" + expected);
    }
  }

  private static PartialResult merged(Engine engine, EnginePartialCodec codec, Query query, UnsafeBuffer[] answers) {
    final List<PartialResult> partials = new ArrayList<>(answers.length);
    for (UnsafeBuffer answer : answers) {
      final RemoteLayout.Result result = RemoteLayout.readResult(answer, 0, answer.capacity(), 2);
      partials.add(codec.decode(query, result.partial(), 0, result.partial().length));
    }
    return engine.merge(query, partials);
  }

  /** One measured piece of work; {@code work} returns something derived from its result so it is not optimised away. */
  private record Stage(String name, Work work) {
    long measure(int warmup, int queries) {
      long sink = 0;
      for (int i = 0; i < warmup; i++) {
        sink += work.run();
      }
      final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      final long thread = Thread.currentThread().threadId();
      final long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < queries; i++) {
        sink += work.run();
      }
      final long allocated = threads.getThreadAllocatedBytes(thread) - before;
      if (sink == 42) {
        System.out.println("(unlikely sum)");
      }
      return allocated / queries;
    }
  }

  @FunctionalInterface
  private interface Work {
    long run();
  }

  /** Serves fixed segments; the lease is the same object every time (a historical's own lease is ~100 bytes). */
  private static final class FixedView implements SegmentView {
    private final SegmentLease lease;

    FixedView(List<QueryableSegment> segments) {
      final List<QueryableSegment> all = List.copyOf(segments);
      this.lease = SegmentLease.of(all);
    }

    @Override
    public List<io.nemeton.metadata.SegmentRecord> served() {
      return List.of();
    }

    @Override
    public SegmentLease acquire(Collection<String> segmentIds) {
      return lease;
    }
  }

  /** Counts the bytes sent and drops them. */
  private static final class DroppingSink implements ResultSink {
    long bytes;

    @Override
    public void sendPartial(DirectBuffer buffer, int offset, int length) {
      bytes += length;
    }

    @Override
    public void sendPartial(byte[] result) {
      bytes += result.length;
    }

    @Override
    public void sendLast(DirectBuffer buffer, int offset, int length) {
      bytes += length;
    }

    @Override
    public void sendLast(byte[] result) {
      bytes += result.length;
    }

    @Override
    public void complete() {}

    @Override
    public void fail(String errorCode, String errorClass, String message) {
      throw new IllegalStateException("query failed: " + errorCode + " " + message);
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }

  /** The same rows as {@code ScatterGatherBenchmark}'s inline task, ingested into day segments. */
  private static List<Path> ingest(Path directory) throws Exception {
    final StringBuilder data = new StringBuilder();
    for (int day = 0; day < DAYS; day++) {
      for (int row = 0; row < ROWS; row++) {
        data.append(String.format("{\\\"ts\\\":\\\"2024-01-%02dT%02d:%02d:00Z\\\",\\\"page\\\":\\\"p%d\\\",\\\"added\\\":%d}\\n",
            day + 1, row % 24, row % 60, row % 7, day * 1000 + row));
      }
    }
    final String spec = """
        {"type":"index_parallel","spec":{
          "dataSchema":{"dataSource":"bench","timestampSpec":{"column":"ts","format":"iso"},
            "dimensionsSpec":{"dimensions":["page"]},
            "metricsSpec":[{"type":"count","name":"count"},{"type":"longSum","name":"added","fieldName":"added"}],
            "granularitySpec":{"segmentGranularity":"day","queryGranularity":"none","rollup":false}},
          "ioConfig":{"type":"index_parallel","inputSource":{"type":"inline","data":"%s"},"inputFormat":{"type":"json"}},
          "tuningConfig":{"type":"index_parallel"}}}
        """.formatted(data);
    final Path out = Files.createDirectories(directory.resolve("segments"));
    final SegmentDirectoryWriter writer = new SegmentDirectoryWriter(out);
    BatchIngestion.run(IngestionSpec.parse(spec), IngestOptions.defaults(Files.createDirectories(directory.resolve("tmp"))),
        writer);
    final List<Path> files = new ArrayList<>(writer.files());
    files.sort(Comparator.naturalOrder());
    return files;
  }

  private static void deleteTree(Path root) throws Exception {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
