package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ingest.spec.DimensionType;
import io.nemeton.segment.ingest.spec.IngestSpecException;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.ingest.spec.InputFormat;
import io.nemeton.segment.ingest.spec.LocalInputSource;
import io.nemeton.segment.ingest.spec.MetricKind;
import io.nemeton.segment.time.Granularity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every spec field is validated with a message naming the field, the value and the rule. */
class SpecValidationTest {
  private static final String BASE = """
      {"type": "index_parallel", "spec": {
        "dataSchema": {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
          "dimensionsSpec": {"dimensions": ["page"]},
          "metricsSpec": [{"type": "count", "name": "count"}],
          "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none"}},
        "ioConfig": {"type": "index_parallel", "inputSource": {"type": "inline", "data": ""},
          "inputFormat": {"type": "json"}},
        "tuningConfig": {"type": "index_parallel", "maxRowsInMemory": 1000}}}
      """;

  private static String message(String json) {
    return assertThrows(IngestSpecException.class, () -> IngestionSpec.parse(json)).getMessage();
  }

  @Test
  void defaultsFollowDruid() {
    final IngestionSpec spec = IngestionSpec.parse(BASE);
    assertEquals("wiki", spec.dataSource());
    assertEquals("auto", spec.timestampSpec().format());
    assertTrue(spec.granularitySpec().rollup(), "rollup defaults to true");
    assertEquals(Granularity.of("day"), spec.granularitySpec().segmentGranularity());
    assertEquals(5_000_000, spec.tuningConfig().maxRowsPerSegment());
    assertEquals(1000, spec.tuningConfig().maxRowsInMemory());
    assertEquals(Long.MAX_VALUE, spec.tuningConfig().maxParseExceptions());
    assertEquals(InputFormat.JSON, spec.inputFormat().format());
    final IngestionSpec bare = IngestionSpec.parse(BASE.substring(BASE.indexOf("{\n  \"dataSchema\"") >= 0 ? 0 : 0)
        .replaceFirst("\\{\"type\": \"index_parallel\", \"spec\": ", "").replaceFirst("}\\s*$", ""));
    assertEquals(spec, bare, "a bare spec reads like a task");
  }

  @Test
  void badValuesNameFieldValueAndRule() {
    assertEquals("spec.tuningConfig.maxRowsInMemory=0: must be between 1 and 2147483639",
        message(BASE.replace("\"maxRowsInMemory\": 1000", "\"maxRowsInMemory\": 0")));
    assertEquals("spec.tuningConfig.maxRowsInMemory=\"many\": must be an integer between 1 and 2147483639",
        message(BASE.replace("\"maxRowsInMemory\": 1000", "\"maxRowsInMemory\": \"many\"")));
    assertEquals("spec.dataSchema.metricsSpec[0].type=\"fancySum\": aggregator type is not supported at ingestion (supported: "
        + MetricKind.supportedTypes() + ")", message(BASE.replace("\"type\": \"count\"", "\"type\": \"fancySum\"")));
    assertEquals("spec.dataSchema.metricsSpec[0].fieldName is required: a non-empty string",
        message(BASE.replace("\"type\": \"count\"", "\"type\": \"longSum\"")));
    assertTrue(message(BASE.replace("\"segmentGranularity\": \"day\"", "\"segmentGranularity\": \"fortnight\""))
        .startsWith("spec.dataSchema.granularitySpec.segmentGranularity=\"fortnight\": granularity=\"fortnight\" is not one of"));
    assertEquals("spec.dataSchema.dimensionsSpec.dimensions[0].type=\"auto\": dimension type is not supported (supported: string, long, float, double)",
        message(BASE.replace("[\"page\"]", "[{\"name\": \"page\", \"type\": \"auto\"}]")));
    assertEquals("spec.dataSchema.dimensionsSpec.dimensions[1]=\"page\": dimension name \"page\" is listed twice",
        message(BASE.replace("[\"page\"]", "[\"page\", \"page\"]")));
    assertEquals("spec.dataSchema.dimensionsSpec.dimensions[0]=\"count\": dimension name \"count\" is also the name of a metric",
        message(BASE.replace("[\"page\"]", "[\"count\"]")));
    assertTrue(message(BASE.replace("[\"page\"]", "[\"__time\"]")).contains("__time is the time column"));
    assertEquals("spec.ioConfig.inputFormat.type=\"parquet\": input format is not supported (supported: json, csv, tsv)",
        message(BASE.replace("{\"type\": \"json\"}", "{\"type\": \"parquet\"}")));
    assertEquals("spec.ioConfig.inputFormat.columns is required: the column names, or findColumnsFromHeader: true",
        message(BASE.replace("{\"type\": \"json\"}", "{\"type\": \"csv\", \"findColumnsFromHeader\": false}")));
    assertEquals("spec.ioConfig.inputFormat.delimiter=\"ab\": must be one ASCII character other than a quote",
        message(BASE.replace("{\"type\": \"json\"}", "{\"type\": \"tsv\", \"columns\": [\"ts\"], \"delimiter\": \"ab\"}")));
    assertEquals("spec.tuningConfig.partitionsSpec.type=\"hashed\": partitionsSpec type is not supported yet (supported: dynamic)",
        message(BASE.replace("\"maxRowsInMemory\": 1000", "\"partitionsSpec\": {\"type\": \"hashed\"}")));
    assertEquals("spec.dataSchema.metricsSpec[0].tgtHllType=\"HLL_5\": must be HLL_4, HLL_6 or HLL_8",
        message(BASE.replace("{\"type\": \"count\", \"name\": \"count\"}",
            "{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"user\", \"tgtHllType\": \"HLL_5\"}")));
    assertEquals("spec.dataSchema.metricsSpec[0].size=1000: must be a power of 2",
        message(BASE.replace("{\"type\": \"count\", \"name\": \"count\"}",
            "{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"user\", \"size\": 1000}")));
    assertEquals("spec.dataSchema.metricsSpec[0].expression=\"x * 2\": expressions need the expression language, which is not available yet; use fieldName",
        message(BASE.replace("{\"type\": \"count\", \"name\": \"count\"}",
            "{\"type\": \"longSum\", \"name\": \"u\", \"expression\": \"x * 2\"}")));
    assertEquals("spec.dataSchema.granularitySpec.intervals[0]: interval=\"2020-02-01/2020-01-01\": interval end=2020-01-01T00:00:00.000Z is before start=2020-02-01T00:00:00.000Z",
        message(BASE.replace("\"queryGranularity\": \"none\"", "\"queryGranularity\": \"none\", \"intervals\": [\"2020-02-01/2020-01-01\"]")));
    assertTrue(message(BASE.replace("{\"column\": \"ts\"}", "{\"column\": \"ts\", \"format\": \"yyyy-QQ\"}"))
        .startsWith("spec.dataSchema.timestampSpec.format=\"yyyy-QQ\": timestamp pattern=\"yyyy-QQ\": unknown pattern letter 'Q'"));
    assertEquals("spec.dataSchema.dimensionsSpec.useSchemaDiscovery=true: type-inferring schema discovery is not supported yet;"
        + " list the dimensions or leave them empty for string discovery",
        message(BASE.replace("\"dimensions\": [\"page\"]", "\"dimensions\": [], \"useSchemaDiscovery\": true")));
    assertEquals("spec.dataSchema.dataSource is required: a non-empty string", message(BASE.replace("\"wiki\"", "\"\"")));
    assertTrue(message("[1]").startsWith("ingestion spec must be a JSON object"));
    assertTrue(message("{\"type\": \"index\", \"spec\": {").startsWith("ingestion spec is not valid JSON"));
    assertEquals("type=\"kill\": task type is not supported by batch ingestion (supported: index, index_parallel)",
        message("{\"type\": \"kill\", \"dataSource\": \"x\"}"));
  }

