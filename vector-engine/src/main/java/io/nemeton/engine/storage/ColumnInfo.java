package io.nemeton.engine.storage;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.util.Objects;

/**
 * What the engine knows about one column of a {@link QueryableSegment} before reading it.
 * Immutable.
 *
 * @param name the column name ({@code __time} for the time column)
 * @param type the stored value type
 * @param role time, dimension or metric
 * @param multiValue whether a string column may hold several values in one row
 * @param complexTypeName the complex type name (e.g. {@code HLLSketch}); empty for other types
 * @param hasNulls whether any row is null (for strings: whether the dictionary holds null)
 */
public record ColumnInfo(
    String name, ColumnType type, ColumnRole role, boolean multiValue, String complexTypeName, boolean hasNulls) {

  public ColumnInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(complexTypeName, "complexTypeName");
  }

  public boolean isNumeric() {
    return type == ColumnType.LONG || type == ColumnType.FLOAT || type == ColumnType.DOUBLE;
  }
}
