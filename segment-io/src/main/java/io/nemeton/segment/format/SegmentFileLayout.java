package io.nemeton.segment.format;

import io.nemeton.bitmap.BitmapIndexFormat;

/**
 * Byte layout of a segment file and of its fixed 64-byte header. All integers are little-endian.
 *
 * <pre>
 *  offset 0                                                          file size
 *  +--------+----------+----------+-- ... --+----------+-------------------+
 *  | header | region 0 | region 1 |         | region n | table of contents |
 *  | 64 B   | (8-aligned, any order; each has a CRC32C) | (CRC32C in header)|
 *  +--------+----------+----------+-- ... --+----------+-------------------+
 *
 *  header (64 bytes):
 *   0        8     10     12       16       20          24
 *   +--------+-----+------+--------+--------+-----------+
 *   | magic  | ver | hdr  | hdrCrc | rows   | rowsPerBlk|
 *   +--------+-----+------+--------+--------+-----------+
 *   24                32               40               48            56       60       64
 *   +-----------------+----------------+----------------+-------------+--------+--------+
 *   | intervalStartMs | intervalEndMs  | fileSizeBytes  | tocOffset   | tocLen | tocCrc |
 *   +-----------------+----------------+----------------+-------------+--------+--------+
 * </pre>
 *
 * <p>{@code ver} (u16) is the format version, {@code hdr} (u16) the header size in bytes,
 * {@code rows} (u32) the row count, {@code rowsPerBlk} (u32) the rows per column block. The
 * header CRC32C covers bytes [0, 12) and [16, 64), i.e. the whole header except itself. The table
 * of contents is written last, so a truncated file always loses it first.
 *
 * <p>Versioning: magic, version and header size keep their positions in every version. A reader
 * refuses versions it does not know; any change an older reader would misread bumps the version,
 * and a newer reader keeps reading the older versions.
 */
public final class SegmentFileLayout {
  /** File name extension of segment files. */
  public static final String FILE_EXTENSION = ".nseg";

  /**
   * Magic bytes {@code 89 'N' 'S' 'E' 'G' 0D 0A 1A}, read as one little-endian long. The high first
   * byte and the CR LF / SUB tail (as in PNG) catch files mangled by text-mode transfers as well as
   * files that are not segments at all.
   */
  public static final long MAGIC = 0x1A0A0D4745534E89L;

  /**
   * The format version this code writes. The {@code bitmaps} regions: 1 Roaring only ("NBI1"), 2
   * compact postings for values of at most 1024 rows ("NBI2"), 3 Elias–Fano lists of any length,
   * chosen per value by size and decode cost ("NBI3"), 4 also chunk lists and id scans refined by
   * the column's ids ("NBI4"); see {@link #bitmapFormat}. Version 4 also front-codes dictionaries
   * and may store time blocks as Elias–Fano ({@link #FRONT_CODED_DICTIONARY_VERSION}).
   */
  public static final int FORMAT_VERSION = 4;

  /**
   * The first format version whose string dictionaries may be front-coded ({@link
   * DictionaryLayout#FLAG_FRONT_CODED}) and whose time blocks may be Elias–Fano coded ({@link
   * io.nemeton.codecs.TimeBlockCodec}).
   */
  public static final int FRONT_CODED_DICTIONARY_VERSION = 4;

  /** The oldest format version this code reads; it reads every version up to {@link #FORMAT_VERSION}. */
  public static final int OLDEST_READABLE_VERSION = 1;

  /** The layout of the {@code bitmaps} regions of a file of format version {@code version}. */
  public static BitmapIndexFormat bitmapFormat(int version) {
    return switch (version) {
      case 1 -> BitmapIndexFormat.ROARING_ONLY;
      case 2 -> BitmapIndexFormat.COMPACT_POSTINGS;
      case 3 -> BitmapIndexFormat.LIST_POSTINGS;
      default -> BitmapIndexFormat.CHUNK_POSTINGS;
    };
  }

  /**
   * Rows per block for every column. 1024 rows fill a 8 KiB long batch, which stays in L1 while an
   * engine kernel works on it, and is the batch size the engine uses.
   */
  public static final int ROWS_PER_BLOCK = 1024;

  /** Every region starts at a multiple of this many bytes. */
  public static final int REGION_ALIGNMENT = 8;

  /**
   * Compressed regions (dictionary bytes, complex blocks) inflate to at most this many times their
   * stored size plus {@link #INFLATION_SLACK_BYTES}, so a file cannot make a reader allocate far
   * more than the file holds. Real data stays far below: strings and sketches compress 2-20x.
   */
  public static final int MAX_INFLATION_RATIO = 1024;

  public static final int INFLATION_SLACK_BYTES = 1 << 16;

  public static final int HEADER_SIZE_BYTES = 64;

  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 8;
  public static final int HEADER_SIZE_OFFSET = 10;
  public static final int HEADER_CRC_OFFSET = 12;
  public static final int ROW_COUNT_OFFSET = 16;
  public static final int ROWS_PER_BLOCK_OFFSET = 20;
  public static final int INTERVAL_START_OFFSET = 24;
  public static final int INTERVAL_END_OFFSET = 32;
  public static final int FILE_SIZE_OFFSET = 40;
  public static final int TOC_OFFSET_OFFSET = 48;
  public static final int TOC_LENGTH_OFFSET = 56;
  public static final int TOC_CRC_OFFSET = 60;

  /** Region name used in errors for the header. */
  public static final String HEADER_REGION = "header";

  /** Region name used in errors for the table of contents. */
  public static final String TOC_REGION = "toc";

  private SegmentFileLayout() {}

  /** Whether {@code storedBytes} may inflate to {@code inflatedBytes}; see {@link #MAX_INFLATION_RATIO}. */
  public static boolean inflationAllowed(long storedBytes, long inflatedBytes) {
    return inflatedBytes <= storedBytes * MAX_INFLATION_RATIO + INFLATION_SLACK_BYTES;
  }
}
