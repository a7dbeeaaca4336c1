package io.nemeton.perf.scan;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.segment.format.RegionVerification;
import io.nemeton.segment.format.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper data as Nemeton serves it: the cached segment files memory-mapped, answered by the
 * SIMD {@link BatchEngine} (configured with a pool of one thread) on one core: segments scanned one
 * after another, partial results merged and finished into Druid's answer shape, as a query to one
 * data node runs. The native JSON is parsed once when the query is loaded, not per execution.
 *
 * <p>{@link #countingBlockReads} answers through {@link CountingQueryableSegment}s instead, for
 * the untimed run that shows which queries read column blocks.
 *
 * <p>Not thread-safe. Owns the mappings and the engine; {@link #close()} releases them.
 */
public final class NemetonPaperTable implements PaperTable {
  private final List<Segment> files;
  private final List<QueryableSegment> segments;
  private final List<QueryableSegment> countingSegments;
  private final BlockReadCounter counter = new BlockReadCounter();
  private final BatchEngine engine;
  private final long rows;

  /** Maps {@code paths} (checksums verified at open, which also brings the files into the page cache). */
  public NemetonPaperTable(List<Path> paths) throws IOException {
    final List<Segment> opened = new ArrayList<>(paths.size());
    final List<QueryableSegment> adapted = new ArrayList<>(paths.size());
    final List<QueryableSegment> counting = new ArrayList<>(paths.size());
    long total = 0;
    try {
      for (Path path : paths) {
        final Segment segment = Segment.open(path, RegionVerification.AT_OPEN);
        opened.add(segment);
        final QueryableSegment queryable = QueryableSegment.of(segment);
        adapted.add(queryable);
        counting.add(new CountingQueryableSegment(queryable, counter));
        total += segment.rowCount();
      }
    } catch (IOException | RuntimeException e) {
      for (Segment segment : opened) {
        segment.close();
      }
      throw e;
    }
    this.files = List.copyOf(opened);
    this.segments = List.copyOf(adapted);
    this.countingSegments = List.copyOf(counting);
    this.rows = total;
    this.engine = new BatchEngine(EngineConfig.defaults().withThreads(1), KernelMode.SIMD);
  }

  @Override
  public String engineName() {
    return "nemeton";
  }

  @Override
  public long rowCount() {
    return rows;
  }

  public int segmentCount() {
    return segments.size();
  }

  /** Rows inside the query's intervals: binary searches on {@code __time}, no scan. */
  public long rowsIn(PaperQuery query) {
    long total = 0;
    for (QueryableSegment segment : segments) {
      for (Interval interval : query.query().intervals().intervals()) {
        total += segment.lowerBoundRow(interval.endMs()) - segment.lowerBoundRow(interval.startMs());
      }
    }
    return total;
  }

  /**
   * Runs the query's per-segment scans one after another on the calling thread, then merges and
   * finishes: the calls {@code BatchEngine.run} hands to its pool of one thread, made here so the
   * measuring thread's CPU clock sees the work.
   */
  @Override
  public Object execute(PaperQuery query) {
    return run(query.query(), segments);
  }

  private List<Object> run(Query query, List<QueryableSegment> over) {
    final List<PartialResult> partials = new ArrayList<>(over.size());
    for (QueryableSegment segment : over) {
      partials.add(engine.runSegmentLocal(query, segment));
    }
    return engine.finish(query, engine.merge(query, partials));
  }

  /** Runs {@code query} through the counting segments; returns the blocks it read. */
  public BlockReadCounter countingBlockReads(PaperQuery query) {
    counter.reset();
    run(query.query(), countingSegments);
    final BlockReadCounter result = new BlockReadCounter();
    result.add(counter);
    return result;
  }

  @Override
  public Answer answer(PaperQuery query, Object result) {
    final List<?> rowsOut = (List<?>) result;
    final List<List<Object>> table = new ArrayList<>(rowsOut.size());
    for (Object row : rowsOut) {
      final Map<?, ?> outer = (Map<?, ?>) row;
      // timeseries rows hold their values under "result", groupBy rows under "event"
      final Object inner = outer.containsKey("event") ? outer.get("event") : outer.get("result");
      if (!(inner instanceof Map<?, ?> values)) {
        throw new IllegalStateException("query=" + query.id() + ": answer row=" + row
            + " has neither an event nor a result object");
      }
      final List<Object> cells = new ArrayList<>(query.columns().size());
      for (String column : query.columns()) {
        cells.add(values.get(column));
      }
      table.add(cells);
    }
    return new Answer(query.columns(), table);
  }

  @Override
  public void close() {
    engine.close();
    for (QueryableSegment segment : segments) {
      segment.close();
    }
    for (Segment segment : files) {
      segment.close();
    }
  }
}
