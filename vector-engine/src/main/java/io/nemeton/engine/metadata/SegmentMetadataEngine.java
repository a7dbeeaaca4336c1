package io.nemeton.engine.metadata;

import io.nemeton.engine.query.SegmentMetadataQuery;
import io.nemeton.engine.query.SegmentMetadataQuery.AnalysisType;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.result.StringComparators;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.ColumnInfo;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.StringColumn;
import io.nemeton.segment.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs segmentMetadata queries from each segment's schema, dictionaries and ingest metadata,
 * without reading rows: per column its type, whether it is multi-value or has nulls, the
 * dictionary cardinality and first/last values of strings ({@code cardinality}, {@code minmax}),
 * storage bytes ({@code size}); per segment its interval, row count, and the ingest-time
 * aggregators, timestamp spec, query granularity and rollup when asked. With {@code merge} the
 * analyses fold into one (cardinalities and sizes as Druid folds them, types that differ become an
 * error message). Stateless.
 */
public final class SegmentMetadataEngine {
  private SegmentMetadataEngine() {
  }

  public static SegmentMetadataPartial runSegment(SegmentMetadataQuery query, QueryableSegment segment) {
    final Set<AnalysisType> types = query.analysisTypes();
    final Map<String, Object> analysis = new LinkedHashMap<>();
    analysis.put("id", segment.segmentId());
    final Interval interval = new Interval(segment.info().intervalStartMs(), segment.info().intervalEndMs());
    analysis.put("intervals", types.contains(AnalysisType.INTERVAL) ? List.of(interval.toString()) : null);
    final Map<String, Object> columns = new LinkedHashMap<>();
    for (String name : segment.columnNames()) {
      if (included(query, name)) {
        columns.put(name, column(segment, segment.column(name), types));
      }
    }
    analysis.put("columns", columns);
    analysis.put("size", types.contains(AnalysisType.SIZE) ? segment.sizeBytes() : 0L);
    analysis.put("numRows", (long) segment.rowCount());
    final Map<String, Object> metadata = segment.info().metadata();
    analysis.put("aggregators", types.contains(AnalysisType.AGGREGATORS) ? aggregators(metadata) : null);
    analysis.put("projections", null);
    analysis.put("timestampSpec", types.contains(AnalysisType.TIMESTAMP_SPEC) ? metadata.get("timestampSpec") : null);
    analysis.put("queryGranularity",
        types.contains(AnalysisType.QUERY_GRANULARITY) ? metadata.get("queryGranularity") : null);
    analysis.put("rollup", types.contains(AnalysisType.ROLLUP) ? metadata.get("rollup") : null);
    final List<Map<String, Object>> analyses = new ArrayList<>();
    analyses.add(analysis);
    return new SegmentMetadataPartial(analyses);
  }

  private static boolean included(SegmentMetadataQuery query, String name) {
    return switch (query.toInclude().mode()) {
      case ALL -> true;
      case NONE -> false;
      case LIST -> query.toInclude().columns().contains(name);
    };
  }

  /** The ingest aggregators as a map by name, or null when the segment records none. */
  private static Object aggregators(Map<String, Object> metadata) {
    if (!(metadata.get("aggregators") instanceof List<?> list)) {
      return null;
    }
    final Map<String, Object> byName = new LinkedHashMap<>();
    for (Object aggregator : list) {
      if (aggregator instanceof Map<?, ?> spec && spec.get("name") != null) {
        byName.put(spec.get("name").toString(), spec);
      }
    }
    return byName;
  }

  private static Map<String, Object> column(QueryableSegment segment, ColumnInfo info, Set<AnalysisType> types) {
    final Map<String, Object> column = new LinkedHashMap<>();
    final String type = info.type() == ColumnType.COMPLEX ? info.complexTypeName() : info.type().druidName();
    column.put("typeSignature", info.type() == ColumnType.COMPLEX ? "COMPLEX<" + info.complexTypeName() + ">" : type);
    column.put("type", type);
    column.put("hasMultipleValues", info.multiValue());
    column.put("hasNulls", info.hasNulls());
    column.put("size", types.contains(AnalysisType.SIZE) ? segment.columnSizeBytes(info.name()) : 0L);
    Object cardinality = null;
    Object min = null;
    Object max = null;
    if (info.type() == ColumnType.STRING) {
      final StringColumn strings = segment.stringColumn(info.name());
      if (types.contains(AnalysisType.CARDINALITY)) {
        cardinality = (long) strings.cardinality();
      }
      if (types.contains(AnalysisType.MINMAX)) {
        final int first = strings.hasNullValue() ? 1 : 0;
        if (strings.cardinality() > first) {
          min = strings.value(first);
          max = strings.value(strings.cardinality() - 1);
        }
      }
    }
    column.put("cardinality", cardinality);
    column.put("minValue", min);
    column.put("maxValue", max);
    column.put("errorMessage", null);
    return column;
  }

