package io.nemeton.node.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Timeouts and failures stop every scan of a query before the segments are given back. */
class SegmentScansTest {
  private static final Query QUERY = QueryParser.parse("{\"queryType\":\"timeBoundary\",\"dataSource\":\"x\"}");

  /** An engine whose scans run until interrupted (or fail at once when asked), counting those running. */
  private static final class StuckEngine implements Engine {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();
    final boolean firstFails;

    StuckEngine(boolean firstFails) {
      this.firstFails = firstFails;
    }

    @Override
    public PartialResult runSegment(Query query, QueryableSegment segment) {
      if (firstFails && started.getAndIncrement() == 0) {
        throw new QueryException(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, "too many groups");
      }
      started.incrementAndGet();
      running.incrementAndGet();
      try {
        while (true) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            throw new QueryException(QueryErrorCode.QUERY_INTERRUPTED, "interrupted");
          }
        }
      } finally {
        running.decrementAndGet();
      }
    }

    @Override
    public PartialResult merge(Query query, List<? extends PartialResult> partials) {
      throw new AssertionError("not used");
    }

    @Override
    public List<Object> finish(Query query, PartialResult merged) {
      throw new AssertionError("not used");
    }

    @Override
    public List<Object> run(Query query, List<QueryableSegment> segments) {
      throw new AssertionError("not used");
    }

    @Override
    public void close() {}
  }

  private static List<QueryableSegment> segments(int n) {
    return new ArrayList<>(Collections.nCopies(n, (QueryableSegment) null));
  }

  @Test
  void timeoutStopsEveryScanBeforeReturning() {
    final StuckEngine engine = new StuckEngine(false);
    try (SegmentScans scans = new SegmentScans(2)) {
      final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
      final QueryException e = assertThrows(QueryException.class,
          () -> scans.run(engine, Collections.nCopies(5, QUERY), segments(5), deadline, 50));
      assertEquals(QueryErrorCode.QUERY_TIMEOUT, e.code());
      assertEquals("query timed out after timeout=50 ms while scanning 5 segments", e.getMessage());
      assertEquals(0, engine.running.get());
    }
  }

  @Test
  void aFailedScanEndsTheQueryWithItsErrorAndStopsTheOthers() {
    final StuckEngine engine = new StuckEngine(true);
    try (SegmentScans scans = new SegmentScans(2)) {
      final QueryException e = assertThrows(QueryException.class,
          () -> scans.run(engine, Collections.nCopies(4, QUERY), segments(4), Long.MAX_VALUE, 0));
      assertEquals(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, e.code());
      assertEquals(0, engine.running.get());
    }
  }

  @Test
  void threadsAreValidated() {
    final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SegmentScans(0));
    assertEquals("broker threads=0 must be >= 1", e.getMessage());
  }
}
