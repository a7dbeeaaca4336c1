package io.nemeton.segment.ingest.spec;

import io.nemeton.segment.ColumnType;
import java.util.Locale;

/**
 * The aggregators ingestion can apply, by Druid {@code type} name, with the input each reads and
 * the column each produces. Sketches and first/last pairs are complex columns of serialized bytes
 * named by {@link #complexTypeName()}.
 */
public enum MetricKind {
  COUNT("count", Input.NONE, ColumnType.LONG, null),
  LONG_SUM("longSum", Input.LONG, ColumnType.LONG, null),
  LONG_MIN("longMin", Input.LONG, ColumnType.LONG, null),
  LONG_MAX("longMax", Input.LONG, ColumnType.LONG, null),
  DOUBLE_SUM("doubleSum", Input.DOUBLE, ColumnType.DOUBLE, null),
  DOUBLE_MIN("doubleMin", Input.DOUBLE, ColumnType.DOUBLE, null),
  DOUBLE_MAX("doubleMax", Input.DOUBLE, ColumnType.DOUBLE, null),
  FLOAT_SUM("floatSum", Input.DOUBLE, ColumnType.FLOAT, null),
  FLOAT_MIN("floatMin", Input.DOUBLE, ColumnType.FLOAT, null),
  FLOAT_MAX("floatMax", Input.DOUBLE, ColumnType.FLOAT, null),
  LONG_FIRST("longFirst", Input.LONG, ColumnType.COMPLEX, "serializablePairLongLong"),
  LONG_LAST("longLast", Input.LONG, ColumnType.COMPLEX, "serializablePairLongLong"),
  DOUBLE_FIRST("doubleFirst", Input.DOUBLE, ColumnType.COMPLEX, "serializablePairLongDouble"),
  DOUBLE_LAST("doubleLast", Input.DOUBLE, ColumnType.COMPLEX, "serializablePairLongDouble"),
  FLOAT_FIRST("floatFirst", Input.DOUBLE, ColumnType.COMPLEX, "serializablePairLongFloat"),
  FLOAT_LAST("floatLast", Input.DOUBLE, ColumnType.COMPLEX, "serializablePairLongFloat"),
  STRING_FIRST("stringFirst", Input.STRING, ColumnType.COMPLEX, "serializablePairLongString"),
  STRING_LAST("stringLast", Input.STRING, ColumnType.COMPLEX, "serializablePairLongString"),
  HYPER_UNIQUE("hyperUnique", Input.STRING, ColumnType.COMPLEX, "hyperUnique"),
  HLL_SKETCH("HLLSketchBuild", Input.STRING, ColumnType.COMPLEX, "HLLSketch"),
  THETA_SKETCH("thetaSketch", Input.STRING, ColumnType.COMPLEX, "thetaSketch"),
  QUANTILES_DOUBLES_SKETCH("quantilesDoublesSketch", Input.DOUBLE, ColumnType.COMPLEX, "quantilesDoublesSketch");

  /** What an aggregator reads from its input field. */
  public enum Input { NONE, LONG, DOUBLE, STRING }

  private final String druidType;
  private final Input input;
  private final ColumnType columnType;
  private final String complexTypeName;

  MetricKind(String druidType, Input input, ColumnType columnType, String complexTypeName) {
    this.druidType = druidType;
    this.input = input;
    this.columnType = columnType;
    this.complexTypeName = complexTypeName;
  }

  public String druidType() {
    return druidType;
  }

  public Input input() {
    return input;
  }

  public ColumnType columnType() {
    return columnType;
  }

  /** The complex type name of the column, or null for numeric columns. */
  public String complexTypeName() {
    return complexTypeName;
  }

  public boolean isSketch() {
    return this == HYPER_UNIQUE || this == HLL_SKETCH || this == THETA_SKETCH || this == QUANTILES_DOUBLES_SKETCH;
  }

  public boolean isFirstOrLast() {
    return complexTypeName != null && !isSketch();
  }

  public boolean isFirst() {
    return this == LONG_FIRST || this == DOUBLE_FIRST || this == FLOAT_FIRST || this == STRING_FIRST;
  }

  /** The kind for a Druid type name (case-insensitive), or null. */
  public static MetricKind fromDruidType(String type) {
    for (MetricKind kind : values()) {
      if (kind.druidType.toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    return null;
  }

  /** All Druid type names, for error messages. */
  public static String supportedTypes() {
    final StringBuilder names = new StringBuilder();
    for (MetricKind kind : values()) {
      names.append(names.isEmpty() ? "" : ", ").append(kind.druidType);
    }
    return names.toString();
  }
}
