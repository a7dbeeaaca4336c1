package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates valid native query JSON covering every modelled type, from a seeded generator. */
final class RandomQueries {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] COLUMNS = {"page", "user", "channel", "added", "__time", "country name", "j.k"};
  private static final String[] ORDERINGS = {"lexicographic", "alphanumeric", "numeric", "strlen", "version", "natural"};
  private static final String[] EXPRESSIONS = {"added * 2", "concat(page, '-', \"user\")", "if(added > 0, 1, 0)",
      "timestamp_floor(__time, 'PT1H')", "nvl(\"j.k\", page)", "-(added ^ 2) / 3.5", "strlen(user) >= 3 && !isnull(page)"};

  private final SplittableRandom random;

  RandomQueries(long seed) {
    this.random = new SplittableRandom(seed);
  }

  ObjectNode query() {
    return switch (random.nextInt(8)) {
      case 0 -> timeseries();
      case 1 -> topN();
      case 2 -> groupBy();
      case 3 -> scan();
      case 4 -> search();
      case 5 -> timeBoundary();
      case 6 -> segmentMetadata();
      default -> base("dataSourceMetadata", 2, random.nextBoolean());
    };
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  private String column() {
    return pick(COLUMNS);
  }

  private ObjectNode typed(String type) {
    final ObjectNode node = JSON.objectNode();
    node.put("type", type);
    return node;
  }

  private ObjectNode base(String type, int depth, boolean intervals) {
    final ObjectNode node = JSON.objectNode();
    node.put("queryType", type);
    node.set("dataSource", dataSource(depth));
    if (intervals) {
      node.set("intervals", intervals());
    }
    if (random.nextBoolean()) {
      node.set("context", context());
    }
    return node;
  }

  private JsonNode intervals() {
    final ArrayNode array = JSON.arrayNode();
    final int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      final int year = 2000 + random.nextInt(20);
      array.add(switch (random.nextInt(4)) {
        case 0 -> year + "-01-01/" + (year + 1) + "-01-01";
        case 1 -> year + "-06-27T00Z/P" + (1 + random.nextInt(30)) + "D";
        case 2 -> "PT" + (1 + random.nextInt(48)) + "H/" + year + "-03-01T12:00:00.000Z";
        default -> year + "/" + (year + 1 + random.nextInt(3));
      });
    }
    return array;
  }

  private ObjectNode context() {
    final ObjectNode node = JSON.objectNode();
    if (random.nextBoolean()) {
      node.put("timeout", random.nextInt(100_000));
    }
    if (random.nextBoolean()) {
      node.put("useCache", random.nextBoolean() ? "true" : "false");
    }
    if (random.nextBoolean()) {
      node.put("vectorize", pick("true", "false", "force"));
    }
    if (random.nextBoolean()) {
      node.put("skipEmptyBuckets", random.nextBoolean());
    }
    if (random.nextBoolean()) {
      node.put("sqlTimeZone", pick("UTC", "America/Los_Angeles", "+05:30"));
    }
    if (random.nextBoolean()) {
      node.putObject("custom").putArray("list").add(1).add("x").addNull();
    }
    return node;
  }

  private JsonNode dataSource(int depth) {
    final int kind = depth <= 0 ? 0 : random.nextInt(7);
    switch (kind) {
      case 1: {
        final ObjectNode node = typed("table");
        node.put("name", "wiki");
        return node;
      }
      case 2: {
        final ObjectNode node = typed("query");
        node.set("query", random.nextBoolean() ? groupBy(depth - 1) : topN(depth - 1));
        return node;
      }
      case 3: {
        final ObjectNode node = typed("inline");
        node.putArray("columnNames").add("k").add("v");
        if (random.nextBoolean()) {
          node.putArray("columnTypes").add("string").add("LONG");
        }
        final ArrayNode rows = node.putArray("rows");
        for (int i = random.nextInt(3); i > 0; i--) {
          rows.addArray().add("key" + i).add(i);
        }
        return node;
      }
      case 4: {
        final ObjectNode node = typed("lookup");
        node.put("lookup", "wiki-simple");
        return node;
      }
      case 5: {
        final ObjectNode node = typed("union");
        node.putArray("dataSources").add("a").add(typed("table").put("name", "b"));
        return node;
      }
      case 6: {
        final ObjectNode node = typed("join");
        node.set("left", dataSource(depth - 1));
        node.set("right", dataSource(depth - 1));
        node.put("rightPrefix", "j.");
        node.put("condition", "page == \"j.k\"");
        node.put("joinType", pick("INNER", "LEFT", "RIGHT", "FULL", "left"));
        if (random.nextBoolean()) {
          node.set("leftFilter", filter(1));
        }
        return node;
      }
      default:
        return JSON.textNode(pick("wiki", "twitter", "d s"));
    }
  }

  private ObjectNode common(String type, int depth) {
    final ObjectNode node = base(type, depth, true);
    if (random.nextBoolean()) {
      node.set("filter", filter(3));
    }
    if (random.nextBoolean()) {
      node.set("granularity", granularity());
    }
    if (random.nextBoolean()) {
      final ArrayNode columns = node.putArray("virtualColumns");
      for (int i = random.nextInt(3); i > 0; i--) {
        final ObjectNode column = typed("expression");
        column.put("name", "v" + i);
        column.put("expression", pick(EXPRESSIONS));
        if (random.nextBoolean()) {
          column.put("outputType", pick("STRING", "long", "DOUBLE", "ARRAY<STRING>"));
        }
        columns.add(column);
      }
    }
    return node;
  }

  private JsonNode granularity() {
    return switch (random.nextInt(5)) {
      case 0 -> typed(pick("all", "none"));
      case 1 -> {
        final ObjectNode node = typed("period");
        node.put("period", pick("P1D", "PT1H", "P1W", "P3M", "PT15M", "P1DT12H"));
        if (random.nextBoolean()) {
          node.put("timeZone", pick("America/Los_Angeles", "UTC", "+08:00"));
        }
        if (random.nextBoolean()) {
          node.put("origin", "2013-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
        }
        yield node;
      }
      case 2 -> {
        final ObjectNode node = typed("duration");
        node.put("duration", 1 + random.nextInt(10_000_000));
        if (random.nextBoolean()) {
          node.put("origin", random.nextInt(100_000));
        }
        yield node;
      }
      default -> JSON.textNode(pick(GranularitySpec.SIMPLE_NAMES.toArray(new String[0])).toUpperCase());
    };
  }

  ObjectNode filter(int depth) {
    final int kind = random.nextInt(depth > 0 ? 18 : 15);
    switch (kind) {
      case 0: {
        final ObjectNode node = typed("selector");
        node.put("dimension", column());
        if (random.nextBoolean()) {
          node.put("value", "v" + random.nextInt(5));
        }
        withExtraction(node);
        return node;
      }
      case 1: {
        final ObjectNode node = typed("equals");
        node.put("column", column());
        node.put("matchValueType", pick("STRING", "LONG", "DOUBLE", "ARRAY<LONG>"));
        if (random.nextBoolean()) {
          node.put("matchValue", random.nextInt(100));
        } else {
          node.put("matchValue", "x" + random.nextInt(9));
        }
        return node;
      }
      case 2: {
        final ObjectNode node = typed("in");
        node.put("dimension", column());
        final ArrayNode values = node.putArray("values");
        for (int i = random.nextInt(4); i > 0; i--) {
          if (random.nextInt(5) == 0) {
            values.addNull();
          } else {
            values.add("v" + random.nextInt(6));
          }
        }
        withExtraction(node);
        return node;
      }
      case 3: {
        final ObjectNode node = typed("bound");
        node.put("dimension", column());
        node.put("lower", random.nextInt(10));
        if (random.nextBoolean()) {
          node.put("upper", "z" + random.nextInt(10));
        }
        node.put("lowerStrict", random.nextBoolean());
        if (random.nextBoolean()) {
          node.put("ordering", pick(ORDERINGS));
        } else if (random.nextBoolean()) {
          node.put("alphaNumeric", true);
        }
        withExtraction(node);
        return node;
      }
      case 4: {
        final ObjectNode node = typed("range");
        node.put("column", column());
        node.put("matchValueType", pick("LONG", "DOUBLE", "STRING"));
        node.put("upper", random.nextDouble());
        if (random.nextBoolean()) {
          node.put("lower", random.nextInt(5));
        }
        node.put("upperOpen", random.nextBoolean());
        return node;
      }
      case 5: {
        final ObjectNode node = typed("like");
        node.put("dimension", column());
        node.put("pattern", pick("a%", "%b_", "50!%%"));
        if (random.nextBoolean()) {
          node.put("escape", "!");
        }
        withExtraction(node);
        return node;
      }
      case 6: {
        final ObjectNode node = typed("regex");
        node.put("dimension", column());
        node.put("pattern", pick("^a.*", "[0-9]+", "x|y"));
        return node;
      }
      case 7: {
        final ObjectNode node = typed("search");
        node.put("dimension", column());
        node.set("query", searchSpec());
        return node;
      }
      case 8: {
        final ObjectNode node = typed("interval");
        node.put("dimension", "__time");
        node.set("intervals", intervals());
        return node;
      }
      case 9:
        return typed(pick("true", "false"));
      case 10: {
        final ObjectNode node = typed("null");
        node.put("column", column());
        return node;
      }
      case 11: {
        final ObjectNode node = typed("columnComparison");
        node.putArray("dimensions").add(column()).add(dimension());
        return node;
      }
      case 12: {
        final ObjectNode node = typed("expression");
        node.put("expression", pick(EXPRESSIONS));
        return node;
      }
      case 13: {
        final ObjectNode node = typed("arrayContainsElement");
        node.put("column", column());
        node.put("elementMatchValueType", "STRING");
        node.put("elementMatchValue", "x");
        return node;
      }
      case 14: {
        final ObjectNode node = typed("selector");
        node.put("dimension", column());
        node.put("value", random.nextInt(100));
        return node;
      }
      case 15:
      case 16: {
        final ObjectNode node = typed(kind == 15 ? "and" : "or");
        final ArrayNode fields = node.putArray("fields");
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          fields.add(filter(depth - 1));
        }
        return node;
      }
      default: {
        final ObjectNode node = typed("not");
        node.set("field", filter(depth - 1));
        return node;
      }
    }
  }

  private void withExtraction(ObjectNode node) {
    if (random.nextInt(3) == 0) {
      node.set("extractionFn", extractionFn(2));
    }
  }

  private ObjectNode searchSpec() {
    return switch (random.nextInt(4)) {
      case 0 -> typed("contains").put("value", "ab").put("case_sensitive", random.nextBoolean());
      case 1 -> typed("insensitive_contains").put("value", "Ab");
      case 2 -> {
        final ObjectNode node = typed("fragment");
        node.putArray("values").add("a").add("b");
        yield node;
      }
      default -> typed("regex").put("pattern", "a+b");
    };
  }

  private ObjectNode extractionFn(int depth) {
    switch (random.nextInt(depth > 0 ? 12 : 11)) {
      case 0: {
        final ObjectNode node = typed("timeFormat");
        if (random.nextBoolean()) {
          node.put("format", "yyyy-MM-dd");
        }
        if (random.nextBoolean()) {
          node.put("timeZone", "America/Los_Angeles");
        }
        if (random.nextBoolean()) {
          node.put("locale", "en");
        }
        if (random.nextBoolean()) {
          node.set("granularity", granularity());
        }
        node.put("asMillis", random.nextBoolean());
        return node;
      }
      case 1: {
        final ObjectNode node = typed("substring").put("index", random.nextInt(4));
        if (random.nextBoolean()) {
          node.put("length", random.nextInt(4));
        }
        return node;
      }
      case 2: {
        final ObjectNode node = typed("regex").put("expr", "(\\w+)-(\\d+)");
        node.put("index", random.nextInt(3));
        if (random.nextBoolean()) {
          node.put("replaceMissingValue", true).put("replaceMissingValueWith", "none");
        }
        return node;
      }
      case 3:
        return typed("strlen");
      case 4:
        return typed("upper");
      case 5:
        return typed("lower").put("locale", "fr");
      case 6:
        return typed("partial").put("expr", "^a");
      case 7: {
        final ObjectNode node = typed("searchQuery");
        node.set("query", searchSpec());
        return node;
      }
      case 8:
        return typed("registeredLookup").put("lookup", "countries").put("retainMissingValue", random.nextBoolean());
      case 9: {
        final ObjectNode node = typed("lookup");
        final ObjectNode lookup = node.putObject("lookup").put("type", "map");
        lookup.putObject("map").put("a", "A").put("b", "B").putNull("c");
        node.put("replaceMissingValueWith", "?");
        node.put("injective", random.nextBoolean());
        return node;
      }
      case 10:
        return typed("strlen");
      default: {
        final ObjectNode node = typed("cascade");
        final ArrayNode functions = node.putArray("extractionFns");
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
          functions.add(extractionFn(depth - 1));
        }
        return node;
      }
    }
  }

  private JsonNode dimension() {
    return switch (random.nextInt(3)) {
      case 0 -> JSON.textNode(column());
      case 1 -> {
        final ObjectNode node = JSON.objectNode();
        if (random.nextBoolean()) {
          node.put("type", "default");
        }
        node.put("dimension", column());
        if (random.nextBoolean()) {
          node.put("outputType", pick("STRING", "LONG", "float", "DOUBLE"));
        }
        yield node;
      }
      default -> {
        final ObjectNode node = typed("extraction").put("dimension", column());
        node.set(random.nextBoolean() ? "extractionFn" : "dimExtractionFn", extractionFn(1));
        yield node;
      }
    };
  }

  private List<String> aggregations(ObjectNode query, String prefix) {
    final ArrayNode array = query.putArray("aggregations");
    final List<String> names = new ArrayList<>();
    for (int i = random.nextInt(5); i >= 0; i--) {
      final String name = prefix + i;
      array.add(aggregator(name, 1));
      names.add(name);
    }
    return names;
  }

  private ObjectNode aggregator(String name, int depth) {
    final String[] numeric = {"longSum", "doubleSum", "floatSum", "longMin", "longMax", "doubleMin", "doubleMax",
        "floatMin", "floatMax"};
    final String[] firstLast = {"longFirst", "longLast", "doubleFirst", "doubleLast", "floatFirst", "floatLast",
        "stringFirst", "stringLast", "longAny", "doubleAny", "floatAny", "stringAny"};
    final ObjectNode node;
    switch (random.nextInt(depth > 0 ? 12 : 11)) {
      case 0 -> node = typed("count");
      case 1 -> {
        node = typed(pick(numeric));
        if (random.nextBoolean()) {
          node.put("fieldName", column());
        } else {
          node.put("expression", pick(EXPRESSIONS));
        }
      }
      case 2 -> {
        node = typed(pick(firstLast)).put("fieldName", column());
        if (random.nextBoolean() && node.get("type").asText().endsWith("Any") == false) {
          node.put("timeColumn", "other_time");
        }
        if (random.nextBoolean() && node.get("type").asText().startsWith("string")) {
          node.put("maxStringBytes", 1 + random.nextInt(2048));
        }
      }
      case 3 -> node = typed("doubleMean").put("fieldName", "added");
      case 4 -> {
        node = typed("cardinality").put("byRow", random.nextBoolean()).put("round", random.nextBoolean());
        node.putArray("fields").add(dimension()).add(dimension());
      }
      case 5 -> node = typed("hyperUnique").put("fieldName", "user_unique").put("round", random.nextBoolean());
      case 6 -> {
        node = typed(pick("HLLSketchBuild", "HLLSketchMerge")).put("fieldName", "user");
        if (random.nextBoolean()) {
          node.put("lgK", 4 + random.nextInt(18)).put("tgtHllType", pick("HLL_4", "HLL_6", "HLL_8"));
        }
        if (random.nextBoolean()) {
          node.put("stringEncoding", "utf8").put("round", true).put("shouldFinalize", false);
        }
      }
      case 7 -> {
        node = typed("thetaSketch").put("fieldName", "user");
        if (random.nextBoolean()) {
          node.put("size", 1 << (4 + random.nextInt(12))).put("errorBoundsStdDev", 1 + random.nextInt(3));
        }
      }
      case 8 -> {
        node = typed("quantilesDoublesSketch").put("fieldName", "added");
        if (random.nextBoolean()) {
          node.put("k", 1 << (1 + random.nextInt(15)));
        }
      }
      case 9 -> {
        node = typed(pick("approxHistogram", "approxHistogramFold")).put("fieldName", "delta");
        if (random.nextBoolean()) {
          node.put("resolution", 10).put("numBuckets", 5).put("lowerLimit", -1.5).put("upperLimit", 2.5);
        }
      }
      case 10 -> node = typed("count");
      default -> {
        node = typed("filtered");
        node.set("filter", filter(1));
        node.set("aggregator", aggregator(name, depth - 1));
        if (random.nextBoolean()) {
          return node;
        }
      }
    }
    node.put("name", name);
    return node;
  }

  private void postAggregations(ObjectNode query, List<String> defined) {
    if (defined.isEmpty() || random.nextBoolean()) {
      return;
    }
    final ArrayNode array = query.putArray("postAggregations");
    final List<String> names = new ArrayList<>(defined);
    for (int i = random.nextInt(4); i >= 0; i--) {
      final ObjectNode post = postAggregator(names, 2);
      final String name = "post" + i;
      post.put("name", name);
      array.add(post);
      names.add(name);
    }
  }

  private ObjectNode fieldAccess(List<String> names) {
    return typed(random.nextBoolean() ? "fieldAccess" : "finalizingFieldAccess")
        .put("fieldName", names.get(random.nextInt(names.size())));
  }

  private ObjectNode postAggregator(List<String> names, int depth) {
    switch (random.nextInt(depth > 0 ? 12 : 3)) {
      case 0:
        return fieldAccess(names);
      case 1:
        return typed("constant").put("value", random.nextBoolean() ? (Object) random.nextInt(100) + "" : "2.5");
      case 2:
        return typed("hyperUniqueCardinality").put("fieldName", names.get(0));
      case 3: {
        final ObjectNode node = typed("arithmetic").put("fn", pick("+", "-", "*", "/", "quotient", "pow"));
        final ArrayNode fields = node.putArray("fields");
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
          fields.add(postAggregator(names, depth - 1));
        }
        if (random.nextBoolean()) {
          node.put("ordering", "numericFirst");
        }
        return node;
      }
      case 4: {
        final ObjectNode node = typed(pick("doubleGreatest", "doubleLeast", "longGreatest", "longLeast"));
        node.putArray("fields").add(fieldAccess(names)).add(postAggregator(names, depth - 1));
        return node;
      }
      case 5:
        return typed("expression").put("expression", names.get(0) + " * 2 + " + names.get(names.size() - 1));
      case 6: {
        final ObjectNode node = typed(pick("HLLSketchEstimate", "HLLSketchEstimateWithBounds", "thetaSketchEstimate"));
        node.set("field", fieldAccess(names));
        return node;
      }
      case 7: {
        final ObjectNode node = typed("HLLSketchUnion").put("lgK", 10);
        node.putArray("fields").add(fieldAccess(names)).add(fieldAccess(names));
        return node;
      }
      case 8: {
        final ObjectNode node = typed("thetaSketchSetOp").put("func", pick("UNION", "INTERSECT", "NOT"));
        node.putArray("fields").add(fieldAccess(names)).add(fieldAccess(names));
        return node;
      }
      case 9: {
        final ObjectNode node = typed("quantilesDoublesSketchToQuantile").put("fraction", random.nextDouble());
        node.set("field", fieldAccess(names));
        return node;
      }
      case 10: {
        final ObjectNode node = typed(pick("quantilesDoublesSketchToQuantiles", "quantilesDoublesSketchToCDF"));
        node.set("field", fieldAccess(names));
        node.putArray(node.get("type").asText().endsWith("CDF") ? "splitPoints" : "fractions").add(0.1).add(0.5).add(0.9);
        return node;
      }
      default: {
        final ObjectNode node = typed("quantilesDoublesSketchToHistogram");
        node.set("field", fieldAccess(names));
        if (random.nextBoolean()) {
          node.putArray("splitPoints").add(1).add(10);
        } else {
          node.put("numBins", 1 + random.nextInt(20));
        }
        return node;
      }
    }
  }

  private ObjectNode timeseries() {
    final ObjectNode node = common("timeseries", 2);
    postAggregations(node, aggregations(node, "a"));
    if (random.nextBoolean()) {
      node.put("descending", random.nextBoolean());
    }
    if (random.nextBoolean()) {
      node.put("limit", 1 + random.nextInt(100));
    }
    return node;
  }

  private ObjectNode topN() {
    return topN(2);
  }

  private ObjectNode topN(int depth) {
    final ObjectNode node = common("topN", depth);
    node.set("dimension", dimension());
    final List<String> names = aggregations(node, "a");
    postAggregations(node, names);
    node.put("threshold", 1 + random.nextInt(1000));
    node.set("metric", switch (random.nextInt(5)) {
      case 0 -> JSON.textNode(names.get(0));
      case 1 -> typed("numeric").put("metric", names.get(0));
      case 2 -> typed("inverted").put("metric", names.get(0));
      case 3 -> typed(pick("lexicographic", "alphaNumeric")).put("previousStop", "m");
      default -> typed("dimension").put("ordering", pick(ORDERINGS));
    });
    return node;
  }

  private ObjectNode groupBy() {
    return groupBy(2);
  }

  private ObjectNode groupBy(int depth) {
    final ObjectNode node = common("groupBy", depth);
    final ArrayNode dimensions = node.putArray("dimensions");
    final List<String> outputs = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      final ObjectNode dimension = typed("default").put("dimension", column()).put("outputName", "d" + i);
      dimensions.add(dimension);
      outputs.add("d" + i);
    }
    final List<String> names = aggregations(node, "a");
    postAggregations(node, names);
    if (random.nextBoolean()) {
      node.set("having", having(2, names));
    }
    if (random.nextBoolean()) {
      final ObjectNode limit = JSON.objectNode();
      if (random.nextBoolean()) {
        limit.put("type", "default");
      }
      final ArrayNode columns = limit.putArray("columns");
      columns.add(names.get(0));
      if (!outputs.isEmpty()) {
        columns.addObject().put("dimension", outputs.get(0)).put("direction", pick("asc", "DESCENDING"))
            .put("dimensionOrder", pick(ORDERINGS));
      }
      if (random.nextBoolean()) {
        limit.put("limit", 1 + random.nextInt(50)).put("offset", random.nextInt(5));
      }
      node.set("limitSpec", limit);
    }
    if (random.nextBoolean() && !outputs.isEmpty()) {
      final ArrayNode subtotals = node.putArray("subtotalsSpec");
      subtotals.addArray().add(outputs.get(0));
      subtotals.addArray();
    }
    return node;
  }

  private ObjectNode having(int depth, List<String> names) {
    switch (random.nextInt(depth > 0 ? 8 : 5)) {
      case 0:
        return typed(pick("greaterThan", "lessThan", "equalTo")).put("aggregation", names.get(0))
            .put("value", random.nextBoolean() ? random.nextInt(100) : random.nextDouble());
      case 1: {
        final ObjectNode node = typed("filter");
        node.set("filter", filter(1));
        if (random.nextBoolean()) {
          node.put("finalize", random.nextBoolean());
        }
        return node;
      }
      case 2:
        return typed("dimSelector").put("dimension", column()).put("value", "x");
      case 3:
        return typed("always");
      case 4:
        return typed("never");
      case 5: {
        final ObjectNode node = typed("not");
        node.set("havingSpec", having(depth - 1, names));
        return node;
      }
      default: {
        final ObjectNode node = typed(pick("and", "or"));
        node.putArray("havingSpecs").add(having(depth - 1, names)).add(having(depth - 1, names));
        return node;
      }
    }
  }

  private ObjectNode scan() {
    final ObjectNode node = common("scan", 2);
    node.remove("granularity");
    final ArrayNode columns = node.putArray("columns");
    for (int i = random.nextInt(4); i > 0; i--) {
      columns.add(column());
    }
    if (random.nextBoolean()) {
      node.put("limit", random.nextInt(1000));
    }
    if (random.nextBoolean()) {
      node.put("offset", random.nextInt(10)).put("batchSize", 1 + random.nextInt(30000));
    }
    if (random.nextBoolean()) {
      node.put("order", pick("none", "ascending", "DESCENDING"));
    }
    if (random.nextBoolean()) {
      node.putArray("orderBy").addObject().put("columnName", "__time").put("order", "descending");
    }
    if (random.nextBoolean()) {
      node.put("resultFormat", pick("list", "compactedList"));
    }
    if (random.nextBoolean()) {
      node.put("legacy", random.nextBoolean());
    }
    return node;
  }

  private ObjectNode search() {
    final ObjectNode node = common("search", 2);
    node.set("query", searchSpec());
    if (random.nextBoolean()) {
      node.putArray("searchDimensions").add(dimension()).add(dimension());
    }
    if (random.nextBoolean()) {
      node.put("limit", 1 + random.nextInt(1000));
    }
    if (random.nextBoolean()) {
      node.set("sort", typed(pick(ORDERINGS)));
    }
    return node;
  }

  private ObjectNode timeBoundary() {
    final ObjectNode node = base("timeBoundary", 2, random.nextBoolean());
    if (random.nextBoolean()) {
      node.put("bound", pick("minTime", "maxTime"));
    }
    if (random.nextBoolean()) {
      node.set("filter", filter(2));
    }
    return node;
  }

  private ObjectNode segmentMetadata() {
    final ObjectNode node = base("segmentMetadata", 2, random.nextBoolean());
    switch (random.nextInt(4)) {
      case 0 -> node.set("toInclude", typed("all"));
      case 1 -> node.set("toInclude", typed("none"));
      case 2 -> {
        final ObjectNode list = typed("list");
        list.putArray("columns").add(column()).add(column());
        node.set("toInclude", list);
      }
      default -> {
        // left out
      }
    }
    if (random.nextBoolean()) {
      node.putArray("analysisTypes").add(pick("cardinality", "size", "interval", "aggregators", "minmax",
          "timestampSpec", "queryGranularity", "rollup")).add("size");
    }
    if (random.nextBoolean()) {
      node.put("merge", random.nextBoolean());
    }
    if (random.nextBoolean()) {
      node.put("aggregatorMergeStrategy", pick("strict", "lenient", "earliest", "LATEST"));
    } else if (random.nextBoolean()) {
      node.put("lenientAggregatorMerge", random.nextBoolean());
    }
    return node;
  }
}
