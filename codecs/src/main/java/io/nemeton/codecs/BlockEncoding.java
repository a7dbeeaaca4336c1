package io.nemeton.codecs;

/**
 * The encoding of one value block, stored as the block's first byte. The id is on disk: never
 * renumber. Which encodings a value type accepts is fixed by its codec (see {@code codecs/README.md}):
 * longs take all but {@link #DECIMAL}; ints take {@link #RAW}, {@link #CONSTANT}, {@link #BIT_PACKED}
 * and {@link #RUN_LENGTH}; doubles and floats take {@link #RAW}, {@link #CONSTANT} and {@link
 * #DECIMAL}.
 *
 * <p>Immutable and thread-safe; {@link #fromId} does not allocate.
 */
public enum BlockEncoding {
  /** Values stored as they are, little-endian. */
  RAW(0),
  /** Every value equal: one value stored. */
  CONSTANT(1),
  /** Frame of reference (block minimum) plus bit-packed offsets from it. */
  BIT_PACKED(2),
  /** Differences between neighbours, frame of reference, bit-packed; for sorted columns. */
  DELTA(3),
  /** Runs of equal values: bit-packed run values and run lengths. */
  RUN_LENGTH(4),
  /** Floating-point values that are exact decimals: scaled to longs, then frame of reference. */
  DECIMAL(5);

  private static final BlockEncoding[] BY_ID = values();

  private final int id;

  BlockEncoding(int id) {
    this.id = id;
  }

  /** The byte stored on disk. */
  public int id() {
    return id;
  }

  /**
   * The encoding stored as {@code id}.
   *
   * @throws CodecException naming the id when no encoding has it
   */
  public static BlockEncoding fromId(int id) {
    if (id < 0 || id >= BY_ID.length) {
      throw new CodecException("unknown block encoding id=" + id + " (known: 0.." + (BY_ID.length - 1) + ")");
    }
    return BY_ID[id];
  }
}
