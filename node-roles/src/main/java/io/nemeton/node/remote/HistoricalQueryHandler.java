package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.view.SegmentView;
import io.nemeton.transport.QueryAbortedException;
import io.nemeton.transport.QueryException;
import io.nemeton.transport.QueryHandler;
import io.nemeton.transport.QueryRequest;
import io.nemeton.transport.ResultSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.agrona.DirectBuffer;

/**
 * A historical's answer to the broker's binary queries ({@link RemoteLayout}): parses the query
 * (once per distinct bytes, {@link ParsedQueries}),
 * pins the asked segments with a lease, runs {@link Engine#runSegment} on each in the asked order
 * and streams either one merged partial result or, when the broker wants to cache them, one per
 * segment. Segments not served here (dropped meanwhile) are reported as MISSING so the broker asks
 * another replica. Engine errors go back as ERROR frames with Druid's error code.
 *
 * <p>Thread-safe: the transport calls it for many requests at once. Allocates per request (a few
 * hundred bytes for a small query: the engine's partials and its bookkeeping); results are encoded
 * into a per-thread buffer ({@link ResultBuffers}).
 */
public final class HistoricalQueryHandler implements QueryHandler {
  private final SegmentView view;
  private final EngineChoice engines;
  private final PartialCodec codec;
  private final ParsedQueries parsed = new ParsedQueries();
  /**
   * A query answered faster than this last time (per segment, times the segments asked) runs on
   * the transport's agent thread, from {@code nemeton.query.inlineMicros} (default 300; 0: never).
   */
  static final long INLINE_NS = 1_000L * Long.getLong("nemeton.query.inlineMicros", 300);

  public HistoricalQueryHandler(SegmentView view, EngineChoice engines, PartialCodec codec) {
    this.view = Objects.requireNonNull(view, "view");
    this.engines = Objects.requireNonNull(engines, "engines");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * A query this handler answered before in well under a millisecond (the same bytes, so the
   * same query; {@link #INLINE_NS}) is answered on the agent thread: a dashboard's repeated small
   * queries then skip the wake-up of a worker.
   */
  @Override
  public boolean answersInline(QueryRequest request) {
    if (INLINE_NS <= 0) {
      return false;
    }
    final ParsedQueries.Parsed known = parsed.known(request.query());
    if (known == null) {
      return false;
    }
    final long perSegment = known.nanosPerSegment;
    final int segments = Math.max(1, request.segmentIds().size());
    return perSegment <= INLINE_NS / segments;
  }

  @Override
  public void handle(QueryRequest request, ResultSink sink) {
    final long startNs = LatencyStages.since("historical.1-handoff", request.receivedAtNanos());
    final long handleNs = LatencyTrace.ENABLED ? System.nanoTime() : 0;
    final boolean perSegment;
    final Query query;
    final Engine engine;
    final ParsedQueries.Parsed entry;
    try {
      perSegment = RemoteLayout.perSegment(request.query());
      entry = parsed.parse(request.query());
      query = entry.query;
      engine = engines.choose(query);
    } catch (IllegalArgumentException e) {
      throw new QueryException(QueryErrorCode.INVALID_QUERY.legacyCode(), e.getClass().getName(), e.getMessage());
    } catch (io.nemeton.engine.query.QueryException e) {
      throw remote(e);
    }
    final long parsedNs = LatencyStages.since("historical.2-parse", startNs);
    final long workStartNs = System.nanoTime();
    final List<String> ids = request.segmentIds();
    try (SegmentLease lease = view.acquire(ids)) {
      final long leasedNs = LatencyStages.since("historical.3-lease", parsedNs);
      final QueryableSegment[] held = match(ids, lease.segments());
      final int[] indexes = new int[ids.size()];
      int missing = 0;
      for (int i = 0; i < held.length; i++) {
        if (held[i] == null) {
          indexes[missing++] = i;
        }
      }
      if (missing > 0) {
        sink.sendPartial(RemoteLayout.result(RemoteLayout.KIND_MISSING, indexes, missing, null));
      }
      final List<PartialResult> partials = new ArrayList<>(ids.size());
      int count = 0;
      for (int i = 0; i < held.length; i++) {
        final QueryableSegment segment = held[i];
        if (segment == null) {
          continue;
        }
        if (sink.isCancelled()) {
          return;
        }
        final PartialResult partial = engine.runSegment(query, segment);
        if (perSegment) {
          indexes[0] = i;
          send(sink, false, query, partial, indexes, 1);
        } else {
          partials.add(partial);
          indexes[count++] = i;
        }
      }
      final long ranNs = LatencyStages.since("historical.4-engine", leasedNs);
      if (count > 0) {
        send(sink, true, query, engine.merge(query, partials), indexes, count);
      } else {
        sink.complete();
      }
      entry.nanosPerSegment = (System.nanoTime() - workStartNs) / Math.max(1, ids.size());
      LatencyStages.since("historical.5-merge+encode+send", ranNs);
      LatencyStages.since("historical.total", request.receivedAtNanos());
      LatencyTrace.historical(request.requestId(), request.receivedAtNanos(), handleNs);
    } catch (QueryAbortedException e) {
      throw e;
    } catch (io.nemeton.engine.query.QueryException e) {
      throw remote(e);
    }
  }

  /**
   * The lease's segments by the position of their id in {@code ids} (null where not served). The
   * lease lists them in the asked order with the missing ones left out, so one walk matches them;
   * a lease in another order falls back to a map.
   */
  private static QueryableSegment[] match(List<String> ids, List<QueryableSegment> segments) {
    final QueryableSegment[] held = new QueryableSegment[ids.size()];
    int next = 0;
    for (int i = 0; i < held.length && next < segments.size(); i++) {
      if (segments.get(next).segmentId().equals(ids.get(i))) {
        held[i] = segments.get(next++);
      }
    }
    if (next == segments.size()) {
      return held;
    }
    final Map<String, QueryableSegment> byId = new HashMap<>();
    for (QueryableSegment segment : segments) {
      byId.put(segment.segmentId(), segment);
    }
    for (int i = 0; i < held.length; i++) {
      held[i] = byId.get(ids.get(i));
    }
    return held;
  }

  /** Sends one SEGMENTS result, encoded into the thread's {@link ResultBuffers}. */
  private void send(ResultSink sink, boolean last, Query query, PartialResult partial, int[] indexes, int count) {
    final ResultBuffers buffers = ResultBuffers.take();
    try {
      RemoteLayout.resultHeader(buffers.bytes(), RemoteLayout.KIND_SEGMENTS, indexes, count);
      codec.encode(query, partial, buffers.bytes());
      final DirectBuffer written = buffers.written();
      if (last) {
        sink.sendLast(written, 0, written.capacity());
      } else {
        sink.sendPartial(written, 0, written.capacity());
      }
    } finally {
      buffers.release();
    }
  }

  private static QueryException remote(io.nemeton.engine.query.QueryException e) {
    return new QueryException(e.code().legacyCode(), e.getClass().getName(), e.getMessage());
  }
}
