package io.nemeton.segment.format;

/**
 * What a region of a segment file holds. The id is stored in the table of contents: never renumber.
 * The label names the region in errors, e.g. {@code column:page/ids}.
 */
public enum RegionKind {
  /** Segment-level: {@link io.nemeton.segment.SegmentInfo} as UTF-8 JSON. */
  INFO(1, "info"),
  /** Block directory with per-block statistics, see {@link BlockDirectoryLayout}. */
  BLOCKS(2, "blocks"),
  /** Encoded value blocks of a time, numeric or complex column. */
  VALUES(3, "values"),
  /** Rows whose value is null, one portable-format Roaring bitmap; absent when there are none. */
  NULLS(4, "nulls"),
  /** Sorted string dictionary, see {@link DictionaryLayout}. */
  DICTIONARY(5, "dictionary"),
  /** Encoded dictionary-id blocks of a string column. */
  IDS(6, "ids"),
  /** Inverted index: one Roaring bitmap per dictionary id, written by {@code BitmapIndexWriter}. */
  BITMAPS(7, "bitmaps");

  private static final RegionKind[] BY_ID = new RegionKind[8];

  static {
    for (RegionKind kind : values()) {
      BY_ID[kind.id] = kind;
    }
  }

  private final int id;
  private final String label;

  RegionKind(int id, String label) {
    this.id = id;
    this.label = label;
  }

  public int id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The kind with {@code id}, or null when no kind has it. */
  public static RegionKind fromIdOrNull(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
