package io.nemeton.engine.storage;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reads a numeric column held on the heap (one of {@code long[]}, {@code float[]}, {@code double[]}
 * covering every row) a block at a time, converting as asked. Not thread-safe.
 */
final class HeapNumericBlocks extends NumericBlocks {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final long[] longValues;
  private final float[] floatValues;
  private final double[] doubleValues;
  private final ImmutableRoaringBitmap nullRows;
  private final int rowCount;

  private HeapNumericBlocks(Kind kind, long[] longs, float[] floats, double[] doubles,
      ImmutableRoaringBitmap nullRows, int rowCount) {
    super(kind);
    this.longValues = longs;
    this.floatValues = floats;
    this.doubleValues = doubles;
    this.nullRows = nullRows == null || nullRows.isEmpty() ? null : nullRows;
    this.rowCount = rowCount;
  }

  static HeapNumericBlocks ofLongs(long[] values, ImmutableRoaringBitmap nullRows) {
    return new HeapNumericBlocks(Kind.LONG, values, null, null, nullRows, values.length);
  }

  static HeapNumericBlocks ofFloats(float[] values, ImmutableRoaringBitmap nullRows) {
    return new HeapNumericBlocks(Kind.FLOAT, null, values, null, nullRows, values.length);
  }

  static HeapNumericBlocks ofDoubles(double[] values, ImmutableRoaringBitmap nullRows) {
    return new HeapNumericBlocks(Kind.DOUBLE, null, null, values, nullRows, values.length);
  }

  @Override
  public boolean mayHaveNulls() {
    return nullRows != null;
  }

  private int rows(int block) {
    return Math.min(ROWS, rowCount - block * ROWS);
  }

  @Override
  protected void readLongs(int block, long[] destination) {
    final int start = block * ROWS;
    final int rows = rows(block);
    switch (storedKind()) {
      case LONG -> System.arraycopy(longValues, start, destination, 0, rows);
      case FLOAT -> {
        final float[] source = floatValues;
        for (int i = 0; i < rows; i++) {
          destination[i] = (long) source[start + i];
        }
      }
      case DOUBLE -> {
        final double[] source = doubleValues;
        for (int i = 0; i < rows; i++) {
          destination[i] = (long) source[start + i];
        }
      }
    }
  }

  @Override
  protected void readDoubles(int block, double[] destination) {
    final int start = block * ROWS;
    final int rows = rows(block);
    switch (storedKind()) {
      case LONG -> {
        final long[] source = longValues;
        for (int i = 0; i < rows; i++) {
          destination[i] = source[start + i];
        }
      }
      case FLOAT -> {
        final float[] source = floatValues;
        for (int i = 0; i < rows; i++) {
          destination[i] = source[start + i];
        }
      }
      case DOUBLE -> System.arraycopy(doubleValues, start, destination, 0, rows);
    }
  }

  @Override
  protected void readFloats(int block, float[] destination) {
    final int start = block * ROWS;
    final int rows = rows(block);
    switch (storedKind()) {
      case LONG -> {
        final long[] source = longValues;
        for (int i = 0; i < rows; i++) {
          destination[i] = source[start + i];
        }
      }
      case FLOAT -> System.arraycopy(floatValues, start, destination, 0, rows);
      case DOUBLE -> {
        final double[] source = doubleValues;
        for (int i = 0; i < rows; i++) {
          destination[i] = (float) source[start + i];
        }
      }
    }
  }

  @Override
  protected boolean readNulls(int block, boolean[] destination) {
    return NullRows.fill(nullRows, block * ROWS, rows(block), destination);
  }
}
