package io.nemeton.node.http;

import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.node.view.SegmentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's datasource paths under {@code /druid/coordinator/v1}: what is served ({@code
 * datasources}, {@code ?simple}, {@code ?full}, one datasource, its segments), how much of what the
 * metadata store marks used is loaded ({@code loadstatus}, from {@link LoadStatus}), and {@code
 * DELETE datasources/{ds}}, which marks its segments unused in the metadata store (the source of
 * truth) and answers {@code {"numChangedSegments": n}}. Rules are in {@link RuleEndpoints}.
 * Stateless apart from its backends.
 */
final class CoordinatorEndpoints {
  static final String BASE = "/druid/coordinator/v1";
  /** Single-server mode has one tier, Druid's default one, and one replica of each segment. */
  static final String TIER = "_default_tier";

  private CoordinatorEndpoints() {}

  static void register(Router router, GatewayBackends backends) {
    final SegmentView view = backends.view();
    final MetadataStore metadata = backends.metadata();
    router.add("GET", BASE + "/datasources", request -> {
      final Map<String, List<SegmentRecord>> served = served(view);
      if (request.hasQueryParameter("full")) {
        final List<Object> body = new ArrayList<>();
        served.forEach((name, records) -> body.add(full(name, records)));
        return HttpAnswer.json(200, body);
      }
      if (request.hasQueryParameter("simple")) {
        final List<Object> body = new ArrayList<>();
        served.forEach((name, records) -> {
          final Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("name", name);
          entry.put("properties", summary(records));
          body.add(entry);
        });
        return HttpAnswer.json(200, body);
      }
      return HttpAnswer.json(200, new ArrayList<>(served.keySet()));
    });
    router.add("GET", BASE + "/datasources/{ds}", request -> {
      final String name = request.pathParameter("ds");
      final List<SegmentRecord> records = servedOf(view, name);
      return HttpAnswer.json(200, request.hasQueryParameter("full") ? full(name, records) : summary(records));
    });
    router.add("GET", BASE + "/datasources/{ds}/segments", request -> {
      final List<SegmentRecord> records = servedOf(view, request.pathParameter("ds"));
      final List<Object> body = new ArrayList<>(records.size());
      for (SegmentRecord record : records) {
        body.add(request.hasQueryParameter("full") ? SegmentPayload.map(record) : record.id());
      }
      return HttpAnswer.json(200, body);
    });
    router.add("DELETE", BASE + "/datasources/{ds}", request -> {
      final String name = request.pathParameter("ds");
      final boolean known = metadata.segments().dataSourcesWithUsedSegments().contains(name);
      if (!known) {
        throw HttpError.notFound("datasource " + name + " has no used segments");
      }
      final int changed = metadata.segments().markUnused(name);
      backends.segmentsChanged().run();
      return HttpAnswer.json(200, Map.of("numChangedSegments", changed));
    });
    router.add("GET", BASE + "/loadstatus", request -> {
      final Map<String, LoadStatus> status = LoadStatus.of(metadata.segments().allUsedSegments(), view.served());
      final Map<String, Object> body = new TreeMap<>();
      if (request.hasQueryParameter("full")) {
        final Map<String, Object> perDataSource = new TreeMap<>();
        status.forEach((name, load) -> perDataSource.put(name, load.left()));
        return HttpAnswer.json(200, Map.of(TIER, perDataSource));
      }
      final boolean simple = request.hasQueryParameter("simple");
      status.forEach((name, load) -> body.put(name, simple ? (Object) load.left() : (Object) load.percent()));
      return HttpAnswer.json(200, body);
    });
    RuleEndpoints.register(router, metadata, backends.segmentsChanged());
  }

  /** Served segments by datasource, names sorted, segments in the view's order. */
  private static Map<String, List<SegmentRecord>> served(SegmentView view) {
    final Map<String, List<SegmentRecord>> out = new TreeMap<>();
    for (SegmentRecord record : view.served()) {
      out.computeIfAbsent(record.dataSource(), name -> new ArrayList<>()).add(record);
    }
    return out;
  }

  private static List<SegmentRecord> servedOf(SegmentView view, String name) {
    final List<SegmentRecord> records = served(view).get(name);
    if (records == null) {
      throw HttpError.notFound("datasource " + name + " is not served");
    }
    return records;
  }

  private static Map<String, Object> full(String name, List<SegmentRecord> records) {
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("properties", Map.of("created", IsoInstant.format(System.currentTimeMillis())));
    final List<Object> segments = new ArrayList<>(records.size());
    for (SegmentRecord record : records) {
      segments.add(SegmentPayload.map(record));
    }
    out.put("segments", segments);
    return out;
  }

  /** Druid's {@code {"tiers": {...}, "segments": {"maxTime", "size", "minTime", "count", "replicatedSize"}}}. */
  private static Map<String, Object> summary(List<SegmentRecord> records) {
    long size = 0;
    long minMs = Interval.MAX_INSTANT_MS;
    long maxMs = Interval.MIN_INSTANT_MS;
    for (SegmentRecord record : records) {
      if (SegmentPayload.map(record).get("size") instanceof Number bytes) {
        size += bytes.longValue();
      }
      minMs = Math.min(minMs, record.startMs());
      maxMs = Math.max(maxMs, record.endMs());
    }
    final Map<String, Object> tier = new LinkedHashMap<>();
    tier.put("size", size);
    tier.put("segmentCount", records.size());
    tier.put("replicationFactor", 1);
    final Map<String, Object> segments = new LinkedHashMap<>();
    segments.put("maxTime", IsoInstant.format(maxMs));
    segments.put("size", size);
    segments.put("minTime", IsoInstant.format(minMs));
    segments.put("count", records.size());
    segments.put("replicatedSize", size);
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("tiers", Map.of(TIER, tier));
    out.put("segments", segments);
    return out;
  }
}
