package io.nemeton.segment.ingest.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.time.Granularity;
import io.nemeton.segment.time.IsoTimestamps;
import io.nemeton.segment.time.TimeInterval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Druid batch task JSON into an {@link IngestionSpec}, validating every field it uses.
 * Unknown fields are ignored, as Druid ignores them; fields that would change the result but are
 * not supported (transforms, other input sources, hashed partitions ...) are refused by name.
 *
 * <p>Stateless and thread-safe.
 */
final class SpecParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("%%[A-Za-z0-9_]+%%");

  private SpecParser() {}

  static IngestionSpec parse(String json) {
    if (json == null || json.isBlank()) {
      throw new IngestSpecException("ingestion spec is empty");
    }
    final Matcher placeholder = PLACEHOLDER.matcher(json);
    if (placeholder.find()) {
      throw new IngestSpecException("ingestion spec still holds the placeholder " + placeholder.group()
          + ": replace it before submitting");
    }
    final JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IngestSpecException("ingestion spec is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IngestSpecException("ingestion spec must be a JSON object, found " + (root == null ? "nothing" : root.getNodeType()));
    }
    SpecNode spec = new SpecNode(root, "");
    final String type = root.has("dataSchema") ? null : spec.text("type", null);
    if (type != null && !type.equals("index") && !type.equals("index_parallel")) {
      throw spec.child("type").invalid("task type is not supported by batch ingestion (supported: index, index_parallel)");
    }
    if (root.has("spec")) {
      spec = spec.requiredObject("spec");
    } else if (!root.has("dataSchema")) {
      throw new IngestSpecException("ingestion spec must hold \"spec\" (a task) or \"dataSchema\" (a bare spec)");
    }
    return parseSpec(spec);
  }

  private static IngestionSpec parseSpec(SpecNode spec) {
    final SpecNode dataSchema = spec.requiredObject("dataSchema");
    final SpecNode ioConfig = spec.object("ioConfig");
    final SpecNode tuning = spec.object("tuningConfig");
    final String dataSource = dataSchema.requiredText("dataSource");
    final SpecNode parser = dataSchema.object("parser");
    final SpecNode parseSpec = parser.isMissing() ? parser : legacyParseSpec(parser);

    final SpecNode timestampNode = dataSchema.has("timestampSpec") || parseSpec.isMissing()
        ? dataSchema.object("timestampSpec") : parseSpec.object("timestampSpec");
    final TimestampSpec timestampSpec = timestampSpec(timestampNode);
    final List<MetricSpec> metrics = metrics(dataSchema);
    final SpecNode dimensionsNode = dataSchema.has("dimensionsSpec") || parseSpec.isMissing()
        ? dataSchema.object("dimensionsSpec") : parseSpec.object("dimensionsSpec");
    final DimensionsSpec dimensionsSpec = dimensionsSpec(dimensionsNode, metrics, timestampSpec);
    final GranularitySpec granularitySpec = granularitySpec(dataSchema.object("granularitySpec"));
    transformSpec(dataSchema.object("transformSpec"));

    final InputSourceSpec inputSource;
    final InputFormatSpec inputFormat;
    if (ioConfig.isMissing()) {
      throw ioConfig.missing("an object with inputSource and inputFormat");
    }
    if (ioConfig.has("firehose")) {
      inputSource = legacyFirehose(ioConfig.requiredObject("firehose"));
    } else {
      inputSource = inputSource(ioConfig.requiredObject("inputSource"));
    }
    if (ioConfig.has("inputFormat")) {
      inputFormat = inputFormat(ioConfig.requiredObject("inputFormat"), false);
    } else if (!parseSpec.isMissing()) {
      inputFormat = inputFormat(parseSpec, true);
    } else {
      throw ioConfig.child("inputFormat").missing("an object such as {\"type\": \"json\"}");
    }
    return new IngestionSpec(dataSource, timestampSpec, dimensionsSpec, metrics, granularitySpec, inputSource,
        inputFormat, tuningConfig(tuning));
  }

  private static SpecNode legacyParseSpec(SpecNode parser) {
    final String type = parser.text("type", "string");
    if (!type.equals("string") && !type.equals("hadoopyString")) {
      throw parser.child("type").invalid("legacy parser type is not supported; use ioConfig.inputFormat with json, csv or tsv");
    }
    return parser.requiredObject("parseSpec");
  }

  private static InputSourceSpec legacyFirehose(SpecNode firehose) {
    final String type = firehose.requiredText("type");
    return switch (type) {
      case "local" -> new LocalInputSource(firehose.requiredText("baseDir"), firehose.text("filter", "*"), List.of());
      case "inline" -> new InlineInputSource(firehose.requiredText("data"));
      default -> throw firehose.child("type").invalid(
          "legacy firehose is not supported; use ioConfig.inputSource of type local or inline");
    };
  }

  private static TimestampSpec timestampSpec(SpecNode node) {
    final String column = node.text("column", TimestampSpec.DEFAULT_COLUMN);
    final String format = node.text("format", TimestampSpec.DEFAULT_FORMAT);
    try {
      io.nemeton.segment.time.TimestampParser.forFormat(format);
    } catch (IllegalArgumentException e) {
      throw new IngestSpecException(node.path("format") + "=\"" + format + "\": " + e.getMessage(), e);
    }
    Long missing = null;
    final SpecNode missingNode = node.child("missingValue");
    if (!missingNode.isMissing()) {
      if (missingNode.json().isIntegralNumber()) {
        missing = missingNode.json().longValue();
      } else {
        final long ms = IsoTimestamps.parse(missingNode.asText(), true);
        if (ms == IsoTimestamps.INVALID) {
          throw missingNode.invalid("must be an ISO-8601 timestamp such as 2000-01-01T00:00:00Z");
        }
        missing = ms;
      }
    }
    return new TimestampSpec(column, format, missing);
  }

  private static DimensionsSpec dimensionsSpec(SpecNode node, List<MetricSpec> metrics, TimestampSpec timestamp) {
    if (node.bool("useSchemaDiscovery", false)) {
      throw node.child("useSchemaDiscovery").invalid(
          "type-inferring schema discovery is not supported yet; list the dimensions or leave them empty for string discovery");
    }
    if (!node.array("spatialDimensions").isEmpty()) {
      throw node.child("spatialDimensions").invalid("spatial dimensions are not supported");
    }
    final List<DimensionSpec> dimensions = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    final Set<String> metricNames = new HashSet<>();
    for (MetricSpec metric : metrics) {
      metricNames.add(metric.name());
    }
    for (SpecNode element : node.array("dimensions")) {
      final DimensionSpec dimension = dimension(element);
      if (!names.add(dimension.name())) {
        throw element.invalid("dimension name \"" + dimension.name() + "\" is listed twice");
      }
      if (metricNames.contains(dimension.name())) {
        throw element.invalid("dimension name \"" + dimension.name() + "\" is also the name of a metric");
      }
      dimensions.add(dimension);
    }
    final List<String> exclusions = new ArrayList<>();
    for (SpecNode element : node.array("dimensionExclusions")) {
      exclusions.add(element.asText());
    }
    return new DimensionsSpec(dimensions, exclusions, node.bool("includeAllDimensions", false));
  }

  private static DimensionSpec dimension(SpecNode element) {
    if (element.json().isTextual()) {
      return DimensionSpec.string(checkColumnName(element, element.asText()));
    }
    if (!element.json().isObject()) {
      throw element.invalid("must be a dimension name or an object with name and type");
    }
    final String name = checkColumnName(element.child("name"), element.requiredText("name"));
    final String typeName = element.text("type", "string");
    final DimensionType type = switch (typeName.toLowerCase(Locale.ROOT)) {
      case "string" -> DimensionType.STRING;
      case "long" -> DimensionType.LONG;
      case "float" -> DimensionType.FLOAT;
      case "double" -> DimensionType.DOUBLE;
      default -> throw element.child("type").invalid("dimension type is not supported (supported: string, long, float, double)");
    };
    final String handling = element.text("multiValueHandling", "sorted_array");
    final MultiValueHandling multiValueHandling = switch (handling.toLowerCase(Locale.ROOT)) {
      case "sorted_array" -> MultiValueHandling.SORTED_ARRAY;
      case "sorted_set" -> MultiValueHandling.SORTED_SET;
      case "array" -> MultiValueHandling.ARRAY;
      default -> throw element.child("multiValueHandling").invalid("must be sorted_array, sorted_set or array");
    };
    return new DimensionSpec(name, type, multiValueHandling, element.bool("createBitmapIndex", true));
  }

  private static String checkColumnName(SpecNode node, String name) {
    if (name.isEmpty()) {
      throw node.invalid("column name must not be empty");
    }
    if (name.equals("__time")) {
      throw node.invalid("__time is the time column and cannot be a dimension or metric");
    }
    return name;
  }

  private static List<MetricSpec> metrics(SpecNode dataSchema) {
    final List<MetricSpec> metrics = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    for (SpecNode element : dataSchema.array("metricsSpec")) {
      if (!element.json().isObject()) {
        throw element.invalid("must be an aggregator object with type and name");
      }
      final String typeName = element.requiredText("type");
      final MetricKind kind = MetricKind.fromDruidType(typeName);
      if (kind == null) {
        throw element.child("type").invalid("aggregator type is not supported at ingestion (supported: "
            + MetricKind.supportedTypes() + ")");
      }
      final String name = checkColumnName(element.child("name"), element.requiredText("name"));
      if (!names.add(name)) {
        throw element.child("name").invalid("metric name is used twice");
      }
      String fieldName = null;
      if (kind != MetricKind.COUNT) {
        if (element.has("expression")) {
          throw element.child("expression").invalid("expressions need the expression language, which is not available yet; use fieldName");
        }
        fieldName = element.requiredText("fieldName");
      }
      if (element.bool("isInputHyperUnique", false)) {
        throw element.child("isInputHyperUnique").invalid("ingesting pre-built hyperUnique values is not supported");
      }
      if (element.bool("isInputThetaSketch", false)) {
        throw element.child("isInputThetaSketch").invalid("ingesting pre-built theta sketches is not supported");
      }
      final int lgK = (int) element.integer("lgK", MetricSpec.DEFAULT_LG_K, 4, 21);
      final String tgtHllType = element.text("tgtHllType", MetricSpec.DEFAULT_TGT_HLL_TYPE);
      if (!tgtHllType.equals("HLL_4") && !tgtHllType.equals("HLL_6") && !tgtHllType.equals("HLL_8")) {
        throw element.child("tgtHllType").invalid("must be HLL_4, HLL_6 or HLL_8");
      }
      final String encoding = element.text("stringEncoding", "utf16le").toLowerCase(Locale.ROOT);
      if (!encoding.equals("utf16le") && !encoding.equals("utf8")) {
        throw element.child("stringEncoding").invalid("must be utf16le or utf8");
      }
      final int size = (int) element.integer("size", MetricSpec.DEFAULT_THETA_SIZE, 16, 1 << 26);
      if (Integer.bitCount(size) != 1) {
        throw element.child("size").invalid("must be a power of 2");
      }
      final int k = (int) element.integer("k", MetricSpec.DEFAULT_QUANTILES_K, 2, 32768);
      if (Integer.bitCount(k) != 1) {
        throw element.child("k").invalid("must be a power of 2");
      }
      final int maxStringBytes =
          (int) element.integer("maxStringBytes", MetricSpec.DEFAULT_MAX_STRING_BYTES, 1, 1 << 20);
      @SuppressWarnings("unchecked")
      final Map<String, Object> json = MAPPER.convertValue(element.json(), LinkedHashMap.class);
      metrics.add(new MetricSpec(name, kind, fieldName, lgK, tgtHllType, encoding.equals("utf8"), size, k,
          maxStringBytes, json));
    }
    return metrics;
  }

  private static GranularitySpec granularitySpec(SpecNode node) {
    final String type = node.text("type", "uniform");
    if (!type.equals("uniform")) {
      throw node.child("type").invalid("granularitySpec type is not supported (supported: uniform)");
    }
    final Granularity segment = granularity(node.child("segmentGranularity"), Granularity.of("day"));
    final Granularity query = granularity(node.child("queryGranularity"), Granularity.NONE);
    final List<TimeInterval> intervals = new ArrayList<>();
    for (SpecNode element : node.array("intervals")) {
      try {
        intervals.add(TimeInterval.parse(element.asText()));
      } catch (IllegalArgumentException e) {
        throw new IngestSpecException(element.path() + ": " + e.getMessage(), e);
      }
    }
    return new GranularitySpec(segment, query, node.bool("rollup", true), intervals);
  }

  private static Granularity granularity(SpecNode node, Granularity defaultValue) {
    if (node.isMissing()) {
      return defaultValue;
    }
    try {
      return Granularity.fromJson(MAPPER.convertValue(node.json(), Object.class));
    } catch (IllegalArgumentException e) {
      throw new IngestSpecException(node.path() + "=" + node.json() + ": " + e.getMessage(), e);
    }
  }

  private static void transformSpec(SpecNode node) {
    if (node.isMissing()) {
      return;
    }
    final List<SpecNode> transforms = node.array("transforms");
    for (SpecNode transform : transforms) {
      transform.requiredText("name");
      final String type = transform.text("type", "expression");
      if (!type.equals("expression")) {
        throw transform.child("type").invalid("transform type is not supported (supported: expression)");
      }
      transform.requiredText("expression");
    }
    if (!transforms.isEmpty()) {
      throw new IngestSpecException(node.path("transforms") + " has " + transforms.size()
          + " transform(s): transforms need the expression language, which is not available yet;"
          + " remove transformSpec or transform the input before ingesting");
    }
    if (node.has("filter")) {
      throw node.child("filter").invalid(
          "ingestion-time filters need the filter engine, which is not available yet; filter the input before ingesting");
    }
  }

  private static InputSourceSpec inputSource(SpecNode node) {
    final String type = node.requiredText("type");
    switch (type) {
      case "local" -> {
        final String baseDir = node.text("baseDir", null);
        final String filter = node.text("filter", null);
        final List<String> files = new ArrayList<>();
        for (SpecNode file : node.array("files")) {
          files.add(file.asText());
        }
        if (baseDir == null && files.isEmpty()) {
          throw node.missing("baseDir (with filter) or files");
        }
        if (baseDir != null && filter == null) {
          throw node.child("filter").missing("a file name glob such as *.json when baseDir is set");
        }
        return new LocalInputSource(baseDir, filter, files);
      }
      case "inline" -> {
        return new InlineInputSource(node.text("data", ""));
      }
      default -> throw node.child("type").invalid("input source type is not supported (supported: local, inline)");
    }
  }

  private static InputFormatSpec inputFormat(SpecNode node, boolean legacy) {
    final String typeField = legacy ? "format" : "type";
    final String type = node.requiredText(typeField).toLowerCase(Locale.ROOT);
    final InputFormat format = switch (type) {
      case "json" -> InputFormat.JSON;
      case "csv" -> InputFormat.CSV;
      case "tsv" -> InputFormat.TSV;
      default -> throw node.child(typeField).invalid("input format is not supported (supported: json, csv, tsv)");
    };
    final List<String> columns = new ArrayList<>();
    for (SpecNode column : node.array("columns")) {
      columns.add(column.asText());
    }
    final String listDelimiter = node.text("listDelimiter", InputFormatSpec.DEFAULT_LIST_DELIMITER);
    if (listDelimiter.isEmpty()) {
      throw node.child("listDelimiter").invalid("must not be empty");
    }
    String delimiter = null;
    if (format == InputFormat.TSV) {
      delimiter = node.text("delimiter", "\t");
      if (delimiter.length() != 1 || delimiter.charAt(0) > 127 || delimiter.equals("\"")) {
        throw node.child("delimiter").invalid("must be one ASCII character other than a quote");
      }
    }
    final boolean findColumnsFromHeader =
        node.bool("findColumnsFromHeader", legacy ? node.bool("hasHeaderRow", false) : columns.isEmpty());
    final int skipHeaderRows = (int) node.integer("skipHeaderRows", 0, 0, Integer.MAX_VALUE);
    if (format != InputFormat.JSON && !findColumnsFromHeader && columns.isEmpty()) {
      throw node.child("columns").missing("the column names, or findColumnsFromHeader: true");
    }
    if (format == InputFormat.JSON && (node.has("columns") && !legacy)) {
      throw node.child("columns").invalid("json input does not take columns");
    }
    final Map<String, Boolean> features = new LinkedHashMap<>();
    final SpecNode featureSpec = node.object("featureSpec");
    if (!featureSpec.isMissing()) {
      final Iterator<Map.Entry<String, JsonNode>> entries = featureSpec.json().fields();
      while (entries.hasNext()) {
        final Map.Entry<String, JsonNode> entry = entries.next();
        features.put(entry.getKey(), featureSpec.bool(entry.getKey(), false));
      }
    }
    return new InputFormatSpec(format, columns, findColumnsFromHeader, skipHeaderRows, listDelimiter, delimiter,
        flattenSpec(node.object("flattenSpec")), features);
  }

  private static FlattenSpec flattenSpec(SpecNode node) {
    if (node.isMissing()) {
      return new FlattenSpec(true, List.of());
    }
    final List<FlattenField> fields = new ArrayList<>();
    for (SpecNode field : node.array("fields")) {
      final String type = field.text("type", "root");
      final String name = field.requiredText("name");
      switch (type) {
        case "root" -> fields.add(new FlattenField(name, false, field.text("expr", name)));
        case "path" -> fields.add(new FlattenField(name, true, field.requiredText("expr")));
        default -> throw field.child("type").invalid("flatten field type is not supported (supported: root, path)");
      }
    }
    return new FlattenSpec(node.bool("useFieldDiscovery", true), fields);
  }

  private static TuningConfig tuningConfig(SpecNode node) {
    final SpecNode partitions = node.object("partitionsSpec");
    long maxRowsPerSegment = node.integer("maxRowsPerSegment", TuningConfig.DEFAULT_MAX_ROWS_PER_SEGMENT, 1, TuningConfig.MAX_ROWS);
    if (!partitions.isMissing()) {
      final String type = partitions.text("type", "dynamic");
      if (!type.equals("dynamic")) {
        throw partitions.child("type").invalid("partitionsSpec type is not supported yet (supported: dynamic)");
      }
      maxRowsPerSegment = partitions.integer("maxRowsPerSegment", maxRowsPerSegment, 1, TuningConfig.MAX_ROWS);
    }
    final long maxRowsInMemory =
        node.integer("maxRowsInMemory", TuningConfig.DEFAULT_MAX_ROWS_IN_MEMORY, 1, TuningConfig.MAX_ROWS);
    long maxParseExceptions = node.integer("maxParseExceptions", Long.MAX_VALUE, 0, Long.MAX_VALUE);
    long maxSaved = node.integer("maxSavedParseExceptions", TuningConfig.DEFAULT_MAX_SAVED_PARSE_EXCEPTIONS, 0, 100_000);
    if (node.bool("reportParseExceptions", false)) {
      maxParseExceptions = 0;
      maxSaved = Math.min(maxSaved, 1);
    }
    return new TuningConfig((int) maxRowsPerSegment, (int) maxRowsInMemory, maxParseExceptions, (int) maxSaved);
  }
}
