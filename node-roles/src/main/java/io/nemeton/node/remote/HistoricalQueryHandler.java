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

/**
 * A historical's answer to the broker's binary queries ({@link RemoteLayout}): parses the query
 * (once per distinct bytes, {@link ParsedQueries}),
 * pins the asked segments with a lease, runs {@link Engine#runSegment} on each in the asked order
 * and streams either one merged partial result or, when the broker wants to cache them, one per
 * segment. Segments not served here (dropped meanwhile) are reported as MISSING so the broker asks
 * another replica. Engine errors go back as ERROR frames with Druid's error code.
 *
 * <p>Thread-safe: the transport calls it for many requests at once. Allocates per request.
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
      final Map<String, QueryableSegment> held = new HashMap<>();
      for (QueryableSegment segment : lease.segments()) {
        held.put(segment.segmentId(), segment);
      }
      final int[] indexes = new int[ids.size()];
      int missing = 0;
      for (int i = 0; i < ids.size(); i++) {
        if (!held.containsKey(ids.get(i))) {
          indexes[missing++] = i;
        }
      }
      if (missing > 0) {
        sink.sendPartial(RemoteLayout.result(RemoteLayout.KIND_MISSING, indexes, missing, null));
      }
      final List<PartialResult> partials = new ArrayList<>(ids.size());
      int count = 0;
      for (int i = 0; i < ids.size(); i++) {
        final QueryableSegment segment = held.get(ids.get(i));
        if (segment == null) {
          continue;
        }
        if (sink.isCancelled()) {
          return;
        }
        final PartialResult partial = engine.runSegment(query, segment);
        if (perSegment) {
          sink.sendPartial(RemoteLayout.result(RemoteLayout.KIND_SEGMENTS, new int[] {i}, 1,
              codec.encode(query, partial)));
        } else {
          partials.add(partial);
          indexes[count++] = i;
        }
      }
      final long ranNs = LatencyStages.since("historical.4-engine", leasedNs);
      if (count > 0) {
        sink.sendLast(RemoteLayout.result(RemoteLayout.KIND_SEGMENTS, indexes, count,
            codec.encode(query, engine.merge(query, partials))));
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

  private static QueryException remote(io.nemeton.engine.query.QueryException e) {
    return new QueryException(e.code().legacyCode(), e.getClass().getName(), e.getMessage());
  }
}