  public static SegmentMetadataPartial merge(SegmentMetadataQuery query, List<? extends PartialResult> partials) {
    final List<Map<String, Object>> all = new ArrayList<>();
    for (PartialResult partial : partials) {
      all.addAll(((SegmentMetadataPartial) partial).analyses());
    }
    if (!query.merge() || all.size() <= 1) {
      if (query.merge() && all.size() == 1) {
        all.get(0).put("id", "merged");
      }
      return new SegmentMetadataPartial(all);
    }
    Map<String, Object> merged = null;
    for (Map<String, Object> analysis : all) {
      merged = merged == null ? copy(analysis) : fold(merged, analysis);
    }
    merged.put("id", "merged");
    return new SegmentMetadataPartial(List.of(merged));
  }

  private static Map<String, Object> copy(Map<String, Object> analysis) {
    final Map<String, Object> copy = new LinkedHashMap<>(analysis);
    final Map<String, Object> columns = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    final Map<String, Map<String, Object>> source = (Map<String, Map<String, Object>>) analysis.get("columns");
    source.forEach((name, column) -> columns.put(name, new LinkedHashMap<>(column)));
    copy.put("columns", columns);
    if (analysis.get("intervals") != null) {
      copy.put("intervals", new ArrayList<>((List<?>) analysis.get("intervals")));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fold(Map<String, Object> left, Map<String, Object> right) {
    if (left.get("intervals") != null && right.get("intervals") != null) {
      final List<Object> intervals = (List<Object>) left.get("intervals");
      for (Object interval : (List<?>) right.get("intervals")) {
        if (!intervals.contains(interval)) {
          intervals.add(interval);
        }
      }
      intervals.sort((a, b) -> a.toString().compareTo(b.toString()));
    }
    left.put("size", (Long) left.get("size") + (Long) right.get("size"));
    left.put("numRows", (Long) left.get("numRows") + (Long) right.get("numRows"));
    final Map<String, Object> columns = (Map<String, Object>) left.get("columns");
    ((Map<String, Map<String, Object>>) right.get("columns")).forEach((name, column) -> {
      final Map<String, Object> existing = (Map<String, Object>) columns.get(name);
      columns.put(name, existing == null ? new LinkedHashMap<>(column) : foldColumn(existing, column));
    });
    left.put("aggregators", Objects.equals(left.get("aggregators"), right.get("aggregators"))
        ? left.get("aggregators") : null);
    for (String key : List.of("timestampSpec", "queryGranularity", "rollup")) {
      if (!Objects.equals(left.get(key), right.get(key))) {
        left.put(key, null);
      }
    }
    return left;
  }

  private static Map<String, Object> foldColumn(Map<String, Object> left, Map<String, Object> right) {
    if (!Objects.equals(left.get("type"), right.get("type"))) {
      left.put("errorMessage", "error:cannot_merge_diff_types: [" + left.get("type") + "] and [" + right.get("type")
          + "]");
      return left;
    }
    left.put("hasMultipleValues", (Boolean) left.get("hasMultipleValues") || (Boolean) right.get("hasMultipleValues"));
    left.put("hasNulls", (Boolean) left.get("hasNulls") || (Boolean) right.get("hasNulls"));
    left.put("size", (Long) left.get("size") + (Long) right.get("size"));
    if (left.get("cardinality") != null || right.get("cardinality") != null) {
      final long a = left.get("cardinality") == null ? 0 : (Long) left.get("cardinality");
      final long b = right.get("cardinality") == null ? 0 : (Long) right.get("cardinality");
      left.put("cardinality", Math.max(a, b));
    }
    left.put("minValue", pick(left.get("minValue"), right.get("minValue"), true));
    left.put("maxValue", pick(left.get("maxValue"), right.get("maxValue"), false));
    return left;
  }

  private static Object pick(Object left, Object right, boolean smaller) {
    if (left == null || right == null) {
      return left == null ? right : left;
    }
    final int comparison = StringComparators.lexicographic(left.toString(), right.toString());
    return (comparison <= 0) == smaller ? left : right;
  }

  public static List<Object> finish(SegmentMetadataPartial partial) {
    return new ArrayList<>(partial.analyses());
  }
}
