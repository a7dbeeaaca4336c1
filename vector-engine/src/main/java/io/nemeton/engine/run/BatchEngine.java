package io.nemeton.engine.run;

import io.nemeton.engine.aggregation.Aggregations;
import io.nemeton.engine.groupby.GroupByEngine;
import io.nemeton.engine.groupby.GroupByEnginePartial;
import io.nemeton.engine.groupby.GroupByEngineResults;
import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.metadata.DataSourceMetadataEngine;
import io.nemeton.engine.metadata.SegmentMetadataEngine;
import io.nemeton.engine.metadata.SegmentMetadataPartial;
import io.nemeton.engine.metadata.DataSourceMetadataPartial;
import io.nemeton.engine.metadata.TimeBoundaryEngine;
import io.nemeton.engine.metadata.TimeBoundaryPartial;
import io.nemeton.engine.query.DataSourceMetadataQuery;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.ScanQuery;
import io.nemeton.engine.query.SearchQuery;
import io.nemeton.engine.query.SegmentMetadataQuery;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.TimeBoundaryQuery;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.TopNQuery;
import io.nemeton.engine.query.datasource.InlineDataSource;
import io.nemeton.engine.query.datasource.QueryDataSource;
import io.nemeton.engine.query.datasource.TableDataSource;
import io.nemeton.engine.query.datasource.UnionDataSource;
import io.nemeton.engine.scan.ScanEngine;
import io.nemeton.engine.scan.ScanPartial;
import io.nemeton.engine.search.SearchEngine;
import io.nemeton.engine.search.SearchPartial;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.timeseries.TimeseriesEngine;
import io.nemeton.engine.timeseries.TimeseriesPartial;
import io.nemeton.engine.topn.TopNEngine;
import io.nemeton.engine.topn.TopNPartial;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batch engine: the query's batch loops run in one kernel mode (the scalar reference or its
 * SIMD twin, bit for bit equal), segments are scanned in parallel on a fixed pool of {@code
 * threads} (one thread per segment at a time), partial results merged in segment order. A query
 * data source (nested groupBy) runs the inner query over the segments and the outer one over its
 * answer; an inline data source is scanned from its rows. The context's {@code timeout} bounds
 * the wait for segment scans; a timed-out or cancelled query interrupts its scans, which stop at
 * the next batch.
 *
 * <p>Thread-safe. {@link #close()} stops the pool.
 */
public final class BatchEngine implements Engine {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final EngineConfig config;
  private final Kernels kernels;
  private final ExecutorService pool;

  /** The scalar reference engine. */
  public BatchEngine(EngineConfig config) {
    this(config, KernelMode.SCALAR);
  }

  /**
   * An engine whose batch loops run in {@code mode}: {@link KernelMode#SCALAR} is the reference,
   * {@link KernelMode#SIMD} the Vector API twins, which give the same bits.
   *
   * @throws IllegalStateException for SIMD where the Vector API is not usable
   */
  public BatchEngine(EngineConfig config, KernelMode mode) {
    this.config = config;
    this.kernels = Kernels.of(mode);
    final int pool = POOLS.incrementAndGet();
    final AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
      final Thread thread = new Thread(runnable, "nemeton-query-" + pool + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public KernelMode mode() {
    return kernels.mode();
  }

  public EngineConfig config() {
    return config;
  }

  ScanSettings settings(Query query) {
    final int vectorSize = query.context().vectorSize(config.defaultVectorSize());
    return new ScanSettings(kernels, vectorSize, config.maxBitmapUnion(), config.maxGroupByBytes());
  }

  @Override
  public PartialResult runSegment(Query query, QueryableSegment segment) {
    checkDataSource(query);
    return scan(query, segment, false);
  }

  @Override
  public PartialResult runSegmentLocal(Query query, QueryableSegment segment) {
    checkDataSource(query);
    return scan(query, segment, true);
  }

  private PartialResult scan(Query query, QueryableSegment segment) {
    return scan(query, segment, false);
  }

  private PartialResult scan(Query query, QueryableSegment segment, boolean local) {
    return switch (query) {
      case TimeseriesQuery timeseries -> TimeseriesEngine.runSegment(timeseries, segment, settings(query));
      case GroupByQuery groupBy -> GroupByEngine.runSegment(local ? GroupByEngine.grouping(groupBy)
          : GroupByEngine.grouping(groupBy).withoutRanking(), segment, settings(query));
      case TopNQuery topN -> TopNEngine.runSegment(topN, segment, settings(query));
      case ScanQuery scan -> ScanEngine.runSegment(scan, segment, settings(query));
      case SearchQuery search -> SearchEngine.runSegment(search, segment, settings(query));
      case SegmentMetadataQuery metadata -> SegmentMetadataEngine.runSegment(metadata, segment);
      case TimeBoundaryQuery boundary -> TimeBoundaryEngine.runSegment(boundary, segment, settings(query));
      case DataSourceMetadataQuery metadata -> DataSourceMetadataEngine.runSegment(segment);
    };
  }

  @Override
  public PartialResult merge(Query query, List<? extends PartialResult> partials) {
    return switch (query) {
      case TimeseriesQuery timeseries -> TimeseriesEngine.merge(timeseries, partials);
      case GroupByQuery groupBy -> GroupByEngine.merge(Aggregations.of(groupBy.aggregations()), partials,
          config.maxGroupByBytes());
      case TopNQuery topN -> TopNEngine.merge(topN, partials);
      case ScanQuery scan -> ScanEngine.merge(scan, partials);
      case SearchQuery search -> SearchEngine.merge(search, partials);
      case SegmentMetadataQuery metadata -> SegmentMetadataEngine.merge(metadata, partials);
      case TimeBoundaryQuery boundary -> TimeBoundaryEngine.merge(partials);
      case DataSourceMetadataQuery metadata -> DataSourceMetadataEngine.merge(partials);
    };
  }

  @Override
  public List<Object> finish(Query query, PartialResult merged) {
    return switch (query) {
      case TimeseriesQuery timeseries -> TimeseriesEngine.finish(timeseries, (TimeseriesPartial) merged);
      case GroupByQuery groupBy -> GroupByEngineResults.finish(groupBy, (GroupByEnginePartial) merged);
      case TopNQuery topN -> TopNEngine.finish(topN, (TopNPartial) merged);
      case ScanQuery scan -> ScanEngine.finish(scan, (ScanPartial) merged);
      case SearchQuery search -> SearchEngine.finish(search, (SearchPartial) merged);
      case SegmentMetadataQuery metadata -> SegmentMetadataEngine.finish((SegmentMetadataPartial) merged);
      case TimeBoundaryQuery boundary -> TimeBoundaryEngine.finish(boundary, (TimeBoundaryPartial) merged);
      case DataSourceMetadataQuery metadata -> DataSourceMetadataEngine.finish((DataSourceMetadataPartial) merged);
    };
  }

  @Override
  public List<Object> run(Query query, List<QueryableSegment> segments) {
    if (query.dataSource() instanceof QueryDataSource subquery) {
      // the inner query runs over the segments; the outer one over its answer, held on the heap
      final List<Object> inner = run(subquery.query(), segments);
      try (QueryableSegment rows = QueryableSegment.of(SubqueryRows.segment(inner))) {
        return finish(query, merge(query, List.of(scan(query, rows))));
      }
    }
    if (query.dataSource() instanceof InlineDataSource inline) {
      try (QueryableSegment rows = QueryableSegment.of(SubqueryRows.inline(inline))) {
        return finish(query, merge(query, List.of(scan(query, rows))));
      }
    }
    checkDataSource(query);
    final List<Future<PartialResult>> futures = new ArrayList<>(segments.size());
    for (QueryableSegment segment : segments) {
      futures.add(pool.submit(() -> runSegmentLocal(query, segment)));
    }
    final List<PartialResult> partials = new ArrayList<>(segments.size());
    final long timeoutMs = query.context().timeoutMs(0);
    final long deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000L : Long.MAX_VALUE;
    try {
      for (Future<PartialResult> future : futures) {
        if (timeoutMs > 0) {
          partials.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } else {
          partials.add(future.get());
        }
      }
    } catch (TimeoutException e) {
      futures.forEach(f -> f.cancel(true));
      throw new QueryException(QueryErrorCode.QUERY_TIMEOUT, "query timed out after timeout=" + timeoutMs
          + " ms while scanning " + segments.size() + " segments");
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new QueryException(QueryErrorCode.QUERY_INTERRUPTED, "query interrupted while scanning segments", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new QueryException(QueryErrorCode.UNKNOWN, "segment scan failed: " + e.getCause(), e.getCause());
    }
    return finish(query, merge(query, partials));
  }

  /** Tables, and unions of tables (the caller hands in the segments of all of them), are scanned. */
  private static void checkDataSource(Query query) {
    final boolean tables = query.dataSource() instanceof TableDataSource
        || (query.dataSource() instanceof UnionDataSource union
            && union.dataSources().stream().allMatch(TableDataSource.class::isInstance));
    if (!tables) {
      throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION, query.queryType() + " over a "
          + query.dataSource().getClass().getSimpleName() + " is not supported by this engine yet; use a table");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
