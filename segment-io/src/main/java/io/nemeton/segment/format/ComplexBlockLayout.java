package io.nemeton.segment.format;

/**
 * Byte layout of one uncompressed block of a complex column (serialized sketches): one blob per
 * row, located by an offset table. Little-endian.
 *
 * <pre>
 *  0                                 4 * (rows + 1)
 *  +---------------------------------+--------------------------------------+
 *  | offsets[rows + 1] (u32)         | blob 0 | blob 1 | ...  | blob rows-1  |
 *  +---------------------------------+--------------------------------------+
 * </pre>
 *
 * <p>offsets[0] = 0, ascending; blob {@code r} is bytes {@code [offsets[r], offsets[r+1])} after
 * the table, and the block's uncompressed size is {@code 4 * (rows + 1) + offsets[rows]}.
 */
public final class ComplexBlockLayout {
  private ComplexBlockLayout() {}

  /** Bytes of the offset table of a block of {@code rows} rows, i.e. where blob bytes start. */
  public static int blobsOffset(int rows) {
    return 4 * (rows + 1);
  }
}
