package io.nemeton.engine.cursor;

import io.nemeton.engine.expression.Expression;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.expression.ExpressionType;
import io.nemeton.engine.expression.InputTypes;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.virtual.ExpressionVirtualColumn;
import io.nemeton.engine.query.virtual.VirtualColumn;
import io.nemeton.engine.storage.ColumnInfo;
import io.nemeton.engine.storage.ComplexBlocks;
import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.StringBlocks;
import io.nemeton.engine.storage.StringColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns one scan of one segment reads, physical and virtual, each opened once and shared by
 * the filter, the aggregators and the dimension readers so that a block is decoded once per scan.
 * Virtual columns are expressions over other columns.
 *
 * <p>Not thread-safe: one per scanning thread and segment. Readers are created on first use; the
 * lookups by name happen while a query is planned, never per row.
 */
public final class BlockColumns {
  private final QueryableSegment segment;
  // Small queries read a column or two per segment: the maps are made on their first entry (or
  // stay the empty map), so a scan of a small segment allocates little besides its readers.
  private final Map<String, ExpressionVirtualColumn> virtualColumns;
  private Map<String, NumericBlocks> numerics = Collections.emptyMap();
  private Map<String, StringBlocks> strings = Collections.emptyMap();
  private Map<String, ValueBlocks> values = Collections.emptyMap();
  private Map<String, ComplexBlocks> complexes = Collections.emptyMap();
  private Map<String, Expression> expressions = Collections.emptyMap();
  /** Readers of ad-hoc expressions ({@link #expressionNumbers}): not shared, but released with the rest. */
  private List<NumericBlocks> expressionReaders = Collections.emptyList();

  public BlockColumns(QueryableSegment segment, List<VirtualColumn> virtualColumns) {
    this.segment = segment;
    if (virtualColumns.isEmpty()) {
      this.virtualColumns = Collections.emptyMap();
    } else {
      this.virtualColumns = new HashMap<>();
      for (VirtualColumn column : virtualColumns) {
        final ExpressionVirtualColumn expression = (ExpressionVirtualColumn) column;
        this.virtualColumns.put(expression.name(), expression);
      }
    }
  }

  public QueryableSegment segment() {
    return segment;
  }

  public boolean isVirtual(String name) {
    return virtualColumns.containsKey(name);
  }

  /** The physical column's description, or null when virtual or absent. */
  public ColumnInfo physical(String name) {
    return isVirtual(name) ? null : segment.column(name);
  }

  /**
   * The column's value type: the stored type, a virtual column's declared or inferred type (null
   * when it cannot be inferred), or null when the column does not exist.
   */
  public ValueType typeOf(String name) {
    final ExpressionVirtualColumn virtual = virtualColumns.get(name);
    if (virtual != null) {
      if (virtual.outputType() != null) {
        return virtual.outputType();
      }
      final ExpressionType inferred = expression(name).outputType(this::expressionTypeOf);
      return inferred == null ? null : toValueType(inferred);
    }
    final ColumnInfo info = segment.column(name);
    if (info == null) {
      return null;
    }
    return switch (info.type()) {
      case LONG -> ValueType.LONG;
      case FLOAT -> ValueType.FLOAT;
      case DOUBLE -> ValueType.DOUBLE;
      case STRING -> ValueType.STRING;
      case COMPLEX -> new ValueType(ValueType.Kind.COMPLEX, null, info.complexTypeName());
    };
  }

  private ExpressionType expressionTypeOf(String name) {
    final ValueType type = typeOf(name);
    if (type == null) {
      return null;
    }
    return switch (type.kind()) {
      case LONG -> ExpressionType.LONG;
      case FLOAT, DOUBLE -> ExpressionType.DOUBLE;
      case STRING -> ExpressionType.STRING;
      default -> null;
    };
  }

  private static ValueType toValueType(ExpressionType type) {
    return switch (type) {
      case LONG -> ValueType.LONG;
      case DOUBLE -> ValueType.DOUBLE;
      case STRING -> ValueType.STRING;
      default -> ValueType.parse(type.druidName());
    };
  }

  /** The input types of an expression over this segment's columns. */
  public InputTypes inputTypes() {
    return this::expressionTypeOf;
  }

  /** The physical string column {@code name} (dictionary and bitmaps), or null. */
  public StringColumn stringColumn(String name) {
    return isVirtual(name) ? null : segment.stringColumn(name);
  }

  /** The shared id reader of a physical string column. */
  public StringBlocks strings(String name) {
    StringBlocks blocks = strings.get(name);
    if (blocks == null) {
      blocks = stringColumn(name).newBlocks();
      if (strings.isEmpty()) {
        strings = new HashMap<>();
      }
      strings.put(name, blocks);
    }
    return blocks;
  }