  @Test
  void transformSpecIsParsedThenRefused() {
    final String withTransform = BASE.replace("\"metricsSpec\"",
        "\"transformSpec\": {\"transforms\": [{\"type\": \"expression\", \"name\": \"up\", \"expression\": \"upper(page)\"}]}, \"metricsSpec\"");
    assertEquals("spec.dataSchema.transformSpec.transforms has 1 transform(s): transforms need the expression language, which is"
        + " not available yet; remove transformSpec or transform the input before ingesting", message(withTransform));
    final String badTransform = BASE.replace("\"metricsSpec\"",
        "\"transformSpec\": {\"transforms\": [{\"type\": \"expression\", \"name\": \"up\"}]}, \"metricsSpec\"");
    assertEquals("spec.dataSchema.transformSpec.transforms[0].expression is required: a non-empty string", message(badTransform));
    final String withFilter = BASE.replace("\"metricsSpec\"",
        "\"transformSpec\": {\"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"x\"}}, \"metricsSpec\"");
    assertTrue(message(withFilter).startsWith("spec.dataSchema.transformSpec.filter="));
    final IngestionSpec empty = IngestionSpec.parse(BASE.replace("\"metricsSpec\"", "\"transformSpec\": {\"transforms\": []}, \"metricsSpec\""));
    assertEquals("wiki", empty.dataSource());
  }

  @Test
  void legacyParserAndFirehoseAreTranslated() {
    final IngestionSpec spec = IngestionSpec.parse("""
        {"type": "index", "spec": {
          "dataSchema": {"dataSource": "old",
            "parser": {"type": "string", "parseSpec": {"format": "csv", "columns": ["ts", "page", "n"],
              "timestampSpec": {"column": "ts", "format": "iso"},
              "dimensionsSpec": {"dimensions": ["page", {"name": "n", "type": "long"}]}}},
            "metricsSpec": [], "granularitySpec": {"type": "uniform", "segmentGranularity": "hour"}},
          "ioConfig": {"type": "index", "firehose": {"type": "local", "baseDir": "/data", "filter": "*.csv"}}}}
        """);
    assertEquals(InputFormat.CSV, spec.inputFormat().format());
    assertEquals(List.of("ts", "page", "n"), spec.inputFormat().columns());
    assertEquals("iso", spec.timestampSpec().format());
    assertEquals(DimensionType.LONG, spec.dimensionsSpec().dimensions().get(1).type());
    assertEquals(new LocalInputSource("/data", "*.csv", List.of()), spec.inputSource());
    assertEquals(Granularity.of("hour"), spec.granularitySpec().segmentGranularity());
    assertTrue(message(BASE.replace("\"dimensionsSpec\"", "\"parser\": {\"type\": \"avro_stream\"}, \"dimensionsSpec\""))
        .contains("use ioConfig.inputFormat"));
    assertTrue(message(BASE.replace("\"inputSource\": {\"type\": \"inline\", \"data\": \"\"}",
        "\"firehose\": {\"type\": \"ingestSegment\"}")).startsWith("spec.ioConfig.firehose.type=\"ingestSegment\": legacy firehose"));
  }

  @Test
  void metadataKeepsAggregatorsTimestampGranularityAndRollup() {
    final Map<String, Object> metadata = IngestionSpec.parse(BASE).segmentMetadata();
    assertEquals(List.of(Map.of("type", "count", "name", "count")), metadata.get("aggregators"));
    assertEquals(Map.of("type", "none"), metadata.get("queryGranularity"));
    assertEquals(true, metadata.get("rollup"));
    assertEquals("ts", ((Map<?, ?>) metadata.get("timestampSpec")).get("column"));
  }
}
