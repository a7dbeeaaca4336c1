package io.nemeton.engine.run;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.List;

/**
 * A query engine: runs a native query over segments in three steps that a cluster splits between
 * nodes: {@link #runSegment} on each segment (a data node, in parallel), {@link #merge} of the
 * partial results (on the data node, then again on the broker, through the same code), and {@link
 * #finish} into the answer rows in Druid's shapes (maps and lists that {@code ResultJson} writes).
 * {@link BatchEngine} is the reference; a SIMD engine swaps its kernels and must agree with it.
 *
 * <p>Implementations are thread-safe. Errors are {@code QueryException}s carrying Druid's error
 * codes.
 */
public interface Engine extends AutoCloseable {

  /** The partial result of one segment. */
  PartialResult runSegment(Query query, QueryableSegment segment);

  /**
   * The partial result of one segment for a caller that merges and finishes it in this process
   * while the segment stays open: it may leave work to the finish (a groupBy whose limit ranks by
   * one aggregator then computes the other aggregators only for the groups kept). Encoding such a
   * partial is correct but does that work for every group. Defaults to {@link #runSegment}.
   */
  default PartialResult runSegmentLocal(Query query, QueryableSegment segment) {
    return runSegment(query, segment);
  }

  /** Merges partial results given in segment order (which first/last ties follow). */
  PartialResult merge(Query query, List<? extends PartialResult> partials);

  /** The answer rows from a merged partial result. */
  List<Object> finish(Query query, PartialResult merged);

  /** Runs the query over {@code segments} on the engine's bounded pool, merges and finishes. */
  List<Object> run(Query query, List<QueryableSegment> segments);

  @Override
  void close();
}
