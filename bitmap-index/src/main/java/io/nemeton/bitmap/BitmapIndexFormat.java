package io.nemeton.bitmap;

/**
 * The two layouts of an inverted index region a {@link BitmapIndexWriter} can write; {@link
 * BitmapIndex#wrap} reads both, telling them apart by their magic.
 *
 * <p>{@link #COMPACT_POSTINGS} is what segments of format version 2 hold and what the writer writes
 * unless told otherwise. {@link #ROARING_ONLY} is the version-1 layout, kept so that files written
 * before stay readable and tests can still build them.
 */
public enum BitmapIndexFormat {
  /** "NBI1": one portable Roaring bitmap per id ({@link BitmapIndexLayout}). */
  ROARING_ONLY,
  /**
   * "NBI2": rare ids as Elias–Fano row lists in one shared bit stream, the others as portable
   * Roaring bitmaps, chosen per id by size ({@link CompactIndexLayout}).
   */
  COMPACT_POSTINGS
}
