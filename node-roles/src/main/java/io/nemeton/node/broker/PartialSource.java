package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.PartialResult;
import java.util.List;

/**
 * Where a broker gets the partial results of a query's segments when they are not read in this
 * process: a cluster broker scatters them to the historicals that serve them and gathers the
 * answers. Implementations are thread-safe; queries call concurrently.
 */
public interface PartialSource {

  /**
   * The partial results covering every segment of {@code segments}, in segment order as far as the
   * source can keep it (several segments may come back already merged into one partial).
   *
   * @param query the client's query (per-segment queries are in {@code segments})
   * @param deadlineNs a {@link System#nanoTime()} by which all must be done; Long.MAX_VALUE for none
   * @throws io.nemeton.engine.query.QueryException with Druid's error code when a segment cannot be
   *     answered by any replica, or at the deadline
   */
  List<PartialResult> partials(Engine engine, Query query, List<SegmentQuery> segments, long deadlineNs,
      long timeoutMs);
}
