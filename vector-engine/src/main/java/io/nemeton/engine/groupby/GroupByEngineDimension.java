package io.nemeton.engine.groupby;

import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.cursor.ValueBlocks;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.dimension.ExtractionDimensionSpec;
import io.nemeton.engine.storage.StringBlocks;
import io.nemeton.engine.storage.StringColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one grouping dimension of one segment as small integer codes per row, one code per value
 * of a multi-value row. A string column without extraction uses its dictionary ids as codes; with
 * an extraction function each id is mapped once to the code of its extracted value; any other
 * column (numbers, virtual columns) codes row values through a local dictionary. {@link #value}
 * turns a code back into the answer value, converted to the spec's output type.
 *
 * <p>Not thread-safe; one per scan.
 */
final class GroupByEngineDimension {
  private enum Mode { DICTIONARY, EXTRACTED, GENERIC }

  private final DimensionSpec spec;
  private final Mode mode;
  private final StringColumn column;
  private final StringBlocks blocks;
  private final int[] codeOfId;
  private final ValueBlocks values;
  private final Extractor extractor;
  private final Map<Object, Integer> localCodes = new HashMap<>();
  private final List<Object> localValues = new ArrayList<>();
  private Object[] dictionaryValues;
  private boolean[] dictionaryDecoded;
  private List<?> pendingList;
  private Object pendingSingle;
  private int pendingBlock = -1;
  private int pendingPosition = -1;

  GroupByEngineDimension(DimensionSpec spec, BlockColumns columns) {
    this.spec = spec;
    this.extractor = spec instanceof ExtractionDimensionSpec extraction ? Extractor.of(extraction.extractionFn())
        : null;
    final StringColumn string = columns.stringColumn(spec.dimension());
    if (string != null) {
      this.column = string;
      this.blocks = columns.strings(spec.dimension());
      this.values = null;
      if (extractor == null) {
        this.mode = Mode.DICTIONARY;
        this.codeOfId = null;
      } else {
        this.mode = Mode.EXTRACTED;
        this.codeOfId = new int[string.cardinality()];
        for (int id = 0; id < codeOfId.length; id++) {
          codeOfId[id] = localCode(convert(extractor.apply(string.value(id))));
        }
      }
    } else {
      this.mode = Mode.GENERIC;
      this.column = null;
      this.blocks = null;
      this.codeOfId = null;
      this.values = columns.values(spec.dimension());
    }
  }

  /** Whether every row has exactly one code read straight from dictionary ids (the batch path). */
  boolean singleDictionaryValue() {
    return mode != Mode.GENERIC && !column.multiValue();
  }

  /**
   * Adds {@code code * weight} to {@code keys[k]} for the {@code k}-th position of a batch; only when
   * {@link #singleDictionaryValue()}.
   */
  void addCodes(int block, int[] positions, int count, long weight, long[] keys) {
    final int[] ids = blocks.ids(block);
    if (mode == Mode.DICTIONARY) {
      for (int k = 0; k < count; k++) {
        keys[k] += ids[positions[k]] * weight;
      }
    } else {
      final int[] codes = codeOfId;
      for (int k = 0; k < count; k++) {
        keys[k] += codes[ids[positions[k]]] * weight;
      }
    }
  }

  /**
   * Whether codes are the string column's dictionary ids and values its strings unchanged (no
   * extraction, output type STRING), so groups of several segments match by dictionary value.
   */
  boolean plainDictionary() {
    return mode == Mode.DICTIONARY && spec.outputType().kind() == ValueType.Kind.STRING;
  }

  /** The string column, for a dictionary or extracted dimension; null otherwise. */
  StringColumn column() {
    return column;
  }

  /** As {@link #addCodes(int, int[], int, long, long[])} for keys that fit an int. */
  void addCodes(int block, int[] positions, int count, int weight, int[] keys) {
    final int[] ids = blocks.ids(block);
    if (mode == Mode.DICTIONARY) {
      if (weight == 1) {
        for (int k = 0; k < count; k++) {
          keys[k] += ids[positions[k]];
        }
      } else {
        for (int k = 0; k < count; k++) {
          keys[k] += ids[positions[k]] * weight;
        }
      }
    } else {
      final int[] codes = codeOfId;
      for (int k = 0; k < count; k++) {
        keys[k] += codes[ids[positions[k]]] * weight;
      }
    }
  }

  /** Codes are below this bound, or -1 when it is not known in advance. */
  int codeBound() {
    return mode == Mode.GENERIC ? -1 : column.cardinality();
  }

  /** How many values row {@code position} of {@code block} has (at least 1). */
  int valueCount(int block, int position) {
    if (mode == Mode.GENERIC) {
      final Object value = values.value(block, position);
      pendingBlock = block;
      pendingPosition = position;
      pendingList = value instanceof List<?> list && !list.isEmpty() ? list : null;
      if (pendingList == null) {
        pendingSingle = value;
      }
      return pendingList == null ? 1 : pendingList.size();
    }
    if (!column.multiValue()) {
      return 1;
    }
    final int[] starts = blocks.rowStarts(block);
    return starts[position + 1] - starts[position];
  }

  /** The code of the {@code index}-th value of the row last given to {@link #valueCount}. */
  int code(int block, int position, int index) {
    switch (mode) {
      case GENERIC -> {
        if (block != pendingBlock || position != pendingPosition) {
          valueCount(block, position);
        }
        final Object raw = pendingList == null ? pendingSingle : pendingList.get(index);
        return localCode(convert(extractor == null ? raw : extractor.apply(raw)));
      }
      case DICTIONARY -> {
        return id(block, position, index);
      }
      default -> {
        return codeOfId[id(block, position, index)];
      }
    }
  }

  private int id(int block, int position, int index) {
    if (!column.multiValue()) {
      return blocks.ids(block)[position];
    }
    // storage gives every row at least one id (the null id for a row without values)
    return blocks.values(block)[blocks.rowStarts(block)[position] + index];
  }

  /** The answer value of a code. */
  Object value(int code) {
    if (mode == Mode.DICTIONARY) {
      if (dictionaryValues == null) {
        dictionaryValues = new Object[column.cardinality()];
        dictionaryDecoded = new boolean[column.cardinality()];
      }
      if (!dictionaryDecoded[code]) {
        dictionaryValues[code] = convert(column.value(code));
        dictionaryDecoded[code] = true;
      }
      return dictionaryValues[code];
    }
    return localValues.get(code);
  }

  private int localCode(Object value) {
    final Integer code = localCodes.get(value);
    if (code != null) {
      return code;
    }
    final int next = localValues.size();
    localCodes.put(value, next);
    localValues.add(value);
    return next;
  }

  /** A raw value in the spec's output type: text for STRING, parsed numbers otherwise. */
  private Object convert(Object value) {
    return convert(value, spec.outputType());
  }

  static Object convert(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    return switch (type.kind()) {
      case LONG -> {
        final Number number = number(value);
        yield number == null ? null : (Object) number.longValue();
      }
      case DOUBLE -> {
        final Number number = number(value);
        yield number == null ? null : (Object) number.doubleValue();
      }
      case FLOAT -> {
        final Number number = number(value);
        yield number == null ? null : (Object) number.floatValue();
      }
      default -> value instanceof String text ? text : value.toString();
    };
  }

  private static Number number(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    final String text = value.toString().trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notLong) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException notDouble) {
        return null;
      }
    }
  }
}
