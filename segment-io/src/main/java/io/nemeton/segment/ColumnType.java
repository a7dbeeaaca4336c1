package io.nemeton.segment;

/** The value type of a segment column. Ids are stored on disk: never renumber. */
public enum ColumnType {
  LONG(1),
  FLOAT(2),
  DOUBLE(3),
  STRING(4),
  COMPLEX(5);

  private final int id;

  ColumnType(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public static ColumnType fromId(int id) {
    for (ColumnType type : values()) {
      if (type.id == id) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown column type id=" + id);
  }

  /** Druid's name for the type in segmentMetadata answers. */
  public String druidName() {
    return this == COMPLEX ? "COMPLEX" : name();
  }
}
