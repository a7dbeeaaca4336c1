package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.PartialResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

  /**
   * {@link #partials} without holding the calling thread while the answers travel: the future
   * completes with the same partials or fails with the same exceptions. It may complete on a
   * thread of the source's own (so whatever is chained to it should be short) and runs any
   * long or blocking remainder on {@code slowPath}. By default it runs {@link #partials} on the
   * calling thread.
   */
  default CompletableFuture<List<PartialResult>> partialsAsync(Engine engine, Query query, List<SegmentQuery> segments,
      long deadlineNs, long timeoutMs, Executor slowPath) {
    try {
      return CompletableFuture.completedFuture(partials(engine, query, segments, deadlineNs, timeoutMs));
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
