package io.nemeton.bitmap;

/** How one dictionary id's rows are stored in an inverted index ({@link BitmapIndex#postingKind}). */
public enum PostingKind {
  /** A portable Roaring bitmap, read in place. */
  ROARING,
  /** An Elias–Fano list of the rows, decoded on lookup (NBI2, NBI3, NBI4). */
  ROW_LIST,
  /** An Elias–Fano list of the chunks holding the value, refined by the column's ids (NBI4). */
  CHUNK_LIST,
  /** Nothing stored: a lookup matches every id of the column (NBI4). */
  ID_SCAN
}
