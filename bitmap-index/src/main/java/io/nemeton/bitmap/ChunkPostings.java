package io.nemeton.bitmap;

/**
 * The NBI4 additions to {@link CompactIndexLayout} ({@link BitmapIndexFormat#CHUNK_POSTINGS}): two
 * posting kinds for single-value columns that store less than the rows, because a lookup refines
 * them by reading the column's ids through a {@link RowIdMatcher}; the kind codes, and the rules
 * that choose them.
 *
 * <p>In NBI4 every entry of the list stream starts with a 2-bit kind (bit 0 first):
 * <ul>
 *   <li>{@link #KIND_ROWS}: {@code gamma(n + 1)} and the Elias–Fano list of the n rows below U, as
 *       in NBI3;</li>
 *   <li>{@link #KIND_CHUNKS} (a <em>chunk list</em>): {@code gamma(c + 1)}, c >= 1, and the
 *       Elias–Fano list of the c chunks ({@code row >> chunkShift}) holding the value, below
 *       {@code ceil(U / 2^chunkShift)}; the value's rows are those of the listed chunks whose id is
 *       the value;</li>
 *   <li>{@link #KIND_SCAN} (an <em>id scan</em>): nothing more; the value's rows are those of
 *       {@code [0, U)} whose id is the value.</li>
 * </ul>
 * Multi-value columns hold only {@link #KIND_ROWS} entries and Roaring bitmaps.
 *
 * <p>The rules (single-value columns), for an id of n >= 1 rows below U:
 * <ol>
 *   <li>an id scan when {@code U <= MAX_SCAN_IDS_PER_ROW * n}: a scan reads every id of the segment,
 *       at most {@link #MAX_SCAN_IDS_PER_ROW} per row it finds (values of at least 1/16 of the rows);</li>
 *   <li>otherwise the smaller of the row list and the chunk list (when a chunk list reads at most
 *       {@link #MAX_CHUNK_IDS_PER_ROW} ids per row found: {@code c * 2^chunkShift <= 128 n}) is
 *       taken when {@link CompactIndexLayout#listWorthDecoding} accepts it against the Roaring
 *       bitmap (strictly smaller, at most 94 rows per Roaring container); else Roaring.</li>
 * </ol>
 */
public final class ChunkPostings {
  /** Bits of the kind field in front of every NBI4 stream entry. */
  public static final int KIND_BITS = 2;
  public static final int KIND_ROWS = 0;
  public static final int KIND_CHUNKS = 1;
  public static final int KIND_SCAN = 2;

  /**
   * Rows per chunk the writer uses unless told otherwise: 2^7 = 128, the largest the read rule
   * ({@link #MAX_CHUNK_IDS_PER_ROW}) allows for a value holding one row per chunk.
   */
  public static final int DEFAULT_CHUNK_SHIFT = 7;
  /** The largest chunk shift a region may record: a chunk is at most a Roaring container. */
  public static final int MAX_CHUNK_SHIFT = 16;

  /**
   * A chunk list reads whole chunks of ids: it is allowed when it reads at most this many ids per
   * row it finds. With 128-row chunks any chunk list passes (a chunk holds at least one row); larger
   * chunks only for values that fill them enough.
   */
  public static final int MAX_CHUNK_IDS_PER_ROW = 128;

  /**
   * An id scan reads every id of the segment: it is taken for values of at least 1/16 of the rows,
   * at most 16 ids read per row found ({@code dim_10}'s 10 % values read 10). Values of 1 % (a scan
   * would read 100 ids per row) keep their Roaring bitmaps, read in place.
   */
  public static final int MAX_SCAN_IDS_PER_ROW = 16;

  private ChunkPostings() {}

  /** Whether an id of n >= 1 rows below U is an id scan. */
  public static boolean scanWorthReading(int n, int rowLimit) {
    return n > 0 && rowLimit <= (long) MAX_SCAN_IDS_PER_ROW * n;
  }

  /** Whether a chunk list of c chunks of {@code 2^chunkShift} rows for n rows reads few enough ids. */
  public static boolean chunksWorthReading(int c, int n, int chunkShift) {
    return c > 0 && ((long) c << chunkShift) <= (long) MAX_CHUNK_IDS_PER_ROW * n;
  }

  /** Chunks of {@code 2^chunkShift} rows covering U rows: a chunk list's universe. */
  public static int chunkLimit(int rowLimit, int chunkShift) {
    return (int) ((rowLimit + (1L << chunkShift) - 1) >>> chunkShift);
  }
}
