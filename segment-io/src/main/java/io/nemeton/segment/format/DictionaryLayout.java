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
 *
 * <p><b>Front-coded</b> (flag bit 1, format version 4 on): the same 16-byte header, with the byte
 * at 6 holding {@code bucketShift} (values per bucket = {@code 1 << bucketShift}), then one u32
 * offset per bucket into the uncompressed coded stream, then the stored coded stream:
 *
 * <pre>
 *  16                                         16 + 4 * (buckets + 1)
 *  +------------------------------------------+-------------------------------------+
 *  | bucketOffsets[buckets + 1] (u32, from 0) | stored coded stream (storedLength)  |
 *  +------------------------------------------+-------------------------------------+
 *  entry: | prefix:4 suffix:4 | [varint prefix - 15] | [varint suffix - 15] | suffix bytes |
 * </pre>
 *
 * <p>{@code buckets = ceil(cardinality / bucketValues)}; bucket {@code b} holds ids {@code [b <<
 * bucketShift, ...)} and spans coded bytes {@code [bucketOffsets[b], bucketOffsets[b + 1])}; the last
 * offset is the coded stream's uncompressed length. Each entry shares {@code prefix} bytes with the
 * previous value of its bucket (the first entry of a bucket shares none) and appends {@code suffix}
 * bytes; a nibble of 15 means a varint (7 bits a byte, low first, at most 5 bytes) adds to 15.
 * {@code valueBytesLength} is the total length of the values once decoded, so a reader can size the
 * flat form above in one allocation.
 */
public final class DictionaryLayout {
  public static final int CARDINALITY_OFFSET = 0;
  public static final int FLAGS_OFFSET = 4;
  public static final int COMPRESSION_OFFSET = 5;
  /** Front-coded dictionaries: log2 of the values per bucket. */
  public static final int BUCKET_SHIFT_OFFSET = 6;
  public static final int VALUE_BYTES_LENGTH_OFFSET = 8;
  public static final int STORED_LENGTH_OFFSET = 12;
  public static final int OFFSETS_OFFSET = 16;

  /** Flag bit: id 0 is null. */
  public static final int FLAG_HAS_NULL = 1;

  /** Flag bit: the values are front-coded in buckets (format version 4 on). */
  public static final int FLAG_FRONT_CODED = 2;

  /** Values per bucket as written: 16 share prefixes well and keep a bucket's decode short. */
  public static final int BUCKET_SHIFT = 4;

  /** The largest bucket shift a reader accepts. */
  public static final int MAX_BUCKET_SHIFT = 12;

  /** A nibble of this value means a varint follows that adds to it. */
  public static final int NIBBLE_ESCAPE = 15;

  /** The longest varint accepted (a u32 in 7-bit groups). */
  public static final int MAX_VARINT_BYTES = 5;

  private DictionaryLayout() {}

  /** Buckets of a front-coded dictionary of {@code cardinality} values. */
  public static int bucketCount(int cardinality, int bucketShift) {
    return (int) ((cardinality + (1L << bucketShift) - 1) >>> bucketShift);
  }

  /** Where the stored coded stream of a front-coded dictionary with {@code buckets} buckets starts. */
  public static long codedOffset(int buckets) {
    return OFFSETS_OFFSET + 4L * (buckets + 1);
  }

  /** Where the stored value bytes start for a dictionary of {@code cardinality} values. */
  public static long valuesOffset(int cardinality) {
    return OFFSETS_OFFSET + 4L * (cardinality + 1);
  }
}
