package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.broker.PartialSource;
import io.nemeton.node.broker.SegmentQuery;
import io.nemeton.node.broker.SegmentsGoneException;
import io.nemeton.node.cache.ResultCacheKey;
import io.nemeton.node.cache.SegmentResultCache;
import io.nemeton.transport.QueryErrorCodes;
import io.nemeton.transport.QueryException;
import io.nemeton.transport.TransportException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster broker's {@link PartialSource}: for each segment first the result cache (context
 * {@code useCache}), then one replica among the historicals announcing it, the one with the fewest
 * requests in flight (nodes that just failed last); one request per historical and per-segment
 * query, all sent before any is awaited. A replica that fails (connection lost, killed, no
 * capacity) or answers that a segment is not served any more has those segments asked of another
 * replica, until none is left. With {@code populateCache} each segment's partial comes back on its
 * own and is cached; otherwise each historical merges its segments into one partial.
 *
 * <p>Thread-safe. Allocates per query.
 */
public final class ScatterGather implements PartialSource {
  private static final System.Logger LOG = System.getLogger(ScatterGather.class.getName());
  /** The wire deadline of a query without a timeout: long, but never endless. */
  static final long NO_TIMEOUT_WAIT_MS = 3_600_000;
  /** How many times a query waits for a fresher view when every known replica of a segment failed. */
  static final int MAX_VIEW_WAITS = 2;
  /** How long a query waits for announcements in flight before it reads the view again. */
  static final long VIEW_WAIT_MS = 300;
  /**
   * The most answer bytes of one query that {@link #partialsAsync} decodes on the transport's agent
   * thread; larger answers are decoded on the slow path's pool, so one big query cannot hold up the
   * answers of the others.
   */
  static final long INLINE_MAX_BYTES = 64 * 1024;

  private final AnnouncedSegments view;
  private final HistoricalConnections connections;
  private final PartialCodec codec;
  private final SegmentResultCache cache;
  private final EncodedQueries encodedQueries = new EncodedQueries();

  /** @param cache the result cache, or null for none */
  public ScatterGather(AnnouncedSegments view, HistoricalConnections connections, PartialCodec codec,
      SegmentResultCache cache) {
    this.view = Objects.requireNonNull(view, "view");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.cache = cache;
  }

  @Override
  public List<PartialResult> partials(Engine engine, Query query, List<SegmentQuery> segments, long deadlineNs,
      long timeoutMs) {
    final Gathering g = new Gathering(query, segments, deadlineNs, timeoutMs);
    while (g.send()) {
      g.gather();
    }
    return g.result();
  }

  /**
   * Sends the sub-queries and returns at once. When every historical answered without a failure
   * or a missing segment and the answers are small (at most {@link #INLINE_MAX_BYTES} in all),
   * the future completes on the thread that received the last answer (the transport client's
   * agent), so no waiting thread has to be woken; otherwise the rest of the work (decoding, asking
   * other replicas, waiting for a fresher view) runs on {@code slowPath}, as {@link #partials} would.
   */
  @Override
  public CompletableFuture<List<PartialResult>> partialsAsync(Engine engine, Query query, List<SegmentQuery> segments,
      long deadlineNs, long timeoutMs, Executor slowPath) {
    final Gathering g = new Gathering(query, segments, deadlineNs, timeoutMs);
    if (!g.send()) {
      return CompletableFuture.completedFuture(g.result());
    }
    final CompletableFuture<List<PartialResult>> out = new CompletableFuture<>();
    final List<Call> calls = g.calls;
    final AtomicInteger left = new AtomicInteger(calls.size());
    for (Call call : calls) {
      if (call.call == null) { // not sent: its segments go to other replicas on the slow path
        if (left.decrementAndGet() == 0) {
          g.finishOn(slowPath, out);
        }
        continue;
      }
      call.call.completion().whenComplete((ignored, error) -> {
        if (left.decrementAndGet() == 0) {
          if (g.answeredInFull()) {
            g.finish(out);
          } else {
            g.finishOn(slowPath, out);
          }
        }
      });
    }
    return out;
  }

  /** One query's scatter and gather: the rounds of sub-queries until every segment has a partial. */
  private final class Gathering {
    final List<SegmentQuery> segments;
    final long deadlineMs;
    final long timeoutMs;
    final boolean populate;
    final ResultCacheKey[] keys;
    final List<Gathered> gathered = new ArrayList<>();
    final Map<Integer, Set<String>> tried = new HashMap<>();
    List<Integer> pending;
    List<Call> calls = List.of();
    int viewWaits;
    /** The latency trace's line of this query, continued on the thread that finishes it. */
    final Object trace = LatencyTrace.current();

