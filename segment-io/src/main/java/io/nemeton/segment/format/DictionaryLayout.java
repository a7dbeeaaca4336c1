package io.nemeton.segment.format;

/**
 * Byte layout of a string column's {@code dictionary} region: the column's distinct values sorted
 * ascending in Java {@link String#compareTo} order (UTF-16 code units), stored as UTF-8. Id {@code
 * i} is the i-th value. When the column holds nulls, null is id 0 (an empty entry with flag bit 0
 * set). Little-endian.
 *
 * <pre>
 *  0             4       5             6          8                 12            16
 *  +-------------+-------+-------------+----------+-----------------+-------------+
 *  | cardinality | flags | compression | reserved | valueBytesLength| storedLength|
 *  +-------------+-------+-------------+----------+-----------------+-------------+
 *  16                                16 + 4 * (cardinality + 1)
 *  +---------------------------------+----------------------------------+
 *  | offsets[cardinality + 1] (u32)  | stored value bytes (storedLength)|
 *  +---------------------------------+----------------------------------+
 * </pre>
 *
 * <p>{@code offsets} (u32, offsets[0] = 0, ascending, offsets[cardinality] = valueBytesLength)
 * index the uncompressed value bytes: value {@code i} is bytes {@code [offsets[i],
 * offsets[i+1])}. The value bytes are stored compressed with {@code compression} ({@link
 * io.nemeton.codecs.Compression#id()}) when that made them smaller, in {@code storedLength}
 * bytes; uncompressed otherwise ({@code storedLength == valueBytesLength}).
 */
public final class DictionaryLayout {
  public static final int CARDINALITY_OFFSET = 0;
  public static final int FLAGS_OFFSET = 4;
  public static final int COMPRESSION_OFFSET = 5;
  public static final int VALUE_BYTES_LENGTH_OFFSET = 8;
  public static final int STORED_LENGTH_OFFSET = 12;
  public static final int OFFSETS_OFFSET = 16;

  /** Flag bit: id 0 is null. */
  public static final int FLAG_HAS_NULL = 1;

  private DictionaryLayout() {}

  /** Where the stored value bytes start for a dictionary of {@code cardinality} values. */
  public static long valuesOffset(int cardinality) {
    return OFFSETS_OFFSET + 4L * (cardinality + 1);
  }
}
