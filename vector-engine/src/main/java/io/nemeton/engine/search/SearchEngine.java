package io.nemeton.engine.search;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.cursor.TimeBuckets;
import io.nemeton.engine.cursor.ValueBlocks;
import io.nemeton.engine.filter.SearchSpecs;
import io.nemeton.engine.filter.ValueTests;
import io.nemeton.engine.query.SearchQuery;
import io.nemeton.engine.query.dimension.DefaultDimensionSpec;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.dimension.ExtractionDimensionSpec;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.result.ResultRows;
import io.nemeton.engine.result.StringComparators;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.ColumnInfo;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.StringBlocks;
import io.nemeton.engine.storage.StringColumn;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Runs search queries: counts, per time bucket, the matching rows holding each value of the
 * searched dimensions (every string dimension when none are listed) that the search spec accepts.
 * On a dictionary column each distinct value is tested once. With granularity {@code all} hits are
 * stamped with the segment interval's start (the earliest across segments), as Druid does. The
 * answer sorts hits by value under the query's ordering, then by dimension, and keeps {@code
 * limit} of them. Stateless.
 */
public final class SearchEngine {
  private SearchEngine() {
  }

  private static List<DimensionSpec> dimensions(SearchQuery query, QueryableSegment segment) {
    if (query.searchDimensions() != null && !query.searchDimensions().isEmpty()) {
      return query.searchDimensions();
    }
    final List<DimensionSpec> dimensions = new ArrayList<>();
    for (String name : segment.columnNames()) {
      final ColumnInfo info = segment.column(name);
      if (info.type() == ColumnType.STRING && info.role() == ColumnRole.DIMENSION) {
        dimensions.add(DefaultDimensionSpec.of(name));
      }
    }
    return dimensions;
  }

