package io.nemeton.segment.ingest;

/**
 * What ingestion does with one input field: read it as the timestamp, as a string (into {@link
 * #stringField}), as a long ({@link #longSlot}) and/or as a double ({@link #doubleSlot}). A field
 * may serve several consumers (a dimension and a metric's input). A binding with none of these
 * means the field is ignored.
 *
 * <p>Mutable only while the schema is compiled; then read by readers. Not thread-safe.
 */
final class FieldBinding {
  static final FieldBinding IGNORED = new FieldBinding("");

  final String name;
  boolean timestamp;
  StringField stringField;
  int longSlot = -1;
  int doubleSlot = -1;

  FieldBinding(String name) {
    this.name = name;
  }

  boolean isIgnored() {
    return !timestamp && stringField == null && longSlot < 0 && doubleSlot < 0;
  }
}
