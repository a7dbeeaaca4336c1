package io.nemeton.engine.storage;

import io.nemeton.engine.kernel.DoubleKernels;
import io.nemeton.engine.kernel.LongKernels;

/**
 * A per-thread reader of one numeric column (or of a column read as numbers), a block at a time,
 * in whichever primitive type the consumer wants: {@link #longs}, {@link #doubles} and {@link
 * #floats} convert from the stored type as Java casts do ({@code (long) 2.7} is 2). Null rows read
 * as 0 and are flagged by {@link #nulls}, which returns null for a block without null rows so that
 * callers can take the no-null path.
 *
 * <p>Not thread-safe. Each array is the reader's own scratch of {@link
 * QueryableSegment#ROWS_PER_BLOCK} entries, filled for the block asked and valid until the next
 * call with another block; asking again for the same block costs nothing. Takes its scratch arrays
 * on first use from this thread's {@link ScanScratch} (allocating only when that has none) and
 * hands them back on {@link #release()}.
 */
public abstract class NumericBlocks {

  /** The primitive type a column is stored in. */
  public enum Kind { LONG, FLOAT, DOUBLE }

  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final Kind storedKind;
  private long[] longs;
  private double[] doubles;
  private float[] floats;
  private boolean[] nulls;
  private int longsBlock = -1;
  private int doublesBlock = -1;
  private int floatsBlock = -1;
  private int nullsBlock = -1;
  private boolean blockHasNulls;

  protected NumericBlocks(Kind storedKind) {
    this.storedKind = storedKind;
  }

  /** The type the values are stored in, so consumers can read without conversion. */
  public final Kind storedKind() {
    return storedKind;
  }

  /** Whether the column may hold nulls at all; false lets consumers skip {@link #nulls}. */
  public abstract boolean mayHaveNulls();

  public final long[] longs(int block) {
    if (longsBlock != block) {
      if (longs == null) {
        longs = ScanScratch.forThread().takeLongs();
      }
      readLongs(block, longs);
      longsBlock = block;
    }
    return longs;
  }

  public final double[] doubles(int block) {
    if (doublesBlock != block) {
      if (doubles == null) {
        doubles = ScanScratch.forThread().takeDoubles();
      }
      readDoubles(block, doubles);
      doublesBlock = block;
    }
    return doubles;
  }

  public final float[] floats(int block) {
    if (floatsBlock != block) {
      if (floats == null) {
        floats = ScanScratch.forThread().takeFloats();
      }
      readFloats(block, floats);
      floatsBlock = block;
    }
    return floats;
  }

  /**
   * The wrapping sum of the long values of positions {@code [from, to)} of block {@code block}
   * (null rows add their 0): equal to {@code kernels.sumRange(longs(block), from, to)}, but a reader
   * whose storage can sum encoded blocks in place does so when the block is not already decoded,
   * so the values are never written out. Leaves {@link #longs}' scratch as it was.
   */
  public final long sumLongs(int block, int from, int to, LongKernels kernels) {
    if (longsBlock != block && sumsLongsInPlace()) {
      return sumStoredLongs(block, from, to);
    }
    return kernels.sumRange(longs(block), from, to);
  }

  /** Whether {@link #sumStoredLongs} applies (a column stored as longs that the codecs can sum). */
  protected boolean sumsLongsInPlace() {
    return false;
  }

  /** Sums the stored longs of positions {@code [from, to)}; only called when {@link #sumsLongsInPlace}. */
  protected long sumStoredLongs(int block, int from, int to) {
    throw new UnsupportedOperationException("sumStoredLongs on " + getClass().getSimpleName());
  }

  /**
   * The sum of the double values of positions {@code [from, to)} of block {@code block} in the
   * eight-lane order: bit for bit {@code kernels.sumRange(doubles(block), from, to)}, read from the
   * encoded block when the storage can and the block is not already decoded.
   */
  public final double sumDoubles(int block, int from, int to, DoubleKernels kernels) {
    if (doublesBlock != block && sumsDoublesInPlace()) {
      return sumStoredDoubles(block, from, to);
    }
    return kernels.sumRange(doubles(block), from, to);
  }

  /** Whether {@link #sumStoredDoubles} applies (a column stored as doubles). */
  protected boolean sumsDoublesInPlace() {
    return false;
  }

  /** Sums the stored doubles of positions {@code [from, to)}; only called when {@link #sumsDoublesInPlace}. */
  protected double sumStoredDoubles(int block, int from, int to) {
    throw new UnsupportedOperationException("sumStoredDoubles on " + getClass().getSimpleName());
  }

  /** Null flags of the block's rows, or null when no row of the block is null. */
  public final boolean[] nulls(int block) {
    if (nullsBlock != block) {
      if (mayHaveNulls() && nulls == null) {
        nulls = ScanScratch.forThread().takeFlags();
      }
      blockHasNulls = mayHaveNulls() && readNulls(block, nulls);
      nullsBlock = block;
    }
    return blockHasNulls ? nulls : null;
  }

  /**
   * Hands the scratch arrays back to this thread's {@link ScanScratch}, for the next scan. The
   * caller must be done with every array this reader returned; the reader itself stays usable
   * (it takes fresh scratch on the next read). Calling it twice is harmless.
   */
  public final void release() {
    final ScanScratch scratch = ScanScratch.forThread();
    scratch.giveLongs(longs);
    scratch.giveDoubles(doubles);
    scratch.giveFloats(floats);
    scratch.giveFlags(nulls);
    longs = null;
    doubles = null;
    floats = null;
    nulls = null;
    longsBlock = -1;
    doublesBlock = -1;
    floatsBlock = -1;
    nullsBlock = -1;
    releaseScratch(scratch);
  }

  /** Hands back the subclass's own scratch arrays (the same rules as {@link #release()}). */
  protected void releaseScratch(ScanScratch scratch) {
  }

  /** Fills the block's values as longs (null rows 0). */
  protected abstract void readLongs(int block, long[] destination);

  protected abstract void readDoubles(int block, double[] destination);

  protected abstract void readFloats(int block, float[] destination);

  /** Fills the block's null flags; returns whether any is set. */
  protected abstract boolean readNulls(int block, boolean[] destination);
}
