package io.nemeton.engine.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryContextTest {

  private static Query query(String context) {
    return QueryParser.parse(("{'queryType':'timeseries','dataSource':'wiki','intervals':['2013/2014'],"
        + "'aggregations':[{'type':'count','name':'rows'}],'context':" + context + "}").replace('\'', '"'));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{'timeout':'soon'}           | context.timeout: expected a non-negative whole number, got \"soon\"",
      "{'timeout':-1}               | context.timeout: expected a non-negative whole number, got -1",
      "{'timeout':1.5}              | context.timeout: expected a non-negative whole number, got 1.5",
      "{'maxScatterGatherBytes':true} | context.maxScatterGatherBytes: expected a non-negative whole number, got true",
      "{'vectorSize':0}             | context.vectorSize: expected a positive 32-bit whole number, got 0",
      "{'vectorSize':4294967296}    | context.vectorSize: expected a positive 32-bit whole number, got 4294967296",
      "{'minTopNThreshold':'many'}  | context.minTopNThreshold: expected a positive 32-bit whole number, got \"many\"",
      "{'priority':'high'}          | context.priority: expected a 32-bit whole number, got \"high\"",
      "{'useCache':'yes'}           | context.useCache: expected a boolean, got \"yes\"",
      "{'populateCache':1}          | context.populateCache: expected a boolean, got 1",
      "{'skipEmptyBuckets':[true]}  | context.skipEmptyBuckets: expected a boolean, got [true]",
      "{'grandTotal':{'on':true}}   | context.grandTotal: expected a boolean, got {\"on\":true}",
      "{'finalize':'no'}            | context.finalize: expected a boolean, got \"no\"",
      "{'vectorize':'maybe'}        | context.vectorize: expected true, false or \"force\", got \"maybe\"",
      "{'sqlTimeZone':'Mars/Olympus'} | context.sqlTimeZone: expected a time zone id such as \"America/Los_Angeles\", got \"Mars/Olympus\"",
      "{'queryId':5}                | context.queryId: expected a string, got 5",
      "5                            | context: expected a JSON object, got 5",
  })
  void wrongTypesNameTheKeyAndTheValue(String context, String message) {
    final InvalidQueryException error = assertThrows(InvalidQueryException.class, () -> query(context));
    assertEquals(message, error.getMessage());
    assertEquals(QueryErrorCode.INVALID_CONTEXT, error.code());
    assertEquals("Query context parse failed", error.code().legacyCode());
  }

  @Test
  void nestedQueryContextsAreCheckedToo() {
    final InvalidQueryException error = assertThrows(InvalidQueryException.class, () -> QueryParser.parse((
        "{'queryType':'groupBy','intervals':['2013/2014'],'dataSource':{'type':'query','query':{'queryType':'groupBy',"
            + "'dataSource':'wiki','intervals':['2013/2014'],'context':{'timeout':'x'}}}}").replace('\'', '"')));
    assertEquals("dataSource.query.context.timeout: expected a non-negative whole number, got \"x\"", error.getMessage());
    assertEquals(QueryErrorCode.INVALID_CONTEXT, error.code());
  }

  @Test
  void acceptsTheFormsClientsSend() {
    final QueryContext context = query("{'useCache':'true','populateCache':'FALSE','timeout':'60000','priority':-5,"
        + "'vectorize':'force','vectorSize':'1024','skipEmptyBuckets':true,'grandTotal':'true','sqlTimeZone':'America/Los_Angeles',"
        + "'queryId':'q-1','finalize':false,'minTopNThreshold':2000.0,'custom':{'a':[1,null]}}").context();
    assertTrue(context.useCache());
    assertFalse(context.populateCache());
    assertEquals(60000, context.timeoutMs(0));
    assertEquals(-5, context.priority());
    assertEquals(QueryContext.Vectorize.FORCE, context.vectorize());
    assertEquals(1024, context.vectorSize(512));
    assertTrue(context.skipEmptyBuckets());
    assertTrue(context.grandTotal());
    assertEquals(ZoneId.of("America/Los_Angeles"), context.sqlTimeZone());
    assertEquals("q-1", context.queryId());
    assertFalse(context.finalizeResults());
    assertEquals(2000, context.minTopNThreshold());
    assertEquals(Arrays.asList(1L, null), ((java.util.Map<?, ?>) context.get("custom")).get("a"));
    assertEquals("{\"useCache\":\"true\",\"populateCache\":\"FALSE\",\"timeout\":\"60000\",\"priority\":-5,"
        + "\"vectorize\":\"force\",\"vectorSize\":\"1024\",\"skipEmptyBuckets\":true,\"grandTotal\":\"true\","
        + "\"sqlTimeZone\":\"America/Los_Angeles\",\"queryId\":\"q-1\",\"finalize\":false,\"minTopNThreshold\":2000.0,"
        + "\"custom\":{\"a\":[1,null]}}", io.nemeton.engine.query.json.JsonTrees.write(context.toJson()));
  }

  @Test
  void defaultsWhenAbsent() {
    final QueryContext context = QueryContext.EMPTY;
    assertTrue(context.useCache());
    assertTrue(context.populateCache());
    assertEquals(300_000, context.timeoutMs(300_000));
    assertEquals(0, context.priority());
    assertEquals(QueryContext.Vectorize.TRUE, context.vectorize());
    assertFalse(context.skipEmptyBuckets());
    assertFalse(context.grandTotal());
    assertTrue(context.finalizeResults());
    assertEquals(1000, context.minTopNThreshold());
    assertNull(context.sqlTimeZone());
    assertEquals(QueryContext.Vectorize.FALSE, query("{'vectorize':false}").context().vectorize());
  }

  @Test
  void cacheKeysIgnoreHowAQueryRunsButNotWhatItReturns() {
    final byte[] plain = query("{}").cacheKey();
    assertArrayEquals(plain, query("{'timeout':1000,'queryId':'abc','useCache':false,'priority':3,'vectorize':'force',"
        + "'vectorSize':128,'populateCache':true,'lane':'low'}").cacheKey());
    assertFalse(Arrays.equals(plain, query("{'skipEmptyBuckets':true}").cacheKey()));
    assertFalse(Arrays.equals(plain, query("{'finalize':false}").cacheKey()));
    assertArrayEquals(query("{'grandTotal':true,'skipEmptyBuckets':true}").cacheKey(),
        query("{'skipEmptyBuckets':true,'grandTotal':true}").cacheKey());
    assertEquals(33, plain.length);
    assertEquals(1, plain[0]);
  }

  @Test
  void segmentCacheKeysIgnoreIntervals() {
    final Query first = query("{}");
    final Query second = QueryParser.parse(first.toJson().replace("2013-01-01T00:00:00.000Z/2014", "2012-06-01T00:00:00.000Z/2014"));
    assertFalse(Arrays.equals(first.cacheKey(), second.cacheKey()));
    assertArrayEquals(first.segmentCacheKey(), second.segmentCacheKey());
  }

  @Test
  void withContextReplacesOnlyTheContext() {
    final Query query = query("{'timeout':5}");
    final Query renamed = query.withContext(query.context().with("queryId", "broker-1"));
    assertEquals("broker-1", renamed.context().queryId());
    assertEquals(5, renamed.context().timeoutMs(0));
    assertEquals(query.withContext(QueryContext.EMPTY), renamed.withContext(QueryContext.EMPTY));
  }
}
