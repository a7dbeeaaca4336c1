package io.nemeton.segment.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.ingest.spec.FlattenField;
import io.nemeton.segment.ingest.spec.FlattenSpec;
import io.nemeton.segment.ingest.spec.IngestSpecException;
import io.nemeton.segment.ingest.spec.InputFormatSpec;
import io.nemeton.segment.time.TimestampParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON object per line with Jackson's streaming parser, or through a tree when a {@code
 * flattenSpec} computes fields. Values follow Druid's SQL-compatible nulls: a missing key or JSON
 * null is null, {@code ""} stays {@code ""}, an empty array is null, an array of scalars is a
 * multi-value row, numbers and booleans in string columns become their text ({@code 36}, {@code
 * false}), a nested object in a string column becomes its JSON text. Numeric columns read JSON
 * numbers and numeric text; anything else is a field error and the value null. Blank lines are
 * skipped; a line that is not one JSON object is unparseable.
 *
 * <p>Not thread-safe.
 */
final class JsonLinesReader implements RowReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final LineSource lines;
  private final String source;
  private final InputSchema schema;
  private final ParseErrorLog errors;
  private final JsonFactory factory;
  private final TimestampParser timestampParser;
  private final FlattenSpec flatten;
  private final JsonPath[] paths;
  private final List<String> listScratch = new ArrayList<>();
  private boolean timestampSeen;
  private String rowFailure;

  JsonLinesReader(InputFile file, InputFormatSpec format, InputSchema schema, ParseErrorLog errors) throws IOException {
    this.source = file.name();
    this.schema = schema;
    this.errors = errors;
    this.timestampParser = schema.timestampParser;
    this.factory = factory(format.jsonFeatures());
    this.flatten = format.flattenSpec();
    this.paths = new JsonPath[flatten.fields().size()];
    for (int i = 0; i < paths.length; i++) {
      final FlattenField field = flatten.fields().get(i);
      if (field.path()) {
        try {
          paths[i] = JsonPath.compile(field.expression());
        } catch (IllegalArgumentException e) {
          throw new IngestSpecException("ioConfig.inputFormat.flattenSpec.fields[" + i + "] name=" + field.name() + ": "
              + e.getMessage(), e);
        }
      }
    }
    this.lines = new LineSource(file.open());
  }

  private static JsonFactory factory(Map<String, Boolean> features) {
    final JsonFactoryBuilder builder = new JsonFactoryBuilder();
    final List<Map.Entry<String, Boolean>> parserFeatures = new ArrayList<>();
    for (Map.Entry<String, Boolean> feature : features.entrySet()) {
      try {
        builder.configure(JsonReadFeature.valueOf(feature.getKey()), feature.getValue());
      } catch (IllegalArgumentException notReadFeature) {
        parserFeatures.add(feature);
      }
    }
    final JsonFactory factory = builder.build();
    for (Map.Entry<String, Boolean> feature : parserFeatures) {
      try {
        factory.configure(JsonParser.Feature.valueOf(feature.getKey()), feature.getValue());
      } catch (IllegalArgumentException e) {
        throw new IngestSpecException("ioConfig.inputFormat.featureSpec." + feature.getKey()
            + ": not a Jackson JSON parser feature (for example ALLOW_SINGLE_QUOTES, ALLOW_UNQUOTED_FIELD_NAMES)", e);
      }
    }
    return factory;
  }

  @Override
  public boolean read(InputBatch batch) throws IOException {
    batch.source = source;
    while (!batch.isFull()) {
      if (!lines.next()) {
        return false;
      }
      if (lines.isBlank()) {
        continue;
      }
      final int row = batch.count;
      timestampSeen = false;
      rowFailure = null;
      boolean ok;
      try {
        ok = flatten.isIdentity() ? streamRow(batch, row) : treeRow(batch, row);
      } catch (JsonProcessingException e) {
        rowFailure = "not valid JSON: " + e.getOriginalMessage();
        ok = false;
      }
      if (ok && !timestampSeen) {
        if (schema.missingTimestampMs == null) {
          rowFailure = "timestamp column=" + schema.timestampColumn + " is null or missing";
          ok = false;
        } else {
          batch.times[row] = schema.missingTimestampMs;
        }
      }
      if (ok) {
        batch.lines[row] = lines.lineNumber();
        batch.count = row + 1;
      } else {
        batch.resetRow(row);
        errors.unparseable(source, lines.lineNumber(), rowFailure);
      }
    }
    return true;
  }

  private boolean streamRow(InputBatch batch, int row) throws IOException {
    try (JsonParser parser = factory.createParser(lines.buffer(), lines.start(), lines.end() - lines.start())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        rowFailure = "not a JSON object";
        return false;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        final String name = parser.currentName();
        final JsonToken value = parser.nextToken();
        if (!streamValue(name, value, parser, batch, row)) {
          return false;
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        rowFailure = "more than one JSON value on the line";
        return false;
      }
      return true;
    }
  }

  private boolean streamValue(String name, JsonToken token, JsonParser parser, InputBatch batch, int row)
      throws IOException {
    switch (token) {
      case VALUE_STRING -> {
        return text(binding(name, true, batch), parser.getText(), batch, row);
      }
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return decimal(binding(name, true, batch), parser.getDoubleValue(), parser.getText(), batch, row);
        }
        return integer(binding(name, true, batch), parser.getLongValue(), batch, row);
      }
      case VALUE_NUMBER_FLOAT -> {
        final double value = parser.getDoubleValue();
        return decimal(binding(name, true, batch), value, Double.toString(value), batch, row);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return bool(binding(name, true, batch), token == JsonToken.VALUE_TRUE, batch, row);
      }
      case VALUE_NULL -> {
        binding(name, true, batch);
        return true;
      }
      case START_ARRAY -> {
        final JsonNode array = MAPPER.readTree(parser);
        return node(name, array, batch, row);
      }
      case START_OBJECT -> {
        final FieldBinding binding = binding(name, false, batch);
        if (binding.isIgnored()) {
          parser.skipChildren();
          return true;
        }
        return node(name, MAPPER.readTree(parser), batch, row);
      }
      default -> {
        rowFailure = "unexpected JSON token " + token + " for field " + name;
        return false;
      }
    }
  }

  private boolean treeRow(InputBatch batch, int row) throws IOException {
    final JsonNode root;
    try (JsonParser parser = factory.createParser(lines.buffer(), lines.start(), lines.end() - lines.start())) {
      root = MAPPER.readTree(parser);
      if (root == null || !root.isObject()) {
        rowFailure = "not a JSON object";
        return false;
      }
      if (parser.nextToken() != null) {
        rowFailure = "more than one JSON value on the line";
        return false;
      }
    }
    if (flatten.useFieldDiscovery()) {
      final Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
      while (fields.hasNext()) {
        final Map.Entry<String, JsonNode> field = fields.next();
        if (isDiscoverable(field.getValue()) && !node(field.getKey(), field.getValue(), batch, row)) {
          return false;
        }
      }
    }
    for (int i = 0; i < paths.length; i++) {
      final FlattenField field = flatten.fields().get(i);
      final JsonNode value = paths[i] != null ? paths[i].evaluate(root) : root.path(field.expression());
      if (!node(field.name(), value, batch, row)) {
        return false;
      }
    }
    return true;
  }

  /** Scalars and arrays of scalars are discovered as fields; nested objects are not. */
  private static boolean isDiscoverable(JsonNode value) {
    if (value.isObject()) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (element.isContainerNode()) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean node(String name, JsonNode value, InputBatch batch, int row) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      binding(name, true, batch);
      return true;
    }
    final FieldBinding binding = binding(name, isDiscoverable(value), batch);
    if (binding.isIgnored()) {
      return true;
    }
    if (value.isTextual()) {
      return text(binding, value.textValue(), batch, row);
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return integer(binding, value.longValue(), batch, row);
    }
    if (value.isNumber()) {
      return decimal(binding, value.doubleValue(), value.isIntegralNumber() ? value.asText() : Double.toString(value.doubleValue()),
          batch, row);
    }
    if (value.isBoolean()) {
      return bool(binding, value.booleanValue(), batch, row);
    }
    if (value.isArray()) {
      listScratch.clear();
      for (JsonNode element : value) {
        listScratch.add(element.isNull() ? null : element.isValueNode() ? scalarText(element) : element.toString());
      }
      return list(binding, listScratch, batch, row);
    }
    return text(binding, value.toString(), batch, row);
  }

  private static String scalarText(JsonNode element) {
    if (element.isFloatingPointNumber()) {
      return Double.toString(element.doubleValue());
    }
    return element.asText();
  }

  private FieldBinding binding(String name, boolean discoverable, InputBatch batch) {
    final FieldBinding binding = schema.binding(name, discoverable);
    if (binding.stringField != null) {
      batch.ensureStringSlots(schema.stringFieldCount());
    }
    return binding;
  }

  private boolean text(FieldBinding binding, String text, InputBatch batch, int row) {
    if (binding.timestamp && !time(timestampParser.parse(text), text, batch, row)) {
      return false;
    }
    if (binding.stringField != null) {
      batch.codes[binding.stringField.slot][row] = binding.stringField.dictionary.intern(text);
    }
    if (binding.longSlot >= 0) {
      if (NumberParsing.parseLong(text, batch.longs[binding.longSlot], row)) {
        batch.longNulls[binding.longSlot][row] = 0;
      } else {
        numberError(binding, text, batch, row);
      }
    }
    if (binding.doubleSlot >= 0) {
      if (NumberParsing.parseDouble(text, batch.doubles[binding.doubleSlot], row)) {
        batch.doubleNulls[binding.doubleSlot][row] = 0;
      } else {
        numberError(binding, text, batch, row);
      }
    }
    return true;
  }

  private boolean integer(FieldBinding binding, long value, InputBatch batch, int row) {
    if (binding.timestamp) {
      final long time = timestampParser.readsNumbers() ? timestampParser.fromLong(value) : timestampParser.parse(Long.toString(value));
      if (!time(time, Long.toString(value), batch, row)) {
        return false;
      }
    }
    if (binding.stringField != null) {
      batch.codes[binding.stringField.slot][row] = binding.stringField.dictionary.intern(Long.toString(value));
    }
    if (binding.longSlot >= 0) {
      batch.longs[binding.longSlot][row] = value;
      batch.longNulls[binding.longSlot][row] = 0;
    }
    if (binding.doubleSlot >= 0) {
      batch.doubles[binding.doubleSlot][row] = value;
      batch.doubleNulls[binding.doubleSlot][row] = 0;
    }
    return true;
  }

  private boolean decimal(FieldBinding binding, double value, String text, InputBatch batch, int row) {
    if (binding.timestamp) {
      final long time = timestampParser.readsNumbers() ? timestampParser.fromDouble(value) : timestampParser.parse(text);
      if (!time(time, text, batch, row)) {
        return false;
      }
    }
    if (binding.stringField != null) {
      batch.codes[binding.stringField.slot][row] = binding.stringField.dictionary.intern(text);
    }
    if (binding.longSlot >= 0) {
      if (Double.isFinite(value) && value < 0x1p63 && value >= -0x1p63) {
        batch.longs[binding.longSlot][row] = (long) value;
        batch.longNulls[binding.longSlot][row] = 0;
      } else {
        numberError(binding, text, batch, row);
      }
    }
    if (binding.doubleSlot >= 0) {
      batch.doubles[binding.doubleSlot][row] = value;
      batch.doubleNulls[binding.doubleSlot][row] = 0;
    }
    return true;
  }

  private boolean bool(FieldBinding binding, boolean value, InputBatch batch, int row) {
    if (binding.timestamp) {
      rowFailure = "timestamp column=" + schema.timestampColumn + " value=" + value + " is not a timestamp";
      return false;
    }
    if (binding.stringField != null) {
      batch.codes[binding.stringField.slot][row] = binding.stringField.dictionary.intern(value ? "true" : "false");
    }
    if (binding.longSlot >= 0) {
      batch.longs[binding.longSlot][row] = value ? 1 : 0;
      batch.longNulls[binding.longSlot][row] = 0;
    }
    if (binding.doubleSlot >= 0) {
      batch.doubles[binding.doubleSlot][row] = value ? 1 : 0;
      batch.doubleNulls[binding.doubleSlot][row] = 0;
    }
    return true;
  }

  private boolean list(FieldBinding binding, List<String> values, InputBatch batch, int row) {
    if (values.isEmpty()) {
      return true;
    }
    if (values.size() == 1 && values.get(0) != null) {
      return text(binding, values.get(0), batch, row);
    }
    if (binding.timestamp) {
      rowFailure = "timestamp column=" + schema.timestampColumn + " holds a list of " + values.size() + " values";
      return false;
    }
    final StringField field = binding.stringField;
    if (field != null) {
      field.beginList();
      for (String value : values) {
        field.addToList(field.dictionary.intern(value));
      }
      batch.codes[field.slot][row] = field.endList();
    }
    if (binding.longSlot >= 0 || binding.doubleSlot >= 0) {
      batch.fieldError(row, "column=" + binding.name + " holds a list of " + values.size()
          + " values where a number is expected; stored as null");
    }
    return true;
  }

  private boolean time(long time, String text, InputBatch batch, int row) {
    if (time == TimestampParser.INVALID) {
      rowFailure = "timestamp column=" + schema.timestampColumn + " value=" + ParseErrorLog.quote(text)
          + " is not a valid " + timestampParser.format() + " timestamp";
      return false;
    }
    batch.times[row] = time;
    timestampSeen = true;
    return true;
  }

  private static void numberError(FieldBinding binding, String text, InputBatch batch, int row) {
    batch.fieldError(row, "column=" + binding.name + " value=" + ParseErrorLog.quote(text)
        + " is not a number; stored as null");
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
