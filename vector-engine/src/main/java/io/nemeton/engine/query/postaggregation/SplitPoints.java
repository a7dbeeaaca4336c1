package io.nemeton.engine.query.postaggregation;

import io.nemeton.engine.query.json.FieldReader;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the double lists of quantiles post-aggregators. Stateless. */
final class SplitPoints {

  private SplitPoints() {}

  static List<Double> toList(double[] values) {
    final List<Double> list = new ArrayList<>(values.length);
    for (double value : values) {
      list.add(value);
    }
    return List.copyOf(list);
  }

  static double[] toArray(List<Double> values) {
    final double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  /** Reads split points, which must be strictly increasing; null when absent. */
  static List<Double> read(FieldReader reader, String field) {
    final double[] points = reader.optionalDoubleArray(field);
    if (points == null) {
      return null;
    }
    for (int i = 1; i < points.length; i++) {
      if (!(points[i] > points[i - 1])) {
        throw reader.invalid(field, "must be strictly increasing, got " + points[i - 1] + " then " + points[i]);
      }
    }
    return toList(points);
  }
}