  /** The shared numeric reader of a column (virtual, physical, string parsed, or absent = null). */
  public NumericBlocks numeric(String name) {
    NumericBlocks blocks = numerics.get(name);
    if (blocks == null) {
      if (isVirtual(name)) {
        final ValueType type = typeOf(name);
        final NumericBlocks.Kind kind = type != null && type.kind() == ValueType.Kind.LONG
            ? NumericBlocks.Kind.LONG : NumericBlocks.Kind.DOUBLE;
        blocks = new ValueNumericBlocks(values(name), kind, segment.rowCount());
      } else {
        blocks = segment.numericBlocks(name);
      }
      if (numerics.isEmpty()) {
        numerics = new HashMap<>();
      }
      numerics.put(name, blocks);
    }
    return blocks;
  }

  /** The shared complex reader of a physical complex column. */
  public ComplexBlocks complex(String name) {
    ComplexBlocks blocks = complexes.get(name);
    if (blocks == null) {
      blocks = segment.complexBlocks(name);
      if (complexes.isEmpty()) {
        complexes = new HashMap<>();
      }
      complexes.put(name, blocks);
    }
    return blocks;
  }

  /** The shared generic value reader of any column; an absent column reads as null. */
  public ValueBlocks values(String name) {
    ValueBlocks blocks = values.get(name);
    if (blocks == null) {
      blocks = openValues(name);
      if (values.isEmpty()) {
        values = new HashMap<>();
      }
      values.put(name, blocks);
    }
    return blocks;
  }

  private ValueBlocks openValues(String name) {
    final ExpressionVirtualColumn virtual = virtualColumns.get(name);
    if (virtual != null) {
      final Expression expression = expression(name);
      final List<String> inputs = new ArrayList<>(expression.requiredBindings());
      final ValueBlocks[] readers = new ValueBlocks[inputs.size()];
      for (int i = 0; i < readers.length; i++) {
        readers[i] = values(inputs.get(i));
      }
      final ExpressionType cast = virtual.outputType() == null ? null : switch (virtual.outputType().kind()) {
        case LONG -> ExpressionType.LONG;
        case FLOAT, DOUBLE -> ExpressionType.DOUBLE;
        case STRING -> ExpressionType.STRING;
        default -> null;
      };
      return new ExpressionValueBlocks(expression, cast, inputs, readers);
    }
    final ColumnInfo info = segment.column(name);
    if (info == null) {
      return NullValueBlocks.INSTANCE;
    }
    return switch (info.type()) {
      case STRING -> new StringValueBlocks(segment.stringColumn(name));
      case COMPLEX -> new ComplexValueBlocks(segment.complexBlocks(name));
      // the shared reader, so its scratch goes back with the scan's and a block read both as
      // values and as numbers is decoded once
      default -> new NumericValueBlocks(numeric(name));
    };
  }

  /** Row values of an ad-hoc expression over this segment's columns (expression filters). */
  public ValueBlocks expressionValues(Expression expression) {
    final List<String> inputs = new ArrayList<>(expression.requiredBindings());
    final ValueBlocks[] readers = new ValueBlocks[inputs.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = values(inputs.get(i));
    }
    return new ExpressionValueBlocks(expression, null, inputs, readers);
  }

  /** An ad-hoc expression read as numbers (aggregators with an {@code expression}). */
  public NumericBlocks expressionNumbers(Expression expression) {
    final ExpressionType type = expression.outputType(inputTypes());
    final NumericBlocks blocks = new ValueNumericBlocks(expressionValues(expression),
        type == ExpressionType.LONG ? NumericBlocks.Kind.LONG : NumericBlocks.Kind.DOUBLE, segment.rowCount());
    if (expressionReaders.isEmpty()) {
      expressionReaders = new ArrayList<>();
    }
    expressionReaders.add(blocks);
    return blocks;
  }

  /**
   * Hands the scratch of every numeric reader this made ({@link #numeric}, the numeric value
   * readers, {@link #expressionNumbers}) back to the thread's {@link
   * io.nemeton.engine.storage.ScanScratch}: the scan is over and nothing reads them again.
   */
  public void release() {
    for (NumericBlocks blocks : numerics.values()) {
      blocks.release();
    }
    for (NumericBlocks blocks : expressionReaders) {
      blocks.release();
    }
  }

  /** The parsed expression of virtual column {@code name}. */
  public Expression expression(String name) {
    Expression expression = expressions.get(name);
    if (expression == null) {
      expression = ExpressionParser.parse(virtualColumns.get(name).expression());
      if (expressions.isEmpty()) {
        expressions = new HashMap<>();
      }
      expressions.put(name, expression);
    }
    return expression;
  }
}
