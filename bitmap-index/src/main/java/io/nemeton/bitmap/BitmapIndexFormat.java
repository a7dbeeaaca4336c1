package io.nemeton.bitmap;

/**
 * The layouts of an inverted index region a {@link BitmapIndexWriter} can write; {@link
 * BitmapIndex#wrap} reads all three, telling them apart by their magic.
 *
 * <p>{@link #CHUNK_POSTINGS} is what segments of format version 4 hold. {@link #LIST_POSTINGS} is
 * what segments of format version 3 hold and what the writer writes unless told otherwise (it needs
 * no ids to read). {@link #COMPACT_POSTINGS} (version 2) and {@link #ROARING_ONLY} (version 1)
 * are kept so that files written before stay readable and tests can still build them.
 */
public enum BitmapIndexFormat {
  /** "NBI1": one portable Roaring bitmap per id ({@link BitmapIndexLayout}). */
  ROARING_ONLY,
  /**
   * "NBI2": rare ids as Elias–Fano row lists in one shared bit stream, the others as portable
   * Roaring bitmaps, chosen per id by size ({@link CompactIndexLayout}).
   */
  COMPACT_POSTINGS,
  /**
   * "NBI3": the NBI2 layout with lists of any length, so common values can be lists too; chosen per
   * id by size and by the decode-cost rule of {@link CompactIndexLayout#listWorthDecoding}.
   */
  LIST_POSTINGS,
  /**
   * "NBI4": NBI3 plus, for single-value columns, chunk lists and id scans ({@link ChunkPostings}),
   * which a lookup refines by reading the column's ids through a {@link RowIdMatcher}.
   */
  CHUNK_POSTINGS
}
