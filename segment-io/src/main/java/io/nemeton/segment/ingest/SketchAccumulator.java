package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.MetricKind;
import io.nemeton.segment.ingest.spec.MetricSpec;
import java.lang.foreign.MemorySegment;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesUnion;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.apache.datasketches.theta.ThetaSetOperation;
import org.apache.datasketches.theta.ThetaUnion;

/**
 * Builds one sketch metric's serialized state from raw input values and earlier states. HLL
 * ({@code HLLSketchBuild}, and {@code hyperUnique}, which is stored as a DataSketches HLL sketch
 * with lgK 12 and UTF-8 strings rather than Druid's own HyperLogLog format) and theta sketches
 * read strings, quantiles sketches doubles. States are compact serialized sketches: HLL {@code
 * toCompactByteArray}, theta compact ordered, quantiles compact.
 *
 * <p>Not thread-safe; one per metric, reused through {@link #reset()}.
 */
final class SketchAccumulator {
  private final MetricColumn metric;
  private final MetricKind kind;
  private final boolean utf16;
  private final TgtHllType hllType;
  private final HllUnion hll;
  private final ThetaUnion theta;
  private final QuantilesDoublesUnion quantiles;

  SketchAccumulator(MetricColumn metric) {
    this.metric = metric;
    this.kind = metric.kind();
    final MetricSpec spec = metric.spec();
    this.utf16 = kind == MetricKind.HLL_SKETCH && !spec.utf8();
    this.hllType = TgtHllType.valueOf(kind == MetricKind.HYPER_UNIQUE ? MetricSpec.DEFAULT_TGT_HLL_TYPE : spec.tgtHllType());
    final int lgK = kind == MetricKind.HYPER_UNIQUE ? MetricSpec.DEFAULT_LG_K : spec.lgK();
    this.hll = kind == MetricKind.HLL_SKETCH || kind == MetricKind.HYPER_UNIQUE ? new HllUnion(lgK) : null;
    this.theta = kind == MetricKind.THETA_SKETCH
        ? ThetaSetOperation.builder().setNominalEntries(spec.size()).buildUnion() : null;
    this.quantiles = kind == MetricKind.QUANTILES_DOUBLES_SKETCH
        ? QuantilesDoublesUnion.builder().setMaxK(spec.k()).build() : null;
  }

  void reset() {
    switch (kind) {
      case HLL_SKETCH, HYPER_UNIQUE -> hll.reset();
      case THETA_SKETCH -> theta.reset();
      default -> {
        // an untouched union has no sketch yet and cannot reset
        if (!quantiles.isEmpty()) {
          quantiles.reset();
        }
      }
    }
  }

  /** Adds row {@code row}'s contribution: its state if it has one, else its raw input. */
  void add(RowStore rows, int row) {
    final Object state = rows.object(metric.objectColumn(), row);
    if (state != null) {
      addState((byte[]) state);
    } else if (kind == MetricKind.QUANTILES_DOUBLES_SKETCH) {
      if (rows.isNull(metric.inputNullColumn(), row) == 0) {
        quantiles.update(rows.doubleValue(metric.inputColumn(), row));
      }
    } else {
      addCode(rows.code(metric.inputColumn(), row));
    }
  }

  private void addState(byte[] state) {
    switch (kind) {
      case HLL_SKETCH, HYPER_UNIQUE -> hll.update(HllSketch.wrap(MemorySegment.ofArray(state)));
      case THETA_SKETCH -> theta.union(CompactThetaSketch.wrap(state));
      default -> quantiles.union(MemorySegment.ofArray(state));
    }
  }

  /** Adds the values of a string code (skipping nulls). */
  private void addCode(int code) {
    final StringField field = metric.inputField();
    final int values = field.valueCount(code);
    for (int i = 0; i < values; i++) {
      final String value = field.dictionary.value(field.valueId(code, i));
      if (value == null) {
        continue;
      }
      if (kind == MetricKind.THETA_SKETCH) {
        theta.update(value);
      } else if (utf16) {
        hll.update(value.toCharArray());
      } else {
        hll.update(value);
      }
    }
  }

  /** The serialized state of everything added since {@link #reset()}. */
  byte[] result() {
    return switch (kind) {
      case HLL_SKETCH, HYPER_UNIQUE -> hll.getResult(hllType).toCompactByteArray();
      case THETA_SKETCH -> theta.getResult().toByteArray();
      default -> quantiles.getResult().toByteArray(true);
    };
  }

  /** Row {@code row}'s state in segment columns, building it from the raw input if it has none yet. */
  byte[] stateOf(RowColumns rows, int row) {
    final Object state = rows.objects[metric.objectColumn()][row];
    if (state != null) {
      return (byte[]) state;
    }
    reset();
    if (kind == MetricKind.QUANTILES_DOUBLES_SKETCH) {
      if (rows.nulls[metric.inputNullColumn()][row] == 0) {
        quantiles.update(rows.doubles[metric.inputColumn()][row]);
      }
    } else {
      addCode(rows.ints[metric.inputColumn()][row]);
    }
    return result();
  }
}