  public static SearchPartial runSegment(SearchQuery query, QueryableSegment segment, ScanSettings settings) {
    final TreeMap<Long, LinkedHashMap<List<Object>, Long>> buckets = new TreeMap<>();
    if (segment.rowCount() == 0) {
      return new SearchPartial(buckets);
    }
    // hits are counted under (dimension, value string) keys, which outlive the scan's scratch
    try (SegmentScan scan = new SegmentScan(segment, query.virtualColumns(), query.filter(), settings.vectorSize(),
        settings.maxBitmapUnion(), settings.kernels())) {
      if (scan.matchesNothing()) {
        return new SearchPartial(buckets);
      }
      final Predicate<String> accepts = SearchSpecs.predicate(query.query());
      final List<DimensionSpec> dimensions = dimensions(query, segment);
      final ValueBlocks[] values = new ValueBlocks[dimensions.size()];
      final Extractor[] extractors = new Extractor[dimensions.size()];
      final boolean[][] acceptedIds = new boolean[dimensions.size()][];
      @SuppressWarnings("unchecked")
      final java.util.function.IntFunction<String>[] decoded = new java.util.function.IntFunction[dimensions.size()];
      for (int d = 0; d < values.length; d++) {
        final DimensionSpec dimension = dimensions.get(d);
        values[d] = scan.columns().values(dimension.dimension());
        extractors[d] = dimension instanceof ExtractionDimensionSpec extraction
            ? Extractor.of(extraction.extractionFn()) : null;
        final StringColumn column = scan.columns().stringColumn(dimension.dimension());
        if (column != null && extractors[d] == null) {
          acceptedIds[d] = new boolean[column.cardinality()];
          for (int id = 0; id < column.cardinality(); id++) {
            final String value = column.value(id);
            acceptedIds[d][id] = value != null && accepts.test(value);
          }
          final String[] cache = new String[column.cardinality()];
          decoded[d] = id -> {
            if (cache[id] == null) {
              cache[id] = column.value(id);
            }
            return cache[id];
          };
        }
      }
      final TimeBuckets granularity = new TimeBuckets(query.granularity());
      for (Interval interval : query.intervals().intervals()) {
        scan.reset(segment.lowerBoundRow(interval.startMs()), segment.lowerBoundRow(interval.endMs()));
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
          for (int i = 0; i < batch.size(); i++) {
            final int position = batch.position(i);
            final long bucket = granularity.isAll() ? segment.info().intervalStartMs()
                : granularity.floor(scan.timeAt(batch.blockStartRow() + position));
            for (int d = 0; d < values.length; d++) {
              if (acceptedIds[d] != null) {
                // dictionary column: each value was tested once; rows only look up their ids
                final StringBlocks blocks = scan.columns().strings(dimensions.get(d).dimension());
                final int[] starts = blocks.rowStarts(batch.block());
                final int[] ids = blocks.values(batch.block());
                for (int v = starts[position]; v < starts[position + 1]; v++) {
                  if (acceptedIds[d][ids[v]]) {
                    buckets.computeIfAbsent(bucket, b -> new LinkedHashMap<>()).merge(
                        List.of(dimensions.get(d).outputName(), decoded[d].apply(ids[v])), 1L, Long::sum);
                  }
                }
                continue;
              }
              final Object raw = values[d].value(batch.block(), position);
              if (raw instanceof List<?> list) {
                for (Object element : list) {
                  hit(buckets, bucket, dimensions.get(d), extractors[d], accepts, element);
                }
              } else {
                hit(buckets, bucket, dimensions.get(d), extractors[d], accepts, raw);
              }
            }
          }
        }
      }
    }
    return new SearchPartial(buckets);
  }

  private static void hit(TreeMap<Long, LinkedHashMap<List<Object>, Long>> buckets, long bucket,
      DimensionSpec dimension, Extractor extractor, Predicate<String> accepts, Object raw) {
    final String value = extractor == null ? ValueTests.text(raw) : extractor.apply(raw);
    if (value == null || !accepts.test(value)) {
      return;
    }
    buckets.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
        .merge(List.of(dimension.outputName(), value), 1L, Long::sum);
  }

  public static SearchPartial merge(SearchQuery query, List<? extends PartialResult> partials) {
    final TreeMap<Long, LinkedHashMap<List<Object>, Long>> merged = new TreeMap<>();
    for (PartialResult partial : partials) {
      for (Map.Entry<Long, LinkedHashMap<List<Object>, Long>> bucket : ((SearchPartial) partial).buckets().entrySet()) {
        final LinkedHashMap<List<Object>, Long> target = merged.computeIfAbsent(bucket.getKey(),
            b -> new LinkedHashMap<>());
        bucket.getValue().forEach((key, count) -> target.merge(key, count, Long::sum));
      }
    }
    if (query.granularity().isAll() && merged.size() > 1) {
      final long first = merged.firstKey();
      final LinkedHashMap<List<Object>, Long> total = new LinkedHashMap<>();
      for (LinkedHashMap<List<Object>, Long> bucket : merged.values()) {
        bucket.forEach((key, count) -> total.merge(key, count, Long::sum));
      }
      merged.clear();
      merged.put(first, total);
    }
    return new SearchPartial(merged);
  }

  public static List<Object> finish(SearchQuery query, SearchPartial partial) {
    final List<Object> answer = new ArrayList<>();
    for (Map.Entry<Long, LinkedHashMap<List<Object>, Long>> bucket : partial.buckets().entrySet()) {
      final List<Map.Entry<List<Object>, Long>> hits = new ArrayList<>(bucket.getValue().entrySet());
      hits.sort((a, b) -> {
        final int byValue = StringComparators.compare(query.sort(), (String) a.getKey().get(1),
            (String) b.getKey().get(1));
        return byValue != 0 ? byValue
            : StringComparators.lexicographic((String) a.getKey().get(0), (String) b.getKey().get(0));
      });
      final List<Object> result = new ArrayList<>();
      for (int i = 0; i < Math.min(query.limit(), hits.size()); i++) {
        final Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("dimension", hits.get(i).getKey().get(0));
        hit.put("value", hits.get(i).getKey().get(1));
        hit.put("count", hits.get(i).getValue());
        result.add(hit);
      }
      answer.add(ResultRows.timeseriesRow(ResultRows.timestamp(bucket.getKey(), query.granularity()), result));
    }
    return answer;
  }
}
