package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.datasource.TableDataSource;
import io.nemeton.engine.query.datasource.UnionDataSource;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.node.remote.LatencyStages;
import io.nemeton.node.remote.LatencyTrace;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The broker role: answers a native query over the segments a {@link SegmentView} serves. Per
 * datasource it keeps a timeline of the served segments (the highest complete version per
 * instant), picks the visible segments overlapping the query's intervals, pins them with a lease,
 * runs {@link Engine#runSegment} on each on a bounded pool ({@link SegmentScans}), merges the
 * partials in time order and finishes the answer. A segment partly overshadowed is read over its
 * visible part only ({@link VisibleQueries}). A datasource that serves nothing answers as an empty
 * set of segments does (for most query types {@code []}), as Druid does for an unknown datasource.
 *
 * <p>Thread-safe; queries run concurrently. {@link #close()} stops the pool.
 */
public final class Broker implements AutoCloseable {
  private final ServedTimelines timelines;
  private final SegmentView view;
  private final EngineChoice engines;
  private final SegmentScans scans;
  private final long defaultTimeoutMs;
  private final PartialSource remote;
  /** How many times a cluster query is planned when segments of its plan disappear meanwhile. */
  private static final int MAX_PLANS = 3;

  /**
   * @param threads segments scanned at once, at least 1
   * @param defaultTimeoutMs the timeout of a query whose context has none; 0 for none
   */
  public Broker(SegmentView view, EngineChoice engines, int threads, long defaultTimeoutMs) {
    if (defaultTimeoutMs < 0) {
      throw new IllegalArgumentException("broker defaultTimeoutMs=" + defaultTimeoutMs + " must be >= 0");
    }
    this.view = java.util.Objects.requireNonNull(view, "view");
    this.engines = java.util.Objects.requireNonNull(engines, "engines");
    this.timelines = new ServedTimelines(view);
    this.scans = new SegmentScans(threads);
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.remote = null;
  }

  /**
   * A cluster broker: the timeline comes from {@code view} (what the historicals announce), the
   * partial results from {@code remote}. When the source reports a segment of the plan gone from
   * every node ({@link SegmentsGoneException}), the query is planned again from the timeline as it
   * is then, three times at most. Queries over subqueries or inline data are refused as
   * unsupported in this mode.
   */
  public Broker(SegmentView view, EngineChoice engines, PartialSource remote, long defaultTimeoutMs) {
    if (defaultTimeoutMs < 0) {
      throw new IllegalArgumentException("broker defaultTimeoutMs=" + defaultTimeoutMs + " must be >= 0");
    }
    this.view = java.util.Objects.requireNonNull(view, "view");
    this.engines = java.util.Objects.requireNonNull(engines, "engines");
    this.remote = java.util.Objects.requireNonNull(remote, "remote");
    this.timelines = new ServedTimelines(view);
    this.scans = new SegmentScans(1);
    this.defaultTimeoutMs = defaultTimeoutMs;
  }

  /**
   * Answers a query: rows in Druid's shapes, ready for {@code ResultJson}.
   *
   * @throws QueryException with Druid's error code (timeout, unsupported, resource limits, ...)
   */
  public List<Object> run(Query query) {
    final long planNs = LatencyStages.now();
    final Engine engine = engines.choose(query);
    final long timeoutMs = query.context().timeoutMs(defaultTimeoutMs);
    return runPlans(query, engine, timeoutMs, deadlineNs(timeoutMs), planNs, 1);
  }

  /**
   * {@link #run} without holding the calling thread while a cluster broker's historicals answer:
   * the future completes with the same rows or fails with the same exceptions. For a small query
   * answered in full it completes on the transport's thread that received the last answer (see
   * {@link PartialSource#partialsAsync}); retries, waits and large answers run on {@code slowPath}.
   * Queries that are not scattered (a broker reading its own segments, subqueries, inline data)
   * run on the calling thread and come back completed.
   *
   * @throws QueryException when the query fails before anything was sent
   */
  public CompletableFuture<List<Object>> runAsync(Query query, Executor slowPath) {
    if (remote == null || !(query.dataSource() instanceof TableDataSource || isUnionOfTables(query))) {
      return CompletableFuture.completedFuture(run(query));
    }
    final long planNs = LatencyStages.now();
    final Engine engine = engines.choose(query);
    final long timeoutMs = query.context().timeoutMs(defaultTimeoutMs);
    final long deadlineNs = deadlineNs(timeoutMs);
    final List<SegmentQuery> planned = plan(query);
    if (planned.isEmpty()) {
      return CompletableFuture.completedFuture(engine.finish(query, engine.merge(query, List.of())));
    }
        final long gatherNs = LatencyStages.since("broker.4-plan", planNs);
    LatencyTrace.mark(3);
    final CompletableFuture<List<PartialResult>> partials;
    try {
      partials = remote.partialsAsync(engine, query, planned, deadlineNs, timeoutMs, slowPath);
    } catch (SegmentsGoneException gone) {
      return CompletableFuture.completedFuture(runPlans(query, engine, timeoutMs, deadlineNs, planNs, 2));
    }
    return partials.handle((gathered, error) -> {
      if (error == null) {
        try {
          return CompletableFuture.completedFuture(finish(engine, query, gathered, gatherNs));
        } catch (RuntimeException | Error e) {
          return CompletableFuture.<List<Object>>failedFuture(e);
        }
      }
      final Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof SegmentsGoneException && MAX_PLANS > 1 && System.nanoTime() < deadlineNs) {
        return CompletableFuture.supplyAsync(() -> runPlans(query, engine, timeoutMs, deadlineNs, planNs, 2), slowPath);
      }
      return CompletableFuture.<List<Object>>failedFuture(cause);
    }).thenCompose(f -> f);
  }

  private static long deadlineNs(long timeoutMs) {
    return timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000L : Long.MAX_VALUE;
  }

  /** Merges and finishes a cluster query's gathered partials. */
  private static List<Object> finish(Engine engine, Query query, List<PartialResult> partials, long gatherNs) {
    final long mergeNs = LatencyStages.since("broker.5-scatter/gather", gatherNs);
    final List<Object> rows = engine.finish(query, engine.merge(query, partials));
    LatencyStages.since("broker.7-merge+finish", mergeNs);
    LatencyTrace.mark(6);
    return rows;
  }

  /** Runs the query's plan, planning again from attempt {@code first} on when segments disappear. */
  private List<Object> runPlans(Query query, Engine engine, long timeoutMs, long deadlineNs, long planNs, int first) {
    for (int attempt = first; ; attempt++) {
      try {
        return run(query, engine, timeoutMs, deadlineNs, planNs);
      } catch (SegmentsGoneException gone) {
        // A segment of the plan was dropped since the timeline was read (a newer version took
        // its place): plan again from the timeline as it is now.
        if (attempt >= MAX_PLANS || System.nanoTime() >= deadlineNs) {
          throw gone;
        }
      }
    }
  }

  /** The visible segments of the query's tables overlapping its intervals, each with its narrowed query. */
  private List<SegmentQuery> plan(Query query) {
    final Map<String, DataSourceTimeline> current = timelines.current();
    final List<SegmentQuery> planned = new ArrayList<>();
    for (String table : query.dataSource().tableNames()) {
      final DataSourceTimeline timeline = current.get(table);
      if (timeline == null) {
        continue;
      }
      for (String id : timeline.segmentsFor(query.intervals().intervals())) {
        final List<Interval> pieces = timeline.visiblePieces(id);
        planned.add(new SegmentQuery(id, pieces == null ? query
            : VisibleQueries.narrow(query, VisibleQueries.intersect(query.intervals().intervals(), pieces))));
      }
    }
    return planned;
  }

  private List<Object> run(Query query, Engine engine, long timeoutMs, long deadlineNs, long planNs) {
    if (!(query.dataSource() instanceof TableDataSource) && !isUnionOfTables(query)) {
      if (remote != null) {
        throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION, "dataSource type "
            + query.dataSource().getClass().getSimpleName() + " is not supported by a cluster broker yet;"
            + " query tables or unions of tables");
      }
      return runWhole(engine, query);
    }
    final List<SegmentQuery> planned = plan(query);
    if (planned.isEmpty()) {
      return engine.finish(query, engine.merge(query, List.of()));
    }
    if (remote != null) {
            final long gatherNs = LatencyStages.since("broker.4-plan", planNs);
      LatencyTrace.mark(3);
      return finish(engine, query, remote.partials(engine, query, planned, deadlineNs, timeoutMs), gatherNs);
    }
    final List<String> ids = new ArrayList<>(planned.size());
    for (SegmentQuery p : planned) {
      ids.add(p.segmentId());
    }
    try (SegmentLease lease = view.acquire(ids)) {
      final List<QueryableSegment> segments = lease.segments();
      final List<Query> queries = new ArrayList<>(segments.size());
      final List<QueryableSegment> held = new ArrayList<>(segments.size());
      int next = 0;
      for (QueryableSegment segment : segments) {
        // A segment dropped between the timeline snapshot and the lease is left out of the lease;
        // the rest keep their order.
        while (next < planned.size() && !planned.get(next).segmentId().equals(segment.segmentId())) {
          next++;
        }
        queries.add(next < planned.size() ? planned.get(next).query() : query);
        held.add(segment);
        next++;
      }
      final List<PartialResult> partials = scans.run(engine, queries, held, deadlineNs, timeoutMs);
      return engine.finish(query, engine.merge(query, partials));
    }
  }

  /** Subqueries, inline rows and the like run whole, over every visible segment of their tables. */
  private List<Object> runWhole(Engine engine, Query query) {
    final Set<String> ids = new LinkedHashSet<>();
    final Map<String, DataSourceTimeline> current = timelines.current();
    for (String table : query.dataSource().tableNames()) {
      final DataSourceTimeline timeline = current.get(table);
      if (timeline != null) {
        ids.addAll(timeline.segmentsFor(List.of(Interval.ETERNITY)));
      }
    }
    try (SegmentLease lease = view.acquire(ids)) {
      return engine.run(query, lease.segments());
    }
  }

  private static boolean isUnionOfTables(Query query) {
    if (!(query.dataSource() instanceof UnionDataSource union)) {
      return false;
    }
    for (var member : union.dataSources()) {
      if (!(member instanceof TableDataSource)) {
        return false;
      }
    }
    return true;
  }

  /** Names of the datasources with served segments, sorted. */
  public List<String> dataSources() {
    return List.copyOf(timelines.current().keySet());
  }

  /** Dimensions and metrics of a served datasource, or null when it serves nothing. */
  public DataSourceSchema schema(String dataSource) {
    final DataSourceTimeline timeline = timelines.current().get(dataSource);
    return timeline == null ? null : DataSourceSchema.of(timeline);
  }

  @Override
  public void close() {
    scans.close();
  }

  static QueryException timeout(long timeoutMs, int segments) {
    return new QueryException(QueryErrorCode.QUERY_TIMEOUT,
        "query timed out after timeout=" + timeoutMs + " ms while scanning " + segments + " segments");
  }
}
