package io.nemeton.segment.format;

/**
 * Byte layout of the table of contents (TOC): the schema (one entry per column, {@code __time}
 * first) followed by one fixed-size entry per region. Little-endian. The TOC's CRC32C is in the
 * header; each region's CRC32C is in its TOC entry.
 *
 * <pre>
 *  0             4             8
 *  +-------------+-------------+---------------------------+--------------------------+
 *  | columnCount | regionCount | columns[columnCount] (var) | regions[regionCount] 24B |
 *  +-------------+-------------+---------------------------+--------------------------+
 *
 *  column entry (8 bytes + names):
 *  0      1      2       3          4            6                8
 *  +------+------+-------+----------+------------+----------------+-----------+------------+
 *  | type | role | flags | reserved | nameLength | typeNameLength | name UTF-8| typeName   |
 *  +------+------+-------+----------+------------+----------------+-----------+------------+
 *
 *  region entry (24 bytes):
 *  0        2      3          4        8                16               24
 *  +--------+------+----------+--------+----------------+----------------+
 *  | column | kind | reserved | crc32c | offset         | lengthBytes    |
 *  +--------+------+----------+--------+----------------+----------------+
 * </pre>
 *
 * <p>{@code type} is {@link io.nemeton.segment.ColumnType#id()}, {@code role} is 1 time, 2
 * dimension, 3 metric, {@code flags} bit 0 marks a multi-value string column
 * (other bits must be 0). {@code typeName} is the complex type name (empty for other types).
 * {@code column} indexes the column entries, or is {@link #SEGMENT_COLUMN} for segment-level
 * regions such as the info region. {@code offset} is from the start of the file.
 */
public final class TableOfContentsLayout {
  public static final int COLUMN_COUNT_OFFSET = 0;
  public static final int REGION_COUNT_OFFSET = 4;
  public static final int COLUMNS_OFFSET = 8;

  public static final int COLUMN_TYPE_OFFSET = 0;
  public static final int COLUMN_ROLE_OFFSET = 1;
  public static final int COLUMN_FLAGS_OFFSET = 2;
  public static final int COLUMN_NAME_LENGTH_OFFSET = 4;
  public static final int COLUMN_TYPE_NAME_LENGTH_OFFSET = 6;
  public static final int COLUMN_FIXED_BYTES = 8;

  public static final int FLAG_MULTI_VALUE = 1;

  public static final int ROLE_TIME = 1;
  public static final int ROLE_DIMENSION = 2;
  public static final int ROLE_METRIC = 3;

  public static final int REGION_COLUMN_OFFSET = 0;
  public static final int REGION_KIND_OFFSET = 2;
  public static final int REGION_CRC_OFFSET = 4;
  public static final int REGION_OFFSET_OFFSET = 8;
  public static final int REGION_LENGTH_OFFSET = 16;
  public static final int REGION_ENTRY_BYTES = 24;

  /** The {@code column} of a region that belongs to the segment rather than to a column. */
  public static final int SEGMENT_COLUMN = 0xFFFF;

  /** Column names and complex type names are at most this many UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 0xFFFF;

  /** Columns per segment, {@code __time} included; the region's column index is a u16. */
  public static final int MAX_COLUMNS = SEGMENT_COLUMN;

  private TableOfContentsLayout() {}
}
