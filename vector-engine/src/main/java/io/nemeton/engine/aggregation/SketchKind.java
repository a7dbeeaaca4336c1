package io.nemeton.engine.aggregation;

import java.lang.foreign.MemorySegment;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesUnion;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.apache.datasketches.theta.ThetaSetOperation;
import org.apache.datasketches.theta.ThetaUnion;

/**
 * The three sketch families and how this engine builds, merges and reads them: HLL (HLLSketch and
 * hyperUnique columns), Theta and classic quantiles of doubles. Strings go into HLL sketches as
 * UTF-8 (or UTF-16 chars when the aggregator asks for {@code utf16le}, Druid's default), into Theta
 * sketches as strings; numbers as longs or doubles. Stateless.
 */
enum SketchKind {
  HLL, THETA, QUANTILES;

  /** A union that accepts values and serialized sketches of this family. */
  Object newUnion(int size, String tgtHllType) {
    return switch (this) {
      case HLL -> new HllUnion(size);
      case THETA -> ThetaSetOperation.builder().setNominalEntries(size).buildUnion();
      case QUANTILES -> QuantilesDoublesUnion.builder().setMaxK(size).build();
    };
  }

  /** Adds one serialized sketch to a union. */
  void addSerialized(Object union, MemorySegment bytes) {
    switch (this) {
      case HLL -> ((HllUnion) union).update(HllSketch.wrap(bytes));
      case THETA -> ((ThetaUnion) union).union(CompactThetaSketch.wrap(bytes));
      case QUANTILES -> ((QuantilesDoublesUnion) union).union(bytes);
    }
  }

  /** Adds one sketch object (an intermediate value) to a union. */
  void addSketch(Object union, Object sketch) {
    switch (this) {
      case HLL -> ((HllUnion) union).update((HllSketch) sketch);
      case THETA -> ((ThetaUnion) union).union((CompactThetaSketch) sketch);
      case QUANTILES -> ((QuantilesDoublesUnion) union).union((QuantilesDoublesSketch) sketch);
    }
  }

  /** Adds a raw string. */
  void addString(Object union, String value, boolean utf16) {
    switch (this) {
      case HLL -> {
        if (utf16) {
          ((HllUnion) union).update(value.toCharArray());
        } else {
          ((HllUnion) union).update(value);
        }
      }
      case THETA -> ((ThetaUnion) union).update(value);
      case QUANTILES -> {
        final Double number = parseDouble(value);
        if (number != null) {
          ((QuantilesDoublesUnion) union).update(number);
        }
      }
    }
  }

  private static Double parseDouble(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  void addLong(Object union, long value) {
    switch (this) {
      case HLL -> ((HllUnion) union).update(value);
      case THETA -> ((ThetaUnion) union).update(value);
      case QUANTILES -> ((QuantilesDoublesUnion) union).update(value);
    }
  }

  void addDouble(Object union, double value) {
    switch (this) {
      case HLL -> ((HllUnion) union).update(value);
      case THETA -> ((ThetaUnion) union).update(value);
      case QUANTILES -> ((QuantilesDoublesUnion) union).update(value);
    }
  }

  /** The union's result as an immutable sketch: the intermediate value. */
  Object result(Object union, String tgtHllType) {
    return switch (this) {
      case HLL -> ((HllUnion) union).getResult(TgtHllType.valueOf(tgtHllType));
      case THETA -> ((ThetaUnion) union).getResult();
      case QUANTILES -> ((QuantilesDoublesUnion) union).getResult().compact();
    };
  }

  /** The serialized form of an intermediate sketch, as Druid writes it (base64 in JSON). */
  static byte[] bytes(Object sketch) {
    return switch (sketch) {
      case HllSketch hll -> hll.toCompactByteArray();
      case CompactThetaSketch theta -> theta.toByteArray();
      case QuantilesDoublesSketch quantiles -> quantiles.toByteArray(true);
      default -> throw new IllegalArgumentException("not a sketch: " + sketch.getClass().getName());
    };
  }
}
