package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A query's {@code context}: the values exactly as the client sent them (so they are forwarded
 * unchanged), plus typed accessors for the keys the engine honours. Known keys are checked when the
 * context is read: a wrong type is an {@link InvalidQueryException} with code {@link
 * QueryErrorCode#INVALID_CONTEXT} naming the key and the value. Like Druid, booleans and numbers
 * may arrive as strings ({@code "useCache":"true"}, {@code "timeout":"60000"}); unlike Druid's
 * {@code Boolean.parseBoolean}, a string that is neither true nor false is refused rather than read
 * as false. Unknown keys are kept and not checked. Immutable and thread-safe.
 *
 * @param values unmodifiable, in the client's order; values are String, Long, Double, Boolean,
 *     null, List or Map
 */
public record QueryContext(Map<String, Object> values) {

  /** Vectorization modes of the {@code vectorize} key. */
  public enum Vectorize { FALSE, TRUE, FORCE }

  public static final QueryContext EMPTY = new QueryContext(Map.of());

  private static final Set<String> BOOLEAN_KEYS = Set.of(
      "useCache", "populateCache", "useResultLevelCache", "populateResultLevelCache", "bySegment",
      "finalize", "skipEmptyBuckets", "grandTotal", "useApproximateCountDistinct", "useApproximateTopN",
      "forcePushDownNestedQuery", "forceLimitPushDown", "applyLimitPushDown", "applyLimitPushDownToSegment",
      "resultAsArray", "sortByDimsFirst", "serializeDateTimeAsLong", "serializeDateTimeAsLongInner",
      "enableParallelMerge", "debug", "secondaryPartitionPruning", "groupByEnableMultiValueUnnesting",
      "useFilterCNF", "enableJoinFilterPushDown", "enableJoinFilterRewrite", "sqlStringifyArrays",
      "enableTimeBoundaryPlanning", "useNativeQueryExplain", "forceExpressionVirtualColumns");

  private static final Set<String> NON_NEGATIVE_LONG_KEYS = Set.of(
      "timeout", "defaultTimeout", "maxScatterGatherBytes", "maxQueuedBytes", "maxSubqueryRows");

  private static final Set<String> POSITIVE_INT_KEYS = Set.of(
      "vectorSize", "minTopNThreshold", "maxNumericInFilters", "inSubQueryThreshold", "sqlOuterLimit",
      "parallelMergeParallelism", "parallelMergeInitialYieldRows", "parallelMergeSmallBatchRows");

  private static final Set<String> STRING_KEYS = Set.of(
      "queryId", "sqlQueryId", "lane", "timestampResultField", "brokerService");

  /** Keys that change how a query runs but never what it returns; left out of cache keys. */
  static final Set<String> RESULT_NEUTRAL_KEYS = Set.of(
      "timeout", "defaultTimeout", "priority", "lane", "queryId", "sqlQueryId", "useCache", "populateCache",
      "useResultLevelCache", "populateResultLevelCache", "vectorize", "vectorSize", "vectorizeVirtualColumns",
      "maxScatterGatherBytes", "maxQueuedBytes", "enableParallelMerge", "parallelMergeParallelism",
      "parallelMergeInitialYieldRows", "parallelMergeSmallBatchRows", "debug", "brokerService",
      "nativeQueryIds", "useNativeQueryExplain");

  public QueryContext {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Reads and checks a {@code context} object at {@code path}. */
  public static QueryContext parse(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidQueryException(QueryErrorCode.INVALID_CONTEXT, path,
          "expected a JSON object, got " + JsonValues.describe(node), null);
    }
    final Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      values.put(entry.getKey(), JsonValues.toJava(entry.getValue()));
    }
    final QueryContext context = new QueryContext(values);
    context.check(path);
    return context;
  }

  private void check(String path) {
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      final String key = entry.getKey();
      final Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      final String keyPath = FieldReader.join(path, key);
      if (BOOLEAN_KEYS.contains(key)) {
        asBoolean(keyPath, value);
      } else if (NON_NEGATIVE_LONG_KEYS.contains(key)) {
        asLong(keyPath, value, 0, "a non-negative whole number");
      } else if (POSITIVE_INT_KEYS.contains(key)) {
        asLong(keyPath, value, 1, "a positive 32-bit whole number");
      } else if (key.equals("priority")) {
        asLong(keyPath, value, Integer.MIN_VALUE, "a 32-bit whole number");
      } else if (key.equals("vectorize") || key.equals("vectorizeVirtualColumns")) {
        asVectorize(keyPath, value);
      } else if (key.equals("sqlTimeZone")) {
        asZone(keyPath, value);
      } else if (STRING_KEYS.contains(key) && !(value instanceof String)) {
        throw bad(keyPath, "a string", value);
      }
    }
  }

  private static InvalidQueryException bad(String keyPath, String expected, Object value) {
    return new InvalidQueryException(QueryErrorCode.INVALID_CONTEXT, keyPath,
        "expected " + expected + ", got " + JsonValues.describe(value), null);
  }

  private static boolean asBoolean(String keyPath, Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof String text) {
      if (text.equalsIgnoreCase("true")) {
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw bad(keyPath, "a boolean", value);
  }

  private static long asLong(String keyPath, Object value, long minimum, String expected) {
    long result;
    if (value instanceof Long whole) {
      result = whole;
    } else if (value instanceof Double real && real == Math.rint(real) && Math.abs(real) < 0x1p63) {
      result = real.longValue();
    } else if (value instanceof String text) {
      try {
        result = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw bad(keyPath, expected, value);
      }
    } else {
      throw bad(keyPath, expected, value);
    }
    final long maximum = expected.contains("32-bit") ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (result < minimum || result > maximum) {
      throw bad(keyPath, expected, value);
    }
    return result;
  }

  private static Vectorize asVectorize(String keyPath, Object value) {
    if (value instanceof Boolean bool) {
      return bool ? Vectorize.TRUE : Vectorize.FALSE;
    }
    if (value instanceof String text) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "true":
          return Vectorize.TRUE;
        case "false":
          return Vectorize.FALSE;
        case "force":
          return Vectorize.FORCE;
        default:
          break;
      }
    }
    throw bad(keyPath, "true, false or \"force\"", value);
  }

  private static ZoneId asZone(String keyPath, Object value) {
    if (value instanceof String text) {
      try {
        return ZoneId.of(text);
      } catch (DateTimeException e) {
        throw bad(keyPath, "a time zone id such as \"America/Los_Angeles\"", value);
      }
    }
    throw bad(keyPath, "a time zone id such as \"America/Los_Angeles\"", value);
  }

  /** The raw value of a key, or null. */
  public Object get(String key) {
    return values.get(key);
  }

  /** A boolean key with a default; string values {@code "true"}/{@code "false"} count. */
  public boolean booleanValue(String key, boolean fallback) {
    final Object value = values.get(key);
    return value == null ? fallback : asBoolean("context." + key, value);
  }

  /** A whole-number key with a default. */
  public long longValue(String key, long fallback) {
    final Object value = values.get(key);
    return value == null ? fallback : asLong("context." + key, value, Long.MIN_VALUE, "a whole number");
  }

  /** A string key, or null. */
  public String stringValue(String key) {
    final Object value = values.get(key);
    return value == null ? null : value.toString();
  }

  /** {@code timeout} in milliseconds; 0 means no timeout. */
  public long timeoutMs(long fallbackMs) {
    return longValue("timeout", fallbackMs);
  }

  /** {@code priority}, default 0. */
  public int priority() {
    return (int) longValue("priority", 0);
  }

  /** {@code vectorize}, default true. */
  public Vectorize vectorize() {
    final Object value = values.get("vectorize");
    return value == null ? Vectorize.TRUE : asVectorize("context.vectorize", value);
  }

  /** {@code vectorSize}: rows per batch. */
  public int vectorSize(int fallback) {
    return (int) longValue("vectorSize", fallback);
  }

  public boolean useCache() {
    return booleanValue("useCache", true);
  }

  public boolean populateCache() {
    return booleanValue("populateCache", true);
  }

  public boolean skipEmptyBuckets() {
    return booleanValue("skipEmptyBuckets", false);
  }

  public boolean grandTotal() {
    return booleanValue("grandTotal", false);
  }

  /** {@code finalize}, default true: false returns raw sketches instead of estimates. */
  public boolean finalizeResults() {
    return booleanValue("finalize", true);
  }

  /** {@code minTopNThreshold}, default 1000. */
  public int minTopNThreshold() {
    return (int) longValue("minTopNThreshold", 1000);
  }

  /** {@code sqlTimeZone}, or null. */
  public ZoneId sqlTimeZone() {
    final Object value = values.get("sqlTimeZone");
    return value == null ? null : asZone("context.sqlTimeZone", value);
  }

  /** {@code queryId}, or null. */
  public String queryId() {
    return stringValue("queryId");
  }

  /** A copy with one key set (e.g. the broker's {@code queryId}). */
  public QueryContext with(String key, Object value) {
    final Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new QueryContext(copy);
  }

  /** The values as a JSON object, in the client's order. */
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.object();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      node.set(entry.getKey(), JsonValues.fromJava(entry.getValue()));
    }
    return node;
  }

  /** The values that can change results, as JSON: what a cache key must include. */
  public ObjectNode toCacheKeyJson() {
    final ObjectNode node = JsonTrees.object();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (!RESULT_NEUTRAL_KEYS.contains(entry.getKey())) {
        node.set(entry.getKey(), JsonValues.fromJava(entry.getValue()));
      }
    }
    return node;
  }
}
