package io.nemeton.bitmap;

/**
 * The byte layout of an inverted index region in the {@link BitmapIndexFormat#COMPACT_POSTINGS}
 * ("NBI2") and {@link BitmapIndexFormat#LIST_POSTINGS} ("NBI3") formats: each dictionary id's rows
 * either as a portable Roaring bitmap (read in place) or as an Elias–Fano coded list in one shared
 * bit stream (decoded on read). The two differ only in their magic and in how many rows a list may
 * hold: {@link #MAX_LIST_ROWS} in NBI2, {@link #MAX_LIST_ROWS_V3} in NBI3.
 *
 * <pre>
 * offset            size             field
 * 0                 4                magic "NBI2" (0x3249424E) or "NBI3" (0x3349424E), little-endian
 * 4                 4                count: number of ids = dictionary cardinality, >= 0
 * 8                 4                rowLimit U: every row is below it (the lists' universe)
 * 12                4                roaringCount R: ids stored as Roaring bitmaps
 * 16                8                compactBits: bits used in the list stream
 * 24                24 * groups      groups[ceil(count / 64)], one per 64 ids:
 *                                      +0  u64 roaringMask: bit j set = id 64g+j is a Roaring bitmap
 *                                      +8  u64 bitOffset: where the group's first list starts
 *                                      +16 u32 roaringBefore: Roaring ids in groups before g
 *                                      +20 u32 reserved, 0
 * roaringOffsets    4 * (R + 1)      start of the r-th Roaring bitmap relative to roaringStart;
 *                                    [0] = 0, non-decreasing, [R] = length of the Roaring data
 * listStart         8 * (ceil(compactBits / 64) + 1)
 *                                    the list stream, little-endian u64 words, bit b of the stream
 *                                    is bit (b mod 64) of word b / 64; the last word is zero slack
 * roaringStart      roaringOffsets[R] the Roaring bitmaps in id order, portable format, run-optimised
 * </pre>
 *
 * <p>Every id whose mask bit is clear has one list in the stream, in id order, so group g's lists
 * fill exactly {@code [bitOffset(g), bitOffset(g + 1))} (the last group ends at compactBits). A
 * list is {@code gamma(n + 1)}, then for n > 0 the Elias–Fano code of its n ascending rows with
 * {@code L = floor(log2(U / n))} low bits: n low parts of L bits, then {@code n + ((U - 1) >> L) +
 * 1} high bits where row i sets bit {@code (row >> L) + i}. The list's size depends on n and U only,
 * so a reader skips lists by reading their gamma codes: at most 63 per lookup. {@code gamma(x)} is
 * {@code k = floor(log2 x)} zero bits, a one bit, then the k bits of x below its top bit.
 *
 * <p>NBI2: an id is a list when it has at most {@link #MAX_LIST_ROWS} rows and the list is strictly
 * smaller than its Roaring bitmap. NBI3: an id is a list when the list is strictly smaller than its
 * Roaring bitmap and passes the decode-cost rule of {@link #listWorthDecoding}. In both an id with no
 * rows is always a (one-bit) list.
 */
public final class CompactIndexLayout {
  /** "NBI2" read as a little-endian int32. */
  public static final int MAGIC = 0x3249424E;
  /** "NBI3" read as a little-endian int32. */
  public static final int MAGIC_V3 = 0x3349424E;
  /** "NBI4" read as a little-endian int32: the layout of {@link ChunkPostings}. */
  public static final int MAGIC_V4 = 0x3449424E;

  public static final int MAGIC_OFFSET = 0;
  public static final int COUNT_OFFSET = 4;
  public static final int ROW_LIMIT_OFFSET = 8;
  public static final int ROARING_COUNT_OFFSET = 12;
  public static final int COMPACT_BITS_OFFSET = 16;
  public static final int HEADER_BYTES = 24;
  /** NBI4 only: u32 log2 of the rows per chunk of its chunk lists, then a reserved u32 (0). */
  public static final int CHUNK_SHIFT_OFFSET = 24;
  /** NBI4's header: NBI2's plus the chunk shift and a reserved word. */
  public static final int HEADER_BYTES_V4 = 32;

  public static final int IDS_PER_GROUP = 64;
  public static final int GROUP_BYTES = 24;
  public static final int GROUP_MASK_OFFSET = 0;
  public static final int GROUP_BIT_OFFSET_OFFSET = 8;
  public static final int GROUP_ROARING_BEFORE_OFFSET = 16;

  public static final int ROARING_OFFSET_ENTRY_BYTES = 4;