    Gathering(Query query, List<SegmentQuery> segments, long deadlineNs, long timeoutMs) {
      this.segments = segments;
      final int n = segments.size();
      this.timeoutMs = timeoutMs;
      final long nowMs = System.currentTimeMillis();
      this.deadlineMs = deadlineNs == Long.MAX_VALUE ? nowMs + NO_TIMEOUT_WAIT_MS
          : nowMs + Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime()));
      final boolean useCache = cache != null && query.context().useCache();
      this.populate = cache != null && query.context().populateCache();
      this.keys = new ResultCacheKey[n];
      this.pending = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        final SegmentRecord record = useCache || populate ? view.record(segments.get(i).segmentId()) : null;
        keys[i] = record == null ? null : ResultCacheKey.of(record, segments.get(i).query());
        final byte[] cached = useCache && keys[i] != null ? cache.get(keys[i]) : null;
        if (cached != null) {
          gathered.add(new Gathered(i, codec.decode(segments.get(i).query(), cached, 0, cached.length)));
        } else {
          pending.add(i);
        }
      }
    }

    /**
     * Sends a round of sub-queries for the pending segments; false when none is pending. May wait
     * (for a fresher view) and throws when a segment has no replica left or the deadline passed.
     */
    boolean send() {
      while (!pending.isEmpty()) {
        if (System.currentTimeMillis() >= deadlineMs) {
          throw timeout(timeoutMs, segments.size());
        }
        final long sendNs = LatencyStages.now();
        final Map<String, Map<Query, List<Integer>>> plan = new LinkedHashMap<>();
        final int stranded = plan(segments, pending, tried, plan);
        if (stranded >= 0) {
          // Every replica this view knows was tried. The view lags ZooKeeper by up to a poll: a
          // replica moved by balancing (loaded on one node, then dropped from another) may be
          // announced already. Look again after fresh reads before giving up.
          if (viewWaits < MAX_VIEW_WAITS && awaitFreshView(deadlineMs)) {
            viewWaits++;
            continue;
          }
          final String id = segments.get(stranded).segmentId();
          final String message = "segment " + id + ": no historical left to ask (announced by " + view.replicas(id)
              + ", failed: " + tried.getOrDefault(stranded, Set.of()) + ")";
          if (view.replicas(id).isEmpty()) {
            throw new SegmentsGoneException(message); // the broker plans again from a fresh timeline
          }
          throw new io.nemeton.engine.query.QueryException(QueryErrorCode.QUERY_INTERRUPTED, message);
        }
        calls = ScatterGather.this.send(plan, segments, populate, deadlineMs, tried);
        LatencyStages.since("broker.5a-plan+send", sendNs);
        LatencyTrace.mark(4);
        pending = new ArrayList<>();
        return true;
      }
      return false;
    }

    /** Waits for the round's calls and collects their partials; failed segments become pending again. */
    void gather() {
      long lastCompletedNs = 0;
      for (Call call : calls) {
        if (call.pendingOnSend != null) {
          pending.addAll(call.pendingOnSend);
          continue;
        }
        ScatterGather.this.gather(call, segments, keys, populate, deadlineMs, timeoutMs, gathered, pending, tried);
        lastCompletedNs = Math.max(lastCompletedNs, call.completedNs);
      }
      calls = List.of();
      if (lastCompletedNs > 0) {
        LatencyStages.since("broker.5c-wake+decode", lastCompletedNs);
      }
      LatencyTrace.mark(5);
    }

    /** Whether every call of the round ended well, with every segment answered and small answers. */
    boolean answeredInFull() {
      long bytes = 0;
      for (Call call : calls) {
        if (call.call == null || call.call.completion().isCompletedExceptionally()) {
          return false;
        }
        for (RemoteLayout.Result result : call.results) {
          if (result.kind() == RemoteLayout.KIND_MISSING) {
            return false;
          }
          bytes += result.partial().length;
        }
      }
      return bytes <= INLINE_MAX_BYTES;
    }

    /** Gathers the finished round on this thread and completes {@code out}; never throws. */
    void finish(CompletableFuture<List<PartialResult>> out) {
      LatencyTrace.attach(trace);
      try {
        final List<PartialResult> partials;
        try {
          gather();
          while (send()) {
            gather();
          }
          partials = result();
        } catch (RuntimeException | Error e) {
          out.completeExceptionally(e);
          return;
        }
        out.complete(partials);
      } finally {
        LatencyTrace.attach(null);
      }
    }

    void finishOn(Executor executor, CompletableFuture<List<PartialResult>> out) {
      try {
        executor.execute(() -> finish(out));
      } catch (RuntimeException e) { // the pool is shut down or full: end the query rather than lose it
        for (Call call : calls) {
          call.release();
        }
        out.completeExceptionally(new io.nemeton.engine.query.QueryException(QueryErrorCode.QUERY_INTERRUPTED,
            "broker cannot finish the query: " + e.getMessage(), e));
      }
    }

    List<PartialResult> result() {
      gathered.sort((a, b) -> Integer.compare(a.firstIndex(), b.firstIndex()));
      final List<PartialResult> out = new ArrayList<>(gathered.size());
      for (Gathered g : gathered) {
        out.add(g.partial());
      }
      return out;
    }
  }

  /**
   * Fills {@code plan}: per historical, per per-segment query (by identity), the segment indexes to
   * ask it. Returns the index of a segment no replica is left for, or -1 when all are planned.
   */
  private int plan(List<SegmentQuery> segments, List<Integer> pending, Map<Integer, Set<String>> tried,
      Map<String, Map<Query, List<Integer>>> plan) {
    final Map<String, Integer> planned = new HashMap<>();
    for (int i : pending) {
      final String id = segments.get(i).segmentId();
      final String node = choose(view.replicas(id), tried.getOrDefault(i, Set.of()), planned);
      if (node == null) {
        return i;
      }
      planned.merge(node, 1, Integer::sum);
      plan.computeIfAbsent(node, k -> new IdentityHashMap<>())
          .computeIfAbsent(segments.get(i).query(), k -> new ArrayList<>()).add(i);
    }
    return -1;
  }

  /**
   * Gives announcements in flight time to arrive, then reads ZooKeeper into the view: waits until a
   * watch made the view read again or {@link #VIEW_WAIT_MS} passed, then reads once more, retrying
   * within a second and the deadline; false if no read worked.
   */
  private boolean awaitFreshView(long deadlineMs) {
    final long giveUpMs = Math.min(deadlineMs, System.currentTimeMillis() + 1_000);
    final long readsBefore = view.polls();
    final long waitUntilMs = Math.min(giveUpMs, System.currentTimeMillis() + VIEW_WAIT_MS);
    while (view.polls() == readsBefore && System.currentTimeMillis() < waitUntilMs) {
      sleepBriefly();
    }
    while (!view.refresh()) {
      if (System.currentTimeMillis() >= giveUpMs) {
        return false;
      }
      sleepBriefly();
    }
    return true;
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.nemeton.engine.query.QueryException(QueryErrorCode.QUERY_INTERRUPTED, "broker interrupted", e);
    }
  }

  /** The replica not yet tried with the fewest requests in flight, healthy ones first; null if none. */
  private String choose(List<String> replicas, Set<String> tried, Map<String, Integer> planned) {
    String best = null;
    long bestScore = Long.MAX_VALUE;
    final int offset = replicas.isEmpty() ? 0 : (int) (System.nanoTime() % replicas.size());
    for (int k = 0; k < replicas.size(); k++) {
      final String node = replicas.get((k + offset) % replicas.size());
      if (tried.contains(node) || view.node(node) == null) {
        continue;
      }
      final long score = (connections.isSuspect(node) ? 1L << 40 : 0)
          + connections.inFlight(node).get() * 1024L + planned.getOrDefault(node, 0);
      if (score < bestScore) {
        bestScore = score;
        best = node;
      }
    }
    return best;
  }

  private List<Call> send(Map<String, Map<Query, List<Integer>>> plan, List<SegmentQuery> segments,
      boolean populate, long deadlineMs, Map<Integer, Set<String>> tried) {
    final List<Call> calls = new ArrayList<>();
    // One encoding per per-segment query: several historicals usually get the same one.
    final Map<Query, byte[]> encoded = new IdentityHashMap<>();
    for (Map.Entry<String, Map<Query, List<Integer>>> byNode : plan.entrySet()) {
      final String node = byNode.getKey();
      for (Map.Entry<Query, List<Integer>> byQuery : byNode.getValue().entrySet()) {
        final List<Integer> indexes = byQuery.getValue();
        final Call call = new Call(node, indexes);
        calls.add(call);
        final List<String> ids = new ArrayList<>(indexes.size());
        for (int i : indexes) {
          ids.add(segments.get(i).segmentId());
        }
        try {
          final AnnouncedSegments.Node announced = view.node(node);
          if (announced == null) {
            throw new TransportException("historical " + node + " is no longer announced");
          }
          connections.inFlight(node).incrementAndGet();
          call.counted = true;
          call.sentNs = LatencyStages.now();
          call.call = connections.connection(announced.announcement())
              .stream(encoded.computeIfAbsent(byQuery.getKey(), q -> encodedQueries.bytes(q, populate)),
                  ids, deadlineMs, call);
        } catch (TransportException e) {
          LOG.log(Level.WARNING, "broker: historical " + node + " unreachable, asking other replicas: " + e.getMessage());
          call.release();
          markTried(tried, indexes, node);
          call.pendingOnSend = indexes;
        }
      }
    }
    return calls;
  }

  private void gather(Call call, List<SegmentQuery> segments, ResultCacheKey[] keys, boolean populate,
      long deadlineMs, long timeoutMs, List<Gathered> gathered, List<Integer> pending,
      Map<Integer, Set<String>> tried) {
    try {
      call.call.await(Math.max(1, deadlineMs - System.currentTimeMillis() + 1_000));
    } catch (TimeoutException e) {
      call.call.cancel();
      throw timeout(timeoutMs, segments.size());
    } catch (InterruptedException e) {
      call.call.cancel();
      Thread.currentThread().interrupt();
      throw new io.nemeton.engine.query.QueryException(QueryErrorCode.QUERY_INTERRUPTED, "broker interrupted", e);
    } catch (ExecutionException e) {
      final Throwable cause = e.getCause();
      if (cause instanceof QueryException remote && isRetriable(remote.errorCode())) {
        LOG.log(Level.WARNING, "broker: historical " + call.node + " failed (" + remote.getMessage()
            + "), asking other replicas for its " + call.indexes.size() + " segments");
        connections.markFailed(call.node);
        markTried(tried, call.indexes, call.node);
        pending.addAll(call.indexes);
        return;
      }
      throw local(cause, timeoutMs, segments.size());
    } finally {
      call.release();
    }
    if (call.completedNs > 0) {
      LatencyStages.record("broker.5b-roundtrip", call.completedNs - call.sentNs);
      LatencyTrace.call(call.call.requestId(), call.node, call.sentNs, call.completedNs,
          call.completedBy == Thread.currentThread());
    }
    for (RemoteLayout.Result result : call.results) {
      if (result.kind() == RemoteLayout.KIND_MISSING) {
        for (int k : result.indexes()) {
          final int i = call.indexes.get(k);
          markTried(tried, List.of(i), call.node);
          pending.add(i);
        }
        continue;
      }
      final int first = call.indexes.get(result.indexes()[0]);
      final Query segmentQuery = segments.get(first).query();
      gathered.add(new Gathered(first, codec.decode(segmentQuery, result.partial(), 0, result.partial().length)));
      if (populate && result.indexes().length == 1 && keys[first] != null) {
        cache.put(keys[first], result.partial());
      }
    }
  }

  private static boolean isRetriable(String code) {
    return QueryErrorCodes.QUERY_INTERRUPTED.equals(code) || QueryErrorCodes.QUERY_CAPACITY_EXCEEDED.equals(code);
  }

  private static void markTried(Map<Integer, Set<String>> tried, List<Integer> indexes, String node) {
    for (int i : indexes) {
      tried.computeIfAbsent(i, k -> new HashSet<>()).add(node);
    }
  }

  private static RuntimeException local(Throwable cause, long timeoutMs, int segments) {
    if (cause instanceof QueryException remote) {
      if (QueryErrorCodes.QUERY_TIMEOUT.equals(remote.errorCode())) {
        return timeout(timeoutMs, segments);
      }
      for (QueryErrorCode code : QueryErrorCode.values()) {
        if (code.legacyCode().equals(remote.errorCode())) {
          return new io.nemeton.engine.query.QueryException(code, remote.getMessage(), remote);
        }
      }
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new io.nemeton.engine.query.QueryException(QueryErrorCode.UNKNOWN, "remote query failed: " + cause, cause);
  }

  static io.nemeton.engine.query.QueryException timeout(long timeoutMs, int segments) {
    return new io.nemeton.engine.query.QueryException(QueryErrorCode.QUERY_TIMEOUT,
        "query timed out after timeout=" + timeoutMs + " ms while gathering " + segments + " segments from historicals");
  }

  private record Gathered(int firstIndex, PartialResult partial) {}

  /** One request to one historical; collects its results on the client's agent thread. */
  private final class Call implements io.nemeton.transport.PartialResultListener {
    final String node;
    final List<Integer> indexes;
    final List<RemoteLayout.Result> results = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.nemeton.transport.QueryCall call;
    List<Integer> pendingOnSend;
    boolean counted;
    long sentNs;
    volatile long completedNs;
    volatile Thread completedBy;

    Call(String node, List<Integer> indexes) {
      this.node = node;
      this.indexes = indexes;
    }

    void release() {
      if (counted) {
        counted = false;
        connections.inFlight(node).decrementAndGet();
      }
    }

    @Override
    public void onPartial(org.agrona.DirectBuffer buffer, int offset, int length) {
      results.add(RemoteLayout.readResult(buffer, offset, length, indexes.size()));
    }

    // The end and any error of the call are read from its completion (gather awaits it with the
    // deadline, polling the responses itself meanwhile), so the listener only collects partials
    // and, for the latency switch, notes when the call ended.
    @Override
    public void onComplete() {
      completedNs = LatencyStages.now();
      if (LatencyTrace.ENABLED) {
        completedBy = Thread.currentThread();
      }
    }

    @Override
    public void onError(QueryException error) {}
  }
}
