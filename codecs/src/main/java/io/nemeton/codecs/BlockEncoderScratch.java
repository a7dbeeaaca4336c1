package io.nemeton.codecs;

import io.nemeton.codecs.internal.EncoderScratch;

/**
 * Caller-owned scratch for the block encoders: pass one to the {@code encode(..., scratch)} entry
 * points of {@link IntBlockCodec}, {@link LongBlockCodec}, {@link FloatBlockCodec} and {@link
 * DoubleBlockCodec} to encode block after block without allocating (the arrays grow to the largest
 * block seen, at most {@code 65536} values, and are then reused). The bytes written are the same
 * with or without it.
 *
 * <p>Not thread-safe: one per encoding thread (a segment writer holds one). Holds no data between
 * calls.
 */
public final class BlockEncoderScratch {
  private final EncoderScratch arrays = new EncoderScratch();

  /**
   * The smallest value of the last block {@link LongBlockCodec}, {@link TimeBlockCodec} or {@link
   * IntBlockCodec} encoded through this scratch (ints widened), so a writer that keeps block
   * statistics need not scan the block again; valid until the next encode, undefined before one or
   * after a floating-point block.
   */
  public long lastMin() {
    return arrays.statistics().min;
  }

  /** The largest value of the last such block; see {@link #lastMin()}. */
  public long lastMax() {
    return arrays.statistics().max;
  }

  /** The arrays, for the codecs of this package. */
  EncoderScratch arrays() {
    return arrays;
  }
}
