package io.nemeton.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation error names the field by its path and the offending value. */
class QueryErrorsTest {

  /** A valid timeseries query; tests replace or add one part (single quotes stand for double). */
  private static final String BASE = "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013-01-01/2013-01-02'],"
      + "'aggregations':[{'type':'count','name':'rows'}]%s}";

  private static String json(String text) {
    return text.replace('\'', '"');
  }

  private static InvalidQueryException failure(String query) {
    return assertThrows(InvalidQueryException.class, () -> QueryParser.parse(json(query)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{}"
          + "| queryType: required field is missing",
      "{'queryType':'select','dataSource':'w'}"
          + "| queryType: unknown query type 'select'; supported: timeseries, topN, groupBy, scan, search, timeBoundary, segmentMetadata, dataSourceMetadata",
      "{'queryType':'timeseries','intervals':['2013/2014']}"
          + "| dataSource: required field is missing",
      "{'queryType':'timeseries','dataSource':'wiki'}"
          + "| intervals: required field is missing",
      "{'queryType':'timeseries','dataSource':{'type':'unnest'},'intervals':['2013/2014']}"
          + "| dataSource.type: unknown data source type 'unnest'; supported: table, query, inline, lookup, union, join",
      "{'queryType':'timeseries','dataSource':'','intervals':['2013/2014']}"
          + "| dataSource: table name must not be empty",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013-01-02/2013-01-01']}"
          + "| intervals[0]: invalid interval '2013-01-02/2013-01-01': interval end 2013-01-01T00:00:00.000Z is before its start 2013-01-02T00:00:00.000Z",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':[]}"
          + "| intervals: must list at least one interval",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'count'}]}"
          + "| aggregations[0].name: required field is missing",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':{}}"
          + "| aggregations: expected an array, got {}",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'longSum','name':'a'}]}"
          + "| aggregations[0].fieldName: required field is missing",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'longSum','name':'a','fieldName':'x','expression':'x*2'}]}"
          + "| aggregations[0].expression: cannot be set together with fieldName \"x\"",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'count','name':'rows'},{'type':'longSum','name':'rows','fieldName':'x'}]}"
          + "| aggregations[1].name: output name 'rows' is already defined",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'HLLSketchBuild','name':'u','fieldName':'user','lgK':3}]}"
          + "| aggregations[0].lgK: must be between 4 and 21, got 3",
      "{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'thetaSketch','name':'u','fieldName':'user','size':1000}]}"
          + "| aggregations[0].size: must be a power of 2 and at least 16, got 1000",
      "{'queryType':'topN','dataSource':'wiki','intervals':['2013/2014'],'dimension':'page','metric':'rows','threshold':0}"
          + "| threshold: must be > 0, got 0",
      "{'queryType':'topN','dataSource':'wiki','intervals':['2013/2014'],'dimension':'page','metric':'rows','threshold':'ten'}"
          + "| threshold: expected a whole number, got \"ten\"",
      "{'queryType':'topN','dataSource':'wiki','intervals':['2013/2014'],'dimension':'page','metric':'nope','threshold':3,'aggregations':[{'type':'count','name':'rows'}]}"
          + "| metric: unknown metric 'nope': it must name an aggregator or post-aggregator; defined: [rows]",
      "{'queryType':'topN','dataSource':'wiki','intervals':['2013/2014'],'dimension':'page','threshold':3}"
          + "| metric: required field is missing",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'dimensions':['page','page']}"
          + "| dimensions[1].outputName: output name 'page' is already defined",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'dimensions':['page'],'limitSpec':{'type':'default','columns':['edits']}}"
          + "| limitSpec.columns[0].dimension: unknown column 'edits' in the sort order; defined: [page]",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'limitSpec':{'type':'default','limit':0}}"
          + "| limitSpec.limit: must be > 0, got 0",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'limitSpec':{'columns':[{'dimension':'__time','direction':'up'}]}}"
          + "| limitSpec.columns[0].direction: unknown direction 'up'; supported: ascending, descending",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'dimensions':['page'],'subtotalsSpec':[['page'],['user']]}"
          + "| subtotalsSpec[1][0]: 'user' is not one of the query's dimensions [page]",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'having':{'type':'between','aggregation':'a'}}"
          + "| having.type: unknown having spec type 'between'; supported: greaterThan, lessThan, equalTo, and, or, not, filter, dimSelector, always, never",
      "{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'having':{'type':'greaterThan','aggregation':'a','value':'lots'}}"
          + "| having.value: expected a number, got \"lots\"",
      "{'queryType':'scan','dataSource':'wiki','intervals':['2013/2014'],'resultFormat':'valueVector'}"
          + "| resultFormat: unknown result format 'valueVector'; supported: list, compactedList",
      "{'queryType':'scan','dataSource':'wiki','intervals':['2013/2014'],'limit':-1}"
          + "| limit: must be >= 0, got -1",
      "{'queryType':'scan','dataSource':'wiki','intervals':['2013/2014'],'order':'sideways'}"
          + "| order: unknown order 'sideways'; supported: none, ascending, descending",
      "{'queryType':'search','dataSource':'wiki','intervals':['2013/2014']}"
          + "| query: required field is missing",
      "{'queryType':'search','dataSource':'wiki','intervals':['2013/2014'],'query':{'type':'fuzzy','value':'x'}}"
          + "| query.type: unknown search query type 'fuzzy'; supported: contains, insensitive_contains, fragment, regex",
      "{'queryType':'search','dataSource':'wiki','intervals':['2013/2014'],'query':{'type':'regex','pattern':'(a'}}"
          + "| query.pattern: invalid regular expression \"(a\": Unclosed group near index 2",
      "{'queryType':'timeBoundary','dataSource':'wiki','bound':'middleTime'}"
          + "| bound: unknown bound 'middleTime'; supported: minTime, maxTime",
      "{'queryType':'segmentMetadata','dataSource':'wiki','lenientAggregatorMerge':true,'aggregatorMergeStrategy':'latest'}"
          + "| aggregatorMergeStrategy: cannot be set together with the deprecated lenientAggregatorMerge (true); use aggregatorMergeStrategy only",
      "{'queryType':'segmentMetadata','dataSource':'wiki','analysisTypes':['cardinality','speed']}"
          + "| analysisTypes[1]: unknown analysis type 'speed'; supported: cardinality, size, interval, aggregators, minmax, timestampSpec, queryGranularity, rollup",
      "{'queryType':'segmentMetadata','dataSource':'wiki','toInclude':{'type':'list'}}"
          + "| toInclude.columns: required field is missing",
      "{'queryType':'groupBy','dataSource':{'type':'query','query':{'queryType':'groupBy','dataSource':'wiki','intervals':['2013/2014'],'aggregations':[{'type':'count'}]}},'intervals':['2013/2014']}"
          + "| dataSource.query.aggregations[0].name: required field is missing",
      "{'queryType':'scan','dataSource':{'type':'inline','columnNames':['a','b'],'rows':[['x','y'],['z']]},'intervals':['2013/2014']}"
          + "| dataSource.rows[1]: expected an array of 2 values, got [\"z\"]",
      "{'queryType':'scan','dataSource':{'type':'join','left':'a','right':'b','rightPrefix':'j.','condition':'x == \\\"j.x\\\"','joinType':'OUTER'},'intervals':['2013/2014']}"
          + "| dataSource.joinType: unknown join type 'OUTER'; supported: INNER, LEFT, RIGHT, FULL",
      "{'queryType':'scan','dataSource':{'type':'join','left':'a','right':'b','rightPrefix':'__','condition':'x','joinType':'LEFT'},'intervals':['2013/2014']}"
          + "| dataSource.rightPrefix: cannot be a prefix of the time column __time, got \"__\"",
  })
  void queryErrorsNameTheFieldAndValue(String query, String message) {
    final InvalidQueryException error = failure(query);
    assertEquals(message, error.getMessage());
    assertEquals(QueryErrorCode.INVALID_QUERY, error.code());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      ",'filter':{'type':'equal','dimension':'a'}"
          + "| filter.type: unknown filter type 'equal'; supported: selector, equals, in, bound, range, like, regex, search, and, or, not, interval, true, false, null, columnComparison, expression, arrayContainsElement",
      ",'filter':{'dimension':'a','value':'b'}"
          + "| filter.type: required field is missing",
      ",'filter':{'type':'and','fields':[{'type':'selector','dimension':'a','value':'b'},{'type':'selector','value':'b'}]}"
          + "| filter.fields[1].dimension: required field is missing",
      ",'filter':{'type':'or','fields':[]}"
          + "| filter.fields: must not be empty",
      ",'filter':{'type':'not'}"
          + "| filter.field: required field is missing",
      ",'filter':{'type':'bound','dimension':'a'}"
          + "| filter.lower: lower and upper cannot both be null",
      ",'filter':{'type':'bound','dimension':'a','lower':'1','ordering':'backwards'}"
          + "| filter.ordering: unknown ordering 'backwards'; supported: lexicographic, alphanumeric, numeric, strlen, version, natural",
      ",'filter':{'type':'like','dimension':'a','pattern':'x%','escape':'ab'}"
          + "| filter.escape: must be a single character, got \"ab\"",
      ",'filter':{'type':'regex','dimension':'a','pattern':'[a'}"
          + "| filter.pattern: invalid regular expression \"[a\": Unclosed character class near index 1",
      ",'filter':{'type':'equals','column':'a','matchValue':1}"
          + "| filter.matchValueType: required field is missing",
      ",'filter':{'type':'equals','column':'a','matchValueType':'INTEGER','matchValue':1}"
          + "| filter.matchValueType: unknown type 'INTEGER'; supported: STRING, LONG, FLOAT, DOUBLE, ARRAY<type>, COMPLEX<name>",
      ",'filter':{'type':'range','column':'a','matchValueType':'LONG'}"
          + "| filter.lower: lower and upper cannot both be null",
      ",'filter':{'type':'in','dimension':'a'}"
          + "| filter.values: required field is missing",
      ",'filter':{'type':'interval','dimension':'__time','intervals':['2013']}"
          + "| filter.intervals[0]: invalid interval '2013': expected exactly one '/' between start and end",
      ",'filter':{'type':'columnComparison','dimensions':['a']}"
          + "| filter.dimensions: must list at least 2 dimensions, got 1",
      ",'filter':{'type':'expression','expression':'a +'}"
          + "| filter.expression: invalid expression \"a +\": syntax error at position 3 at the end: expected an expression",
      ",'filter':{'type':'selector','dimension':'a','value':'b','extractionFn':{'type':'javascript'}}"
          + "| filter.extractionFn.type: unknown extraction function type 'javascript'; supported: timeFormat, substring, regex, strlen, upper, lower, cascade, partial, searchQuery, registeredLookup, lookup",
      ",'filter':{'type':'selector','dimension':'a','value':'b','extractionFn':{'type':'substring','index':-1}}"
          + "| filter.extractionFn.index: must be >= 0, got -1",
      ",'filter':{'type':'selector','dimension':'a','extractionFn':{'type':'registeredLookup','lookup':'l','retainMissingValue':true,'replaceMissingValueWith':'x'}}"
          + "| filter.extractionFn.replaceMissingValueWith: cannot be set together with retainMissingValue=true, got \"x\"",
      ",'granularity':'days'"
          + "| granularity: unknown granularity 'days'; supported: none, second, minute, five_minute, ten_minute, fifteen_minute, thirty_minute, hour, six_hour, eight_hour, day, week, month, quarter, year, all, or a period or duration object",
      ",'granularity':{'type':'period','period':'P1D','timeZone':'Mars/Olympus'}"
          + "| granularity.timeZone: unknown time zone 'Mars/Olympus'",
      ",'granularity':{'type':'period','period':'1 day'}"
          + "| granularity.period: invalid ISO-8601 period '1 day': must start with P",
      ",'granularity':{'type':'duration','duration':0}"
          + "| granularity.duration: must be a positive number of milliseconds, got 0",
      ",'granularity':{'type':'calendar'}"
          + "| granularity.type: unknown granularity type 'calendar'; supported: all, none, period, duration",
      ",'virtualColumns':[{'type':'expression','name':'v','expression':'concat(a,'}]"
          + "| virtualColumns[0].expression: invalid expression \"concat(a,\": syntax error at position 9 at the end: expected an expression",
      ",'virtualColumns':[{'type':'expression','name':'v','expression':'a'},{'type':'expression','name':'v','expression':'b'}]"
          + "| virtualColumns[1].name: duplicate virtual column name 'v'",
      ",'virtualColumns':[{'type':'nested-field','name':'v'}]"
          + "| virtualColumns[0].type: unknown virtual column type 'nested-field'; supported: expression",
      ",'postAggregations':[{'type':'arithmetic','name':'ratio','fn':'/','fields':[{'type':'fieldAccess','fieldName':'rows'},{'type':'fieldAccess','fieldName':'nope'}]}]"
          + "| postAggregations[0]: post-aggregator 'ratio' reads undefined fields [nope]; defined: [rows]",
      ",'postAggregations':[{'type':'arithmetic','name':'r','fn':'%','fields':[{'type':'constant','value':1},{'type':'constant','value':2}]}]"
          + "| postAggregations[0].fn: unknown function '%'; supported: +, -, *, /, quotient, pow",
      ",'postAggregations':[{'type':'arithmetic','name':'r','fn':'+','fields':[{'type':'constant','value':1}]}]"
          + "| postAggregations[0].fields: must have more than one field, got 1",
      ",'postAggregations':[{'type':'constant','value':1}]"
          + "| postAggregations[0].name: required field is missing",
      ",'postAggregations':[{'type':'constant','name':'rows','value':1}]"
          + "| postAggregations[0].name: output name 'rows' is already defined",
      ",'postAggregations':[{'type':'expression','name':'e','expression':'rows * other'}]"
          + "| postAggregations[0]: post-aggregator 'e' reads undefined fields [other]; defined: [rows]",
      ",'postAggregations':[{'type':'quantilesDoublesSketchToQuantile','name':'q','field':{'type':'fieldAccess','fieldName':'rows'},'fraction':1.5}]"
          + "| postAggregations[0].fraction: must be between 0 and 1, got 1.5",
      ",'postAggregations':[{'type':'thetaSketchSetOp','name':'s','func':'XOR','fields':[]}]"
          + "| postAggregations[0].func: unknown set operation 'XOR'; supported: UNION, INTERSECT, NOT",
      ",'postAggregations':[{'type':'javascript','name':'j'}]"
          + "| postAggregations[0].type: unknown post-aggregator type 'javascript'; supported: arithmetic, fieldAccess, finalizingFieldAccess, constant, doubleGreatest, doubleLeast, longGreatest, longLeast, hyperUniqueCardinality, expression, HLLSketchEstimate, HLLSketchEstimateWithBounds, HLLSketchUnion, thetaSketchEstimate, thetaSketchSetOp, quantilesDoublesSketchToQuantile, quantilesDoublesSketchToQuantiles, quantilesDoublesSketchToHistogram, quantilesDoublesSketchToCDF",
      ",'limit':0"
          + "| limit: must be > 0, got 0",
      ",'descending':'maybe'"
          + "| descending: expected a boolean, got \"maybe\"",
  })
  void partErrorsNameTheFieldAndValue(String part, String message) {
    assertEquals(message, failure(String.format(BASE, part)).getMessage());
  }

  @Test
  void unknownAggregatorTypeListsEverySupportedType() {
    final String message = failure(String.format(BASE, "").replace("'count'", "'sum'")).getMessage();
    assertEquals("aggregations[0].type: unknown aggregator type 'sum'; supported: count, longSum, doubleSum, floatSum, "
        + "longMin, longMax, doubleMin, doubleMax, floatMin, floatMax, doubleMean, longFirst, longLast, doubleFirst, "
        + "doubleLast, floatFirst, floatLast, stringFirst, stringLast, longAny, doubleAny, floatAny, stringAny, filtered, "
        + "cardinality, hyperUnique, HLLSketchBuild, HLLSketchMerge, thetaSketch, quantilesDoublesSketch, "
        + "approxHistogram, approxHistogramFold", message);
  }

  @Test
  void malformedJsonSaysWhere() {
    final InvalidQueryException error = assertThrows(InvalidQueryException.class,
        () -> QueryParser.parse("{\"queryType\": \"timeseries\",\n \"dataSource\": }"));
    assertTrue(error.getMessage().startsWith("malformed JSON at line 2 column 16: Unexpected character ('}'"),
        error.getMessage());
    assertEquals("", error.field());
    assertEquals(QueryErrorCode.INVALID_QUERY, error.code());
    assertEquals("Json parse failed", error.code().legacyCode());
    assertEquals(400, error.code().httpStatus());
  }

  @Test
  void aQueryMustBeAnObject() {
    assertEquals("expected a JSON object, got [1,2]", failure("[1,2]").getMessage());
  }
}
