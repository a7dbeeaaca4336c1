package io.nemeton.engine.storage;

import java.lang.foreign.MemorySegment;

/**
 * A per-thread reader of one complex column (serialized sketches), a block at a time. Not
 * thread-safe; the values returned by {@link #value} are valid until the next {@link #read} and
 * never after the segment closes.
 */
public abstract class ComplexBlocks {

  /** The complex type name, e.g. {@code HLLSketch}, {@code thetaSketch}. */
  public abstract String typeName();

  /** Loads block {@code block}; returns its rows. */
  public abstract int read(int block);

  /** The serialized value at row position {@code position} of the loaded block; allocates the slice. */
  public abstract MemorySegment value(int position);
}
