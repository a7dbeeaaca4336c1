package io.nemeton.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.aggregation.FilteredAggregator;
import io.nemeton.engine.query.aggregation.FirstLastAggregator;
import io.nemeton.engine.query.aggregation.HllSketchAggregator;
import io.nemeton.engine.query.aggregation.NumericAggregator;
import io.nemeton.engine.query.datasource.JoinDataSource;
import io.nemeton.engine.query.datasource.TableDataSource;
import io.nemeton.engine.query.dimension.DefaultDimensionSpec;
import io.nemeton.engine.query.dimension.ExtractionDimensionSpec;
import io.nemeton.engine.query.extraction.TimeFormatExtractionFn;
import io.nemeton.engine.query.filter.InFilter;
import io.nemeton.engine.query.limit.DefaultLimitSpec;
import io.nemeton.engine.query.limit.SortDirection;
import io.nemeton.engine.query.postaggregation.ArithmeticPostAggregator;
import io.nemeton.engine.query.search.ContainsSearchSpec;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.topn.DimensionTopNMetricSpec;
import io.nemeton.engine.query.topn.InvertedTopNMetricSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each query type: fields read, defaults filled in, and the canonical JSON written back. */
class QueryTypesTest {

  private static Query parse(String json) {
    final Query query = QueryParser.parse(json.replace('\'', '"'));
    assertEquals(query, QueryParser.parse(query.toJson()), "round trip");
    return query;
  }

  @Test
  void timeseries() {
    final TimeseriesQuery query = (TimeseriesQuery) parse("{'queryType':'timeseries','dataSource':{'type':'table','name':'wiki'},"
        + "'intervals':'2013-01-01/2013-01-03,2013-01-02/2013-01-05,2013-02-01/P1D','granularity':{'type':'period','period':'P1D',"
        + "'timeZone':'America/Los_Angeles','origin':'2013-01-01T00:00:00-08:00'},'descending':'true',"
        + "'filter':{'type':'in','dimension':'page','values':['b',null,'a','b']},"
        + "'aggregations':[{'type':'longSum','name':'added','fieldName':'added'},{'type':'doubleSum','name':'twice','expression':'added * 2'},"
        + "{'type':'filtered','filter':{'type':'true'},'aggregator':{'type':'count','name':'rows'}}],"
        + "'postAggregations':[{'type':'arithmetic','name':'avg','fn':'/','fields':[{'type':'fieldAccess','fieldName':'added'},"
        + "{'type':'finalizingFieldAccess','fieldName':'rows'}],'ordering':'numericFirst'}],'limit':10}");
    assertEquals(new TableDataSource("wiki"), query.dataSource());
    assertEquals(List.of(Interval.parse("2013-01-01/2013-01-05"), Interval.parse("2013-02-01/2013-02-02")),
        query.intervals().intervals());
    assertEquals(GranularitySpec.Kind.PERIOD, query.granularity().kind());
    assertEquals("America/Los_Angeles", query.granularity().timeZone());
    assertEquals(Interval.parse("2013-01-01T08:00Z/P1D").startMs(), query.granularity().originMs());
    assertTrue(query.descending());
    assertEquals(Arrays.asList(null, "a", "b"), ((InFilter) query.filter()).values());
    assertEquals("added * 2", ((NumericAggregator) query.aggregations().get(1)).expression());
    assertEquals("rows", query.aggregations().get(2).name());
    assertNull(((FilteredAggregator) query.aggregations().get(2)).outputName());
    assertEquals(ArithmeticPostAggregator.Function.DIVIDE, ((ArithmeticPostAggregator) query.postAggregations().get(0)).fn());
    assertEquals(Set.of("added", "rows"), query.postAggregations().get(0).dependentFields());
    assertEquals(10, query.limit());
  }

  @Test
  void timeseriesDefaultsAndCanonicalJson() {
    final Query query = parse("{'queryType':'timeseries','dataSource':'wiki','intervals':['2013-01-01/2013-01-02']}");
    assertEquals("{\"queryType\":\"timeseries\",\"dataSource\":{\"type\":\"table\",\"name\":\"wiki\"},"
        + "\"intervals\":[\"2013-01-01T00:00:00.000Z/2013-01-02T00:00:00.000Z\"],\"descending\":false,"
        + "\"granularity\":\"all\",\"aggregations\":[]}", query.toJson());
  }