  /**
   * The most rows an id may hold as a list. It bounds what a lookup decodes and allocates (4 KiB
   * of rows, a few microseconds): a filter over a handful of moderately common values must not pay
   * a decode per value that a Roaring bitmap read in place does not. At 8192 the paper benchmark's
   * Q7 (ten {@code dim_100} values of about 5000 rows per segment) ran at half its Roaring speed
   * for 0.5 bytes per row saved; at 1024 the rare values that dominate the index size ({@code
   * dim_high}, {@code dim_10000}) are still lists.
   */
  public static final int MAX_LIST_ROWS = 1024;

  /**
   * The most rows an NBI3 list may hold: 2^26, so that a count's gamma code (at most 53 bits) is
   * read with one 64-bit load. Far above any segment's rows; the real bound is the decode-cost rule.
   */
  public static final int MAX_LIST_ROWS_V3 = 1 << 26;

  /**
   * NBI3's decode-cost rule, beside the size rule: a list only when its rows average at most this
   * many per 64 Ki-row chunk of the index (per Roaring container). A lookup pays for a list about
   * 3–4 ns per row (decoded each time), for a Roaring array container about 0.8 ns per row merged
   * plus a fixed cost per container (its header, its object; of the order of 50 ns), and for a
   * bitmap container (over 4096 rows) a 64-bit word per 64 rows. A list is kept when its decode is
   * at most about 3 times the Roaring read: {@code 4 n <= 3 (0.8 n + 50 c)} for n rows in c
   * containers, that is at most about 94 rows per container. Rare values (a row or a few per
   * container, where the header dominates) are always cheap as lists; values of hundreds of rows
   * per container stay Roaring. On the paper benchmark's CI data (500 k-row segments) lists for
   * {@code dim_100} (655 rows per container) halved Q7's speed (1.5 to 3.2 ms of CPU, ratio to
   * DuckDB 28.5 to 12.4); {@code dim_1000} (65 per container) and rarer stay lists.
   */
  public static final int MAX_LIST_ROWS_PER_CONTAINER = 94;

  /** Rows per Roaring container (the 16 low bits of a row). */
  private static final int ROARING_CHUNK_ROWS = 1 << 16;

  /**
   * NBI3's choice for an id of n rows (n >= 1) below {@code rowLimit}, whose list takes {@code
   * listBits} and whose run-optimised Roaring bitmap takes {@code roaringBytes}: a list when it is
   * strictly smaller and holds at most {@link #MAX_LIST_ROWS_PER_CONTAINER} rows per container, the
   * containers counted as if its rows were spread evenly: {@code min(n, ceil(rowLimit / 65536))}.
   */
  public static boolean listWorthDecoding(int n, int rowLimit, long listBits, long roaringBytes) {
    final long containers = Math.min(n, (rowLimit + (long) ROARING_CHUNK_ROWS - 1) / ROARING_CHUNK_ROWS);
    return listBits < 8 * roaringBytes && n <= MAX_LIST_ROWS_PER_CONTAINER * containers;
  }

  /** Header, no group, roaring offset [0] and the zero slack word: count 0. */
  public static final int MIN_REGION_BYTES = HEADER_BYTES + ROARING_OFFSET_ENTRY_BYTES + 8;

  private CompactIndexLayout() {}

  /** Number of groups for {@code count} ids. */
  public static int groupCount(int count) {
    return (int) ((count + (long) IDS_PER_GROUP - 1) / IDS_PER_GROUP);
  }

  /** Where group {@code group} starts. */
  public static long groupAt(int group) {
    return HEADER_BYTES + (long) GROUP_BYTES * group;
  }

  /** Where group {@code group} starts behind a header of {@code headerBytes} (NBI4: {@link #HEADER_BYTES_V4}). */
  public static long groupAt(int headerBytes, int group) {
    return headerBytes + (long) GROUP_BYTES * group;
  }

  /** Where the Roaring offsets table starts for {@code count} ids behind a header of {@code headerBytes}. */
  public static long roaringOffsetsAt(int headerBytes, int count) {
    return groupAt(headerBytes, groupCount(count));
  }

  /** Where the list stream starts behind a header of {@code headerBytes}. */
  public static long listStart(int headerBytes, int count, int roaringCount) {
    return roaringOffsetsAt(headerBytes, count) + (long) ROARING_OFFSET_ENTRY_BYTES * (roaringCount + 1L);
  }

  /** Where the Roaring offsets table starts for {@code count} ids. */
  public static long roaringOffsetsAt(int count) {
    return groupAt(groupCount(count));
  }

  /** Where the list stream starts for {@code count} ids, {@code roaringCount} of them Roaring. */
  public static long listStart(int count, int roaringCount) {
    return roaringOffsetsAt(count) + (long) ROARING_OFFSET_ENTRY_BYTES * (roaringCount + 1L);
  }

  /** Bytes of the list stream holding {@code compactBits} bits, slack word included. */
  public static long listBytes(long compactBits) {
    return 8 * ((compactBits + 63) / 64 + 1);
  }
}
