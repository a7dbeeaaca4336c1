package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.util.Objects;

/**
 * The schema entry of one column in a segment file, as its table of contents states it. Immutable.
 *
 * @param name column name, {@code __time} for the time column
 * @param type value type
 * @param role time, dimension or metric
 * @param multiValue whether a string column may hold several values per row
 * @param complexTypeName the complex type name (e.g. {@code HLLSketch}), empty for other types
 */
public record ColumnDescriptor(
    String name, ColumnType type, ColumnRole role, boolean multiValue, String complexTypeName) {

  public ColumnDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(complexTypeName, "complexTypeName");
  }
}