  @Test
  void topN() {
    final TopNQuery query = (TopNQuery) parse("{'queryType':'topN','dataSource':'wiki','intervals':['2013/2014'],"
        + "'dimension':{'type':'extraction','dimension':'__time','outputName':'day','extractionFn':{'type':'timeFormat',"
        + "'format':'yyyy-MM-dd','timeZone':'UTC','granularity':'day'}},'metric':{'type':'inverted','metric':'edits'},"
        + "'threshold':'5','granularity':'hour','aggregations':[{'type':'longSum','name':'edits','fieldName':'count'}]}");
    assertEquals(5, query.threshold());
    assertEquals("day", query.dimension().outputName());
    assertEquals("yyyy-MM-dd", ((TimeFormatExtractionFn) ((ExtractionDimensionSpec) query.dimension()).extractionFn()).format());
    assertInstanceOf(InvertedTopNMetricSpec.class, query.metric());
    assertEquals("hour", query.granularity().name());

    final TopNQuery paged = (TopNQuery) parse("{'queryType':'topN','dataSource':'wiki','intervals':['2013/2014'],"
        + "'dimension':'page','metric':{'type':'alphaNumeric','previousStop':'b'},'threshold':3}");
    assertEquals(new DimensionTopNMetricSpec("b", StringOrdering.ALPHANUMERIC), paged.metric());
    assertEquals(DefaultDimensionSpec.of("page"), paged.dimension());
  }

  @Test
  void groupBy() {
    final GroupByQuery query = (GroupByQuery) parse("{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],"
        + "'granularity':'all','dimensions':['page',{'dimension':'added','outputName':'a','outputType':'long'}],"
        + "'aggregations':[{'type':'count','name':'rows'},{'type':'stringFirst','name':'first','fieldName':'user'}],"
        + "'having':{'type':'and','havingSpecs':[{'type':'greaterThan','aggregation':'rows','value':'10'},"
        + "{'type':'not','havingSpec':{'type':'dimSelector','dimension':'page','value':'Main'}}]},"
        + "'limitSpec':{'type':'default','limit':5,'offset':2,'columns':[{'dimension':'rows','direction':'DESC','dimensionOrder':{'type':'numeric'}},'page']},"
        + "'subtotalsSpec':[['page'],[]]}");
    assertEquals(new DefaultDimensionSpec("added", "a", ValueType.LONG), query.dimensions().get(1));
    final FirstLastAggregator first = (FirstLastAggregator) query.aggregations().get(1);
    assertEquals("__time", first.timeColumn());
    assertEquals(1024, first.maxStringBytes());
    final DefaultLimitSpec limit = (DefaultLimitSpec) query.limitSpec();
    assertEquals(5, limit.limit());
    assertEquals(2, limit.offset());
    assertEquals(SortDirection.DESCENDING, limit.columns().get(0).direction());
    assertEquals(StringOrdering.NUMERIC, limit.columns().get(0).dimensionOrder());
    assertEquals(StringOrdering.LEXICOGRAPHIC, limit.columns().get(1).dimensionOrder());
    assertEquals(List.of(List.of("page"), List.of()), query.subtotalsSpec());
  }

  @Test
  void scan() {
    final ScanQuery query = (ScanQuery) parse("{'queryType':'scan','dataSource':'wiki','intervals':['2013/2014']}");
    assertEquals(List.of(), query.columns());
    assertNull(query.limit());
    assertEquals(0, query.offset());
    assertEquals(ScanQuery.Order.NONE, query.order());
    assertEquals(ScanQuery.ResultFormat.LIST, query.resultFormat());
    assertEquals(20480, query.batchSize());
    assertNull(query.legacy());
    final ScanQuery full = (ScanQuery) parse("{'queryType':'scan','dataSource':'wiki','intervals':['2013/2014'],"
        + "'columns':['__time','page'],'limit':0,'offset':5,'order':'Descending','resultFormat':'compactedList',"
        + "'batchSize':100,'legacy':false,'orderBy':[{'columnName':'page','order':'descending'},{'columnName':'__time'}]}");
    assertNull(full.limit());
    assertEquals(ScanQuery.Order.DESCENDING, full.order());
    assertEquals(new ScanQuery.OrderBy("__time", ScanQuery.Order.ASCENDING), full.orderBy().get(1));
    assertEquals(ScanQuery.ResultFormat.COMPACTED_LIST, full.resultFormat());
  }

