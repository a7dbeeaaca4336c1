package io.nemeton.node.coordinator;

/**
 * How much of a datasource is served: of its used segments that queries can see (not
 * overshadowed), how many at least one historical announces. Immutable.
 */
public record DataSourceLoadStatus(String dataSource, int segments, int servedSegments) {

  /** Percent served, as Druid's {@code /druid/coordinator/v1/loadstatus} answers it. */
  public double percentServed() {
    return segments == 0 ? 100.0 : 100.0 * servedSegments / segments;
  }

  /** Segments still to load, as {@code loadstatus?simple} answers it. */
  public int segmentsLeft() {
    return segments - servedSegments;
  }
}
