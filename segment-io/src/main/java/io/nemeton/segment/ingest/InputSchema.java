package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.DimensionSpec;
import io.nemeton.segment.ingest.spec.DimensionType;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.ingest.spec.MetricKind;
import io.nemeton.segment.ingest.spec.MetricSpec;
import io.nemeton.segment.ingest.spec.MultiValueHandling;
import io.nemeton.segment.time.TimestampParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled form of a spec: how each input field is read ({@link FieldBinding}), the slots of
 * {@link InputBatch}, and the columns of {@link RowStore} (and {@link RowColumns}) holding dimensions and metric states.
 * With schemaless dimensions it grows as readers meet new fields: new string dimensions are
 * appended, and {@link #stringFieldCount()} tells batches and buffers to add a column.
 *
 * <p>Not thread-safe: one ingestion, one thread.
 */
final class InputSchema {
  final TimestampParser timestampParser;
  final String timestampColumn;
  final Long missingTimestampMs;
  private final Map<String, FieldBinding> bindings = new HashMap<>();
  private final List<StringField> stringFields = new ArrayList<>();
  private final List<DimensionColumn> dimensions = new ArrayList<>();
  private final List<MetricColumn> metrics = new ArrayList<>();
  private final boolean discovers;
  private final Set<String> undiscoverable = new HashSet<>();
  private int longSlots;
  private int doubleSlots;
  private int longColumns;
  private int doubleColumns;
  private int nullColumns;
  private int objectColumns;

  private InputSchema(IngestionSpec spec) {
    this.timestampParser = spec.timestampSpec().parser();
    this.timestampColumn = spec.timestampSpec().column();
    this.missingTimestampMs = spec.timestampSpec().missingValueMs();
    this.discovers = spec.dimensionsSpec().discoversDimensions();
  }

  static InputSchema compile(IngestionSpec spec) {
    final InputSchema schema = new InputSchema(spec);
    schema.binding(schema.timestampColumn).timestamp = true;
    for (DimensionSpec dimension : spec.dimensionsSpec().dimensions()) {
      schema.addDimension(dimension.name(), dimension.type(), dimension.multiValueHandling());
    }
    for (MetricSpec metric : spec.metrics()) {
      schema.addMetric(metric);
    }
    schema.undiscoverable.add(schema.timestampColumn);
    schema.undiscoverable.add("__time");
    schema.undiscoverable.addAll(spec.dimensionsSpec().exclusions());
    for (MetricSpec metric : spec.metrics()) {
      schema.undiscoverable.add(metric.name());
      if (metric.fieldName() != null) {
        schema.undiscoverable.add(metric.fieldName());
      }
    }
    return schema;
  }

  private FieldBinding binding(String name) {
    return bindings.computeIfAbsent(name, FieldBinding::new);
  }

  private StringField stringField(String name) {
    final FieldBinding binding = binding(name);
    if (binding.stringField == null) {
      binding.stringField = new StringField(name, stringFields.size());
      stringFields.add(binding.stringField);
    }
    return binding.stringField;
  }

  private int longSlot(String name) {
    final FieldBinding binding = binding(name);
    if (binding.longSlot < 0) {
      binding.longSlot = longSlots++;
    }
    return binding.longSlot;
  }

  private int doubleSlot(String name) {
    final FieldBinding binding = binding(name);
    if (binding.doubleSlot < 0) {
      binding.doubleSlot = doubleSlots++;
    }
    return binding.doubleSlot;
  }

  private void addDimension(String name, DimensionType type, MultiValueHandling handling) {
    switch (type) {
      case STRING -> {
        final StringField field = stringField(name);
        field.handling = handling;
        dimensions.add(new DimensionColumn(name, type, field, field.slot, -1, -1));
      }
      case LONG -> dimensions.add(new DimensionColumn(name, type, null, longColumns++, nullColumns++, longSlot(name)));
      case FLOAT, DOUBLE ->
          dimensions.add(new DimensionColumn(name, type, null, doubleColumns++, nullColumns++, doubleSlot(name)));
    }
  }

  private void addMetric(MetricSpec spec) {
    final MetricKind kind = spec.kind();
    final String field = spec.fieldName();
    final MetricColumn column = switch (kind) {
      case COUNT -> new MetricColumn(spec, kind, longColumns++, -1, -1, -1, -1, -1, -1, null);
      case LONG_SUM, LONG_MIN, LONG_MAX ->
          new MetricColumn(spec, kind, longColumns++, nullColumns++, -1, -1, longSlot(field), -1, -1, null);
      case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX, FLOAT_SUM, FLOAT_MIN, FLOAT_MAX ->
          new MetricColumn(spec, kind, doubleColumns++, nullColumns++, -1, -1, doubleSlot(field), -1, -1, null);
      case LONG_FIRST, LONG_LAST ->
          new MetricColumn(spec, kind, longColumns++, nullColumns++, longColumns++, -1, longSlot(field), -1, -1, null);
      case DOUBLE_FIRST, DOUBLE_LAST, FLOAT_FIRST, FLOAT_LAST ->
          new MetricColumn(spec, kind, doubleColumns++, nullColumns++, longColumns++, -1, doubleSlot(field), -1, -1, null);
      case STRING_FIRST, STRING_LAST -> {
        final StringField input = stringField(field);
        yield new MetricColumn(spec, kind, longColumns++, -1, longColumns++, -1, input.slot, input.slot, -1, input);
      }
      case HYPER_UNIQUE, HLL_SKETCH, THETA_SKETCH -> {
        final StringField input = stringField(field);
        yield new MetricColumn(spec, kind, -1, -1, -1, objectColumns++, input.slot, input.slot, -1, input);
      }
      case QUANTILES_DOUBLES_SKETCH -> {
        final int slot = doubleSlot(field);
        // a double dimension on the same field already buffers the raw values
        DimensionColumn shared = null;
        for (DimensionColumn dimension : dimensions) {
          if (dimension.type() == DimensionType.DOUBLE && dimension.inputSlot() == slot) {
            shared = dimension;
          }
        }
        final int inputColumn = shared != null ? shared.column() : doubleColumns++;
        final int inputNulls = shared != null ? shared.nullColumn() : nullColumns++;
        yield new MetricColumn(spec, kind, -1, -1, -1, objectColumns++, slot, inputColumn, inputNulls, null);
      }
    };
    metrics.add(column);
  }

  /**
   * How to read field {@code name}; {@link FieldBinding#IGNORED} when nothing uses it. With
   * schemaless dimensions a new field becomes a string dimension if {@code discoverable} (its value
   * is a scalar or a list of scalars) and it is not the timestamp, a metric's input or name, or
   * excluded.
   */
  FieldBinding binding(String name, boolean discoverable) {
    final FieldBinding known = bindings.get(name);
    if (known != null) {
      return known;
    }
    if (!discovers || undiscoverable.contains(name)) {
      final FieldBinding ignored = new FieldBinding(name);
      bindings.put(name, ignored);
      return ignored;
    }
    if (!discoverable) {
      return FieldBinding.IGNORED;
    }
    addDimension(name, DimensionType.STRING, MultiValueHandling.SORTED_ARRAY);
    return bindings.get(name);
  }

  int stringFieldCount() {
    return stringFields.size();
  }

  StringField stringField(int slot) {
    return stringFields.get(slot);
  }

  int longSlots() {
    return longSlots;
  }

  int doubleSlots() {
    return doubleSlots;
  }

  /** Dimensions in output order; grows with discovery. */
  List<DimensionColumn> dimensions() {
    return dimensions;
  }

  List<MetricColumn> metrics() {
    return metrics;
  }

  int longColumns() {
    return longColumns;
  }

  int doubleColumns() {
    return doubleColumns;
  }

  int nullColumns() {
    return nullColumns;
  }

  int objectColumns() {
    return objectColumns;
  }
}