  @Test
  void search() {
    final SearchQuery query = (SearchQuery) parse("{'queryType':'search','dataSource':'wiki','intervals':['2013/2014'],"
        + "'searchDimensions':['page'],'query':{'type':'insensitive_contains','value':'Lol'},'sort':{'type':'strlen'}}");
    assertEquals(new ContainsSearchSpec("Lol", false), query.query());
    assertEquals(1000, query.limit());
    assertEquals(StringOrdering.STRLEN, query.sort());
    assertTrue(query.granularity().isAll());
  }

  @Test
  void timeBoundary() {
    final TimeBoundaryQuery query = (TimeBoundaryQuery) parse("{'queryType':'timeBoundary','dataSource':'wiki'}");
    assertTrue(query.usingDefaultInterval());
    assertEquals(QueryIntervals.ETERNITY, query.intervals());
    assertEquals(TimeBoundaryQuery.Bound.BOTH, query.bound());
    assertEquals("{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"table\",\"name\":\"wiki\"}}", query.toJson());
    final TimeBoundaryQuery bounded = (TimeBoundaryQuery) parse("{'queryType':'timeBoundary','dataSource':'wiki',"
        + "'bound':'maxTime','intervals':['2013/2014'],'filter':{'type':'selector','dimension':'a','value':null}}");
    assertEquals(TimeBoundaryQuery.Bound.MAX_TIME, bounded.bound());
    assertTrue(!bounded.usingDefaultInterval());
  }

  @Test
  void segmentMetadata() {
    final SegmentMetadataQuery query = (SegmentMetadataQuery) parse("{'queryType':'segmentMetadata','dataSource':'wiki'}");
    assertTrue(query.usingDefaultInterval());
    assertEquals(SegmentMetadataQuery.ColumnInclusion.ALL, query.toInclude());
    assertEquals(SegmentMetadataQuery.DEFAULT_ANALYSIS_TYPES, query.analysisTypes());
    assertEquals(SegmentMetadataQuery.AggregatorMergeStrategy.STRICT, query.aggregatorMergeStrategy());
    final SegmentMetadataQuery listed = (SegmentMetadataQuery) parse("{'queryType':'segmentMetadata','dataSource':'wiki',"
        + "'intervals':['2013/2014'],'toInclude':{'type':'list','columns':['a','a','b']},'merge':true,"
        + "'analysisTypes':['queryGranularity','size'],'lenientAggregatorMerge':true}");
    assertEquals(List.of("a", "b"), listed.toInclude().columns());
    assertEquals(Set.of(SegmentMetadataQuery.AnalysisType.SIZE, SegmentMetadataQuery.AnalysisType.QUERY_GRANULARITY),
        listed.analysisTypes());
    assertEquals(SegmentMetadataQuery.AggregatorMergeStrategy.LENIENT, listed.aggregatorMergeStrategy());
  }

  @Test
  void dataSourceMetadata() {
    final DataSourceMetadataQuery query = (DataSourceMetadataQuery) parse(
        "{'queryType':'dataSourceMetadata','dataSource':'wiki','context':{'priority':1}}");
    assertTrue(query.usingDefaultInterval());
    assertEquals(1, query.context().priority());
    assertEquals(Set.of("wiki"), query.dataSource().tableNames());
  }

  @Test
  void joinsAndSketches() {
    final TimeseriesQuery query = (TimeseriesQuery) parse("{'queryType':'timeseries','intervals':['2013/2014'],"
        + "'dataSource':{'type':'join','left':{'type':'union','dataSources':['a','b']},'right':{'type':'lookup','lookup':'l'},"
        + "'rightPrefix':'j.','condition':'page == \\\"j.k\\\"','joinType':'left','leftFilter':{'type':'false'}},"
        + "'aggregations':[{'type':'HLLSketchBuild','name':'u','fieldName':'user'}],"
        + "'postAggregations':[{'type':'HLLSketchEstimateWithBounds','name':'e','field':{'type':'fieldAccess','fieldName':'u'}}]}");
    final JoinDataSource join = (JoinDataSource) query.dataSource();
    assertEquals(JoinDataSource.JoinType.LEFT, join.joinType());
    assertEquals(Set.of("a", "b"), join.tableNames());
    final HllSketchAggregator sketch = (HllSketchAggregator) query.aggregations().get(0);
    assertEquals(12, sketch.lgK());
    assertEquals("HLL_4", sketch.tgtHllType());
    assertEquals("utf16le", sketch.stringEncoding());
    assertTrue(sketch.shouldFinalize());
  }
}
