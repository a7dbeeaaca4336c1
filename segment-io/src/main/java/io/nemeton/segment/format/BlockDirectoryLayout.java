package io.nemeton.segment.format;

/**
 * Byte layout of a column's {@code blocks} region: the directory of its fixed-row blocks, with
 * per-block statistics for pruning. Block {@code b} holds rows {@code [b * rowsPerBlock, min((b + 1)
 * * rowsPerBlock, rowCount))}. Little-endian; offsets are from the start of the column's data
 * region ({@code values} or {@code ids}).
 *
 * <pre>
 *  0            4            8
 *  +------------+------------+----------------------------------+
 *  | blockCount | entryBytes | entries[blockCount]              |
 *  +------------+------------+----------------------------------+
 *
 *  numeric entry (time, long, float, double), 32 bytes:
 *  0                8                16               24          28         32
 *  +----------------+----------------+----------------+-----------+----------+
 *  | offset         | min            | max            | nullCount | reserved |
 *  +----------------+----------------+----------------+-----------+----------+
 *
 *  string entry, 32 bytes:
 *  0                8                16      20      24           28         32
 *  +----------------+----------------+-------+-------+------------+----------+
 *  | offset         | idsOffset      | minId | maxId | valueCount | reserved |
 *  +----------------+----------------+-------+-------+------------+----------+
 *
 *  complex entry, 24 bytes:
 *  0                8             12                  16            17         24
 *  +----------------+-------------+-------------------+-------------+----------+
 *  | offset         | storedBytes | uncompressedBytes | compression | reserved |
 *  +----------------+-------------+-------------------+-------------+----------+
 * </pre>
 *
 * <p>Numeric min/max are over the block's non-null values: i64 for time and long columns, f64 for
 * float and double columns (a float widens exactly), ordered as {@link Double#compare} orders them
 * (-0.0 before 0.0, NaN above +Infinity). A block whose rows are all null has {@code nullCount}
 * equal to its row count and min = max = 0.
 *
 * <p>String {@code offset} is the block's ids block for a single-value column; for a multi-value
 * column it is the block of per-row value counts and {@code idsOffset} the block of ids. Both are
 * {@code IntBlockCodec} blocks. {@code minId}/{@code maxId} bound the ids in the block; a block
 * without any value has minId = 0 and maxId = -1. {@code valueCount} is the number of ids, at most
 * {@link #MAX_BLOCK_VALUES}.
 *
 * <p>Complex {@code offset}/{@code storedBytes} locate the block's stored bytes, compressed with
 * {@code compression} ({@link io.nemeton.codecs.Compression#id()}) to {@code uncompressedBytes}
 * bytes of {@link ComplexBlockLayout}.
 */
public final class BlockDirectoryLayout {
  public static final int BLOCK_COUNT_OFFSET = 0;
  public static final int ENTRY_BYTES_OFFSET = 4;
  public static final int ENTRIES_OFFSET = 8;

  public static final int NUMERIC_ENTRY_BYTES = 32;
  public static final int NUMERIC_OFFSET = 0;
  public static final int NUMERIC_MIN = 8;
  public static final int NUMERIC_MAX = 16;
  public static final int NUMERIC_NULL_COUNT = 24;

  public static final int STRING_ENTRY_BYTES = 32;
  public static final int STRING_OFFSET = 0;
  public static final int STRING_IDS_OFFSET = 8;
  public static final int STRING_MIN_ID = 16;
  public static final int STRING_MAX_ID = 20;
  public static final int STRING_VALUE_COUNT = 24;

  /**
   * Most ids one block of a multi-value column may hold (16 Mi, 16 Ki per row on average): readers
   * size their batches by the largest block, so the limit bounds what a file can make them allocate.
   */
  public static final int MAX_BLOCK_VALUES = 1 << 24;

  public static final int COMPLEX_ENTRY_BYTES = 24;
  public static final int COMPLEX_OFFSET = 0;
  public static final int COMPLEX_STORED_BYTES = 8;
  public static final int COMPLEX_UNCOMPRESSED_BYTES = 12;
  public static final int COMPLEX_COMPRESSION = 16;

  private BlockDirectoryLayout() {}

  /** Blocks needed for {@code rowCount} rows. */
  public static int blockCount(int rowCount, int rowsPerBlock) {
    return (int) (((long) rowCount + rowsPerBlock - 1) / rowsPerBlock);
  }

  /** Bytes of a directory of {@code blockCount} entries of {@code entryBytes}. */
  public static long regionBytes(int blockCount, int entryBytes) {
    return ENTRIES_OFFSET + (long) blockCount * entryBytes;
  }
}
