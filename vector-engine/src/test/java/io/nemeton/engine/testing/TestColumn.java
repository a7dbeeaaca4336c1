package io.nemeton.engine.testing;

import io.nemeton.segment.ColumnRole;

/**
 * A column of a test segment: its name, kind and role.
 *
 * @param complexTypeName for complex columns, e.g. {@code thetaSketch}; else null
 */
public record TestColumn(String name, Kind kind, ColumnRole role, String complexTypeName) {

  /** The value kinds test segments hold. */
  public enum Kind { STRING, MULTI_STRING, LONG, FLOAT, DOUBLE, COMPLEX }

  public static TestColumn string(String name) {
    return new TestColumn(name, Kind.STRING, ColumnRole.DIMENSION, null);
  }

  public static TestColumn multiString(String name) {
    return new TestColumn(name, Kind.MULTI_STRING, ColumnRole.DIMENSION, null);
  }

  public static TestColumn longs(String name) {
    return new TestColumn(name, Kind.LONG, ColumnRole.METRIC, null);
  }

  public static TestColumn floats(String name) {
    return new TestColumn(name, Kind.FLOAT, ColumnRole.METRIC, null);
  }

  public static TestColumn doubles(String name) {
    return new TestColumn(name, Kind.DOUBLE, ColumnRole.METRIC, null);
  }

  public static TestColumn complex(String name, String typeName) {
    return new TestColumn(name, Kind.COMPLEX, ColumnRole.METRIC, typeName);
  }
}
