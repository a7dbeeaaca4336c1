package io.nemeton.engine.storage;

/**
 * The block-sized scratch arrays ({@link QueryableSegment#ROWS_PER_BLOCK} entries) that segment
 * scans decode into, kept per thread between scans. A small query over a few small segments would
 * otherwise allocate ~12 KiB of fresh scratch per segment (the batch selection, a decode buffer
 * per column), which is most of what a historical allocates per query and what drives its young
 * collections.
 *
 * <p>An array is lent by a {@code take} call and belongs to the taker alone until it hands it
 * back with the matching {@code give} call; after that the giver must not touch it again. Two scans
 * running at once on one thread (nested work) each take their own arrays, and a scan that never
 * gives its arrays back only leaves them to the garbage collector, so nothing is ever shared by two
 * running queries. A taken array holds whatever its last user left in it (fresh ones hold zeros):
 * readers fill the entries they read, as they already do when one scratch serves several blocks.
 *
 * <p>Not thread-safe: use {@link #forThread()} on the thread that takes or gives. Allocates only
 * when its free list of a kind is empty; keeps at most {@link #KEEP} arrays of each kind.
 */
public final class ScanScratch {
  /** Arrays kept per kind and thread: enough for a scan reading several columns, bounded memory. */
  public static final int KEEP = 16;

  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;
  private static final ThreadLocal<ScanScratch> THREAD = ThreadLocal.withInitial(ScanScratch::new);

  private final long[][] longs = new long[KEEP][];
  private final double[][] doubles = new double[KEEP][];
  private final float[][] floats = new float[KEEP][];
  private final int[][] ints = new int[KEEP][];
  private final boolean[][] flags = new boolean[KEEP][];
  private int longCount;
  private int doubleCount;
  private int floatCount;
  private int intCount;
  private int flagCount;

  private ScanScratch() {}

  /** This thread's scratch. */
  public static ScanScratch forThread() {
    return THREAD.get();
  }

  public long[] takeLongs() {
    if (longCount == 0) {
      return new long[ROWS];
    }
    final long[] out = longs[--longCount];
    longs[longCount] = null;
    return out;
  }

  /** Takes back an array from {@link #takeLongs()} (ignores null and arrays of another size). */
  public void giveLongs(long[] array) {
    if (array != null && array.length == ROWS && longCount < KEEP) {
      checkNotKept(longs, longCount, array);
      longs[longCount++] = array;
    }
  }

  public double[] takeDoubles() {
    if (doubleCount == 0) {
      return new double[ROWS];
    }
    final double[] out = doubles[--doubleCount];
    doubles[doubleCount] = null;
    return out;
  }

  /** Takes back an array from {@link #takeDoubles()} (ignores null and arrays of another size). */
  public void giveDoubles(double[] array) {
    if (array != null && array.length == ROWS && doubleCount < KEEP) {
      checkNotKept(doubles, doubleCount, array);
      doubles[doubleCount++] = array;
    }
  }

  public float[] takeFloats() {
    if (floatCount == 0) {
      return new float[ROWS];
    }
    final float[] out = floats[--floatCount];
    floats[floatCount] = null;
    return out;
  }

  /** Takes back an array from {@link #takeFloats()} (ignores null and arrays of another size). */
  public void giveFloats(float[] array) {
    if (array != null && array.length == ROWS && floatCount < KEEP) {
      checkNotKept(floats, floatCount, array);
      floats[floatCount++] = array;
    }
  }

  public int[] takeInts() {
    if (intCount == 0) {
      return new int[ROWS];
    }
    final int[] out = ints[--intCount];
    ints[intCount] = null;
    return out;
  }

  /** Takes back an array from {@link #takeInts()} (ignores null and arrays of another size). */
  public void giveInts(int[] array) {
    if (array != null && array.length == ROWS && intCount < KEEP) {
      checkNotKept(ints, intCount, array);
      ints[intCount++] = array;
    }
  }

  public boolean[] takeFlags() {
    if (flagCount == 0) {
      return new boolean[ROWS];
    }
    final boolean[] out = flags[--flagCount];
    flags[flagCount] = null;
    return out;
  }

  /** Takes back an array from {@link #takeFlags()} (ignores null and arrays of another size). */
  public void giveFlags(boolean[] array) {
    if (array != null && array.length == ROWS && flagCount < KEEP) {
      checkNotKept(flags, flagCount, array);
      flags[flagCount++] = array;
    }
  }

  /**
   * A second give of one array would lend it to two takers: refuse it loudly (a scan's bug, cheap
   * to check against at most {@link #KEEP} entries).
   */
  private static void checkNotKept(Object[] kept, int count, Object array) {
    for (int i = 0; i < count; i++) {
      if (kept[i] == array) {
        throw new IllegalStateException("scratch array given back twice: " + array.getClass().getSimpleName()
            + " kept=" + count);
      }
    }
  }

  /** Arrays of all kinds kept now (for tests). */
  public int kept() {
    return longCount + doubleCount + floatCount + intCount + flagCount;
  }
}
