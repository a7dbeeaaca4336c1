package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.cursor.ValueBlocks;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.storage.ComplexBlocks;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.theta.CompactThetaSketch;

/**
 * The sketch aggregators: {@code HLLSketchBuild}, {@code HLLSketchMerge}, {@code hyperUnique},
 * {@code thetaSketch}, {@code quantilesDoublesSketch}, and {@code cardinality} (an HLL sketch of
 * dimension values). A complex input column is merged sketch by sketch; other inputs are added as
 * raw values (every value of a multi-value row, nulls skipped). The intermediate value is a
 * DataSketches sketch; it finalizes to the estimate (rounded to a long when asked), the stream
 * length N for quantiles, or stays a sketch when the aggregator should not finalize. Immutable.
 */
final class SketchAggregation implements Aggregation {
  /** What a finalized value is. */
  enum Output { ESTIMATE, ROUNDED_ESTIMATE, THETA_BOUNDS, COUNT, SKETCH }

  private final String name;
  private final SketchKind kind;
  private final List<String> fields;
  private final boolean byRow;
  private final int size;
  private final String tgtHllType;
  private final boolean utf16;
  private final Output output;
  private final int stdDevs;

  SketchAggregation(String name, SketchKind kind, List<String> fields, boolean byRow, int size, String tgtHllType,
      boolean utf16, Output output, int stdDevs) {
    this.name = name;
    this.kind = kind;
    this.fields = List.copyOf(fields);
    this.byRow = byRow;
    this.size = size;
    this.tgtHllType = tgtHllType;
    this.utf16 = utf16;
    this.output = output;
    this.stdDevs = stdDevs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels) {
    final int count = fields.size();
    final ComplexBlocks[] complexes = new ComplexBlocks[count];
    final NumericBlocks[] numbers = new NumericBlocks[count];
    final ValueBlocks[] values = new ValueBlocks[count];
    for (int i = 0; i < count; i++) {
      final String field = fields.get(i);
      final ValueType type = columns.typeOf(field);
      if (type != null && type.kind() == ValueType.Kind.COMPLEX && !columns.isVirtual(field)) {
        complexes[i] = columns.complex(field);
      } else if (type != null && type.isNumeric() && !byRow) {
        numbers[i] = columns.numeric(field);
      } else {
        values[i] = columns.values(field);
      }
    }
    return new Sketches(complexes, numbers, values);
  }

  @Override
  public Object combine(Object left, Object right) {
    final Object union = kind.newUnion(size, tgtHllType);
    kind.addSketch(union, left);
    kind.addSketch(union, right);
    return kind.result(union, tgtHllType);
  }

  @Override
  public Object empty() {
    return kind.result(kind.newUnion(size, tgtHllType), tgtHllType);
  }

  @Override
  public Object finalizeValue(Object intermediate) {
    return switch (output) {
      case SKETCH -> intermediate;
      case COUNT -> ((org.apache.datasketches.quantiles.QuantilesDoublesSketch) intermediate).getN();
      case ESTIMATE -> estimate(intermediate);
      case ROUNDED_ESTIMATE -> Math.round(estimate(intermediate));
      case THETA_BOUNDS -> {
        final CompactThetaSketch theta = (CompactThetaSketch) intermediate;
        final Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("estimate", theta.getEstimate());
        bounds.put("highBound", theta.getUpperBound(stdDevs));
        bounds.put("lowBound", theta.getLowerBound(stdDevs));
        bounds.put("numStdDev", stdDevs);
        yield bounds;
      }
    };
  }

  static double estimate(Object sketch) {
    return switch (sketch) {
      case HllSketch hll -> hll.getEstimate();
      case CompactThetaSketch theta -> theta.getEstimate();
      default -> throw new IllegalArgumentException("no estimate for " + sketch.getClass().getName());
    };
  }

  @Override
  public int compare(Object left, Object right) {
    if (kind == SketchKind.QUANTILES) {
      return Long.compare(((org.apache.datasketches.quantiles.QuantilesDoublesSketch) left).getN(),
          ((org.apache.datasketches.quantiles.QuantilesDoublesSketch) right).getN());
    }
    return Double.compare(estimate(left), estimate(right));
  }

  /** One union per group, made on the group's first row. Not thread-safe. */
  private final class Sketches implements GroupAggregator {
    private final ComplexBlocks[] complexes;
    private final NumericBlocks[] numbers;
    private final ValueBlocks[] values;
    private final int[] loadedBlocks;
    private Object[] unions = new Object[1];
    private final StringBuilder rowKey = new StringBuilder();

    Sketches(ComplexBlocks[] complexes, NumericBlocks[] numbers, ValueBlocks[] values) {
      this.complexes = complexes;
      this.numbers = numbers;
      this.values = values;
      this.loadedBlocks = new int[complexes.length];
      Arrays.fill(loadedBlocks, -1);
    }

    @Override
    public void ensureCapacity(int groups) {
      if (groups > unions.length) {
        unions = Arrays.copyOf(unions, Math.max(groups, unions.length * 2));
      }
    }

    @Override
    public void aggregate(Batch batch, int group) {
      final int size = batch.size();
      for (int i = 0; i < size; i++) {
        add(group, batch.block(), batch.position(i));
      }
    }

    @Override
    public void aggregate(Batch batch, int[] groups) {
      final int size = batch.size();
      for (int i = 0; i < size; i++) {
        add(groups[i], batch.block(), batch.position(i));
      }
    }

    private Object union(int group) {
      Object union = unions[group];
      if (union == null) {
        union = kind.newUnion(size, tgtHllType);
        unions[group] = union;
      }
      return union;
    }

    private void add(int group, int block, int position) {
      final Object union = union(group);
      if (byRow) {
        rowKey.setLength(0);
        for (int f = 0; f < values.length; f++) {
          if (f > 0) {
            rowKey.append('\u0001');
          }
          final Object value = values[f].value(block, position);
          rowKey.append(value == null ? "" : value.toString());
        }
        kind.addString(union, rowKey.toString(), utf16);
        return;
      }
      for (int f = 0; f < complexes.length; f++) {
        if (complexes[f] != null) {
          if (loadedBlocks[f] != block) {
            complexes[f].read(block);
            loadedBlocks[f] = block;
          }
          kind.addSerialized(union, complexes[f].value(position));
        } else if (numbers[f] != null) {
          final NumericBlocks input = numbers[f];
          final boolean[] nulls = input.nulls(block);
          if (nulls != null && nulls[position]) {
            continue;
          }
          if (input.storedKind() == NumericBlocks.Kind.LONG && kind != SketchKind.QUANTILES) {
            kind.addLong(union, input.longs(block)[position]);
          } else {
            kind.addDouble(union, input.doubles(block)[position]);
          }
        } else {
          final Object value = values[f].value(block, position);
          if (value instanceof List<?> list) {
            for (Object element : list) {
              if (element != null) {
                kind.addString(union, element.toString(), utf16);
              }
            }
          } else if (value instanceof Number number) {
            kind.addDouble(union, number.doubleValue());
          } else if (value != null) {
            kind.addString(union, value.toString(), utf16);
          }
        }
      }
    }

    @Override
    public Object get(int group) {
      final Object union = unions[group];
      return union == null ? empty() : kind.result(union, tgtHllType);
    }

    @Override
    public void reset(int groups) {
      Arrays.fill(unions, 0, Math.min(groups, unions.length), null);
    }
  }
}
