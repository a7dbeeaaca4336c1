package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link Engine#runSegment} over a query's segments on a fixed pool of daemon threads (one
 * segment per thread at a time) and waits for them up to the query's deadline. On a timeout or a
 * failure the scans still queued are skipped and the running ones interrupted (the engine stops
 * them at the next batch); this returns only once no scan of the query runs any more, so the caller
 * may then release the segments: no scan touches a segment after its lease is closed.
 *
 * <p>Thread-safe. Allocates a task per segment.
 */
final class SegmentScans implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();
  /** How often a waiting query looks for a failed scan, so a failure ends it early. */
  private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(20);

  private final ExecutorService pool;

  SegmentScans(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("broker threads=" + threads + " must be >= 1");
    }
    final int number = POOLS.incrementAndGet();
    final AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, runnable -> {
      final Thread thread = new Thread(runnable, "nemeton-broker-" + number + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The partial results in the order of {@code segments}; {@code queries.get(i)} runs on segment i.
   *
   * @param deadlineNs a {@link System#nanoTime()} by which all must be done; Long.MAX_VALUE for none
   */
  List<PartialResult> run(Engine engine, List<Query> queries, List<QueryableSegment> segments, long deadlineNs,
      long timeoutMs) {
    final int n = segments.size();
    final CountDownLatch ended = new CountDownLatch(n);
    final List<Scan> scans = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      scans.add(new Scan(engine, queries.get(i), segments.get(i), ended));
    }
    boolean complete = false;
    try {
      for (Scan scan : scans) {
        try {
          pool.execute(scan);
        } catch (RejectedExecutionException e) {
          throw new QueryException(QueryErrorCode.QUERY_INTERRUPTED, "query refused: the broker is shutting down");
        }
      }
      while (true) {
        // Long.MAX_VALUE means no deadline (and must not be subtracted from: nanoTime may be negative).
        final long leftNs = deadlineNs == Long.MAX_VALUE ? POLL_NS : deadlineNs - System.nanoTime();
        if (leftNs <= 0) {
          throw Broker.timeout(timeoutMs, n);
        }
        final boolean allEnded = ended.await(Math.min(leftNs, POLL_NS), TimeUnit.NANOSECONDS);
        for (Scan scan : scans) {
          scan.rethrowFailure();
        }
        if (allEnded) {
          break;
        }
      }
      final List<PartialResult> partials = new ArrayList<>(n);
      for (Scan scan : scans) {
        partials.add(scan.result);
      }
      complete = true;
      return partials;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException(QueryErrorCode.QUERY_INTERRUPTED, "query interrupted while scanning " + n + " segments", e);
    } finally {
      if (!complete) {
        for (Scan scan : scans) {
          scan.cancel();
        }
        awaitUninterruptibly(ended);
      }
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** One segment's scan; counts {@code ended} down exactly once, whether it ran, failed or was skipped. */
  private static final class Scan implements Runnable {
    private final Engine engine;
    private final Query query;
    private final QueryableSegment segment;
    private final CountDownLatch ended;
    private Thread runner;
    private boolean cancelled;
    private boolean finished;
    private volatile PartialResult result;
    private volatile Throwable failure;

    Scan(Engine engine, Query query, QueryableSegment segment, CountDownLatch ended) {
      this.engine = engine;
      this.query = query;
      this.segment = segment;
      this.ended = ended;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (cancelled || finished) {
          finish();
          return;
        }
        runner = Thread.currentThread();
      }
      try {
        result = engine.runSegment(query, segment);
      } catch (Throwable t) {
        failure = t;
      } finally {
        synchronized (this) {
          runner = null;
          finish();
        }
        // An interrupt meant for this scan must not reach the pool thread's next task.
        Thread.interrupted();
      }
    }

    private void finish() {
      if (!finished) {
        finished = true;
        ended.countDown();
      }
    }

    synchronized void cancel() {
      cancelled = true;
      if (runner != null) {
        runner.interrupt();
      } else {
        // Not started (or already ended): it will never run now, so it counts as ended.
        finish();
      }
    }

    void rethrowFailure() {
      final Throwable t = failure;
      if (t == null) {
        return;
      }
      if (t instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (t instanceof Error error) {
        throw error;
      }
      throw new QueryException(QueryErrorCode.UNKNOWN, "segment scan failed: " + t, t);
    }
  }
}
