package io.nemeton.engine.storage;

import io.nemeton.engine.kernel.DoubleKernels;
import io.nemeton.segment.format.DoubleColumnReader;
import io.nemeton.segment.format.FloatColumnReader;
import io.nemeton.segment.format.LongColumnReader;
import io.nemeton.segment.format.TimeColumnReader;
import java.util.Arrays;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reads a numeric column (or {@code __time}) of a mapped segment file a block at a time: decodes
 * the stored type into its own scratch, then converts when another type is asked. Block bounds
 * come from the block directory. Its scratch comes from and goes back to {@link ScanScratch} (see
 * {@link NumericBlocks#release()}). Not thread-safe.
 */
final class MappedNumericBlocks extends NumericBlocks implements BlockBounds {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final TimeColumnReader time;
  private final LongColumnReader longReader;
  private final FloatColumnReader floatReader;
  private final DoubleColumnReader doubleReader;
  private final ImmutableRoaringBitmap nullRows;
  private long[] nativeLongs;
  private float[] nativeFloats;
  private double[] nativeDoubles;
  private int nativeBlock = -1;
  /** The eight lane sums of {@link #sumStoredDoubles}, made on its first use. */
  private double[] lanes;

  private MappedNumericBlocks(Kind kind, TimeColumnReader time, LongColumnReader longs, FloatColumnReader floats,
      DoubleColumnReader doubles, ImmutableRoaringBitmap nullRows) {
    super(kind);
    this.time = time;
    this.longReader = longs;
    this.floatReader = floats;
    this.doubleReader = doubles;
    this.nullRows = nullRows == null || nullRows.isEmpty() ? null : nullRows;
  }

  static MappedNumericBlocks ofTime(TimeColumnReader reader) {
    return new MappedNumericBlocks(Kind.LONG, reader, null, null, null, null);
  }

  static MappedNumericBlocks ofLongs(LongColumnReader reader) {
    return new MappedNumericBlocks(Kind.LONG, null, reader, null, null, reader.hasNulls() ? reader.nullRows() : null);
  }

  static MappedNumericBlocks ofFloats(FloatColumnReader reader) {
    return new MappedNumericBlocks(Kind.FLOAT, null, null, reader, null, reader.hasNulls() ? reader.nullRows() : null);
  }

  static MappedNumericBlocks ofDoubles(DoubleColumnReader reader) {
    return new MappedNumericBlocks(Kind.DOUBLE, null, null, null, reader,
        reader.hasNulls() ? reader.nullRows() : null);
  }

  @Override
  public boolean mayHaveNulls() {
    return nullRows != null;
  }

  @Override
  public long blockMinLong(int block) {
    return time != null ? time.blockMin(block) : longReader != null ? longReader.blockMin(block)
        : (long) blockMinDouble(block);
  }

  @Override
  public long blockMaxLong(int block) {
    return time != null ? time.blockMax(block) : longReader != null ? longReader.blockMax(block)
        : (long) blockMaxDouble(block);
  }

  @Override
  public double blockMinDouble(int block) {
    return doubleReader != null ? doubleReader.blockMin(block) : floatReader != null ? floatReader.blockMin(block)
        : blockMinLong(block);
  }

  @Override
  public double blockMaxDouble(int block) {
    return doubleReader != null ? doubleReader.blockMax(block) : floatReader != null ? floatReader.blockMax(block)
        : blockMaxLong(block);
  }

  /** Decodes the block in the stored type; returns its rows. */
  private int decode(int block) {
    switch (storedKind()) {
      case LONG -> {
        if (nativeLongs == null) {
          nativeLongs = ScanScratch.forThread().takeLongs();
        }
        if (nativeBlock != block) {
          if (time != null) {
            time.readBlock(block, nativeLongs);
          } else {
            longReader.readBlock(block, nativeLongs);
          }
        }
      }
      case FLOAT -> {
        if (nativeFloats == null) {
          nativeFloats = ScanScratch.forThread().takeFloats();
        }
        if (nativeBlock != block) {
          floatReader.readBlock(block, nativeFloats);
        }
      }
      case DOUBLE -> {
        if (nativeDoubles == null) {
          nativeDoubles = ScanScratch.forThread().takeDoubles();
        }
        if (nativeBlock != block) {
          doubleReader.readBlock(block, nativeDoubles);
        }
      }
    }
    nativeBlock = block;
    return rows(block);
  }

  private int rows(int block) {
    final int rowCount = time != null ? time.rowCount()
        : longReader != null ? longReader.rowCount()
        : floatReader != null ? floatReader.rowCount() : doubleReader.rowCount();
    return Math.min(ROWS, rowCount - block * ROWS);
  }

  @Override
  protected boolean sumsLongsInPlace() {
    return longReader != null;
  }

  @Override
  protected long sumStoredLongs(int block, int from, int to) {
    if (nativeLongs == null) {
      nativeLongs = ScanScratch.forThread().takeLongs();
    }
    // the codec may decode into the scratch, so whatever block it held is gone
    nativeBlock = -1;
    return longReader.sumBlock(block, from, to, nativeLongs);
  }

  @Override
  protected boolean sumsDoublesInPlace() {
    return doubleReader != null;
  }

  @Override
  protected double sumStoredDoubles(int block, int from, int to) {
    if (nativeDoubles == null) {
      nativeDoubles = ScanScratch.forThread().takeDoubles();
    }
    nativeBlock = -1;
    if (lanes == null) {
      lanes = new double[8];
    }
    final double[] partial = lanes;
    Arrays.fill(partial, 0.0);
    doubleReader.addLaneSums(block, from, to, nativeDoubles, partial);
    return DoubleKernels.combineLanes(partial[0], partial[1], partial[2], partial[3], partial[4], partial[5],
        partial[6], partial[7]);
  }

  @Override
  protected void readLongs(int block, long[] destination) {
    if (storedKind() == Kind.LONG) {
      // same type: decode straight into the caller's scratch
      if (time != null) {
        time.readBlock(block, destination);
      } else {
        longReader.readBlock(block, destination);
      }
      return;
    }
    final int rows = decode(block);
    switch (storedKind()) {
      case LONG -> System.arraycopy(nativeLongs, 0, destination, 0, rows);
      case FLOAT -> {
        final float[] source = nativeFloats;
        for (int i = 0; i < rows; i++) {
          destination[i] = (long) source[i];
        }
      }
      case DOUBLE -> {
        final double[] source = nativeDoubles;
        for (int i = 0; i < rows; i++) {
          destination[i] = (long) source[i];
        }
      }
    }
  }

  @Override
  protected void readDoubles(int block, double[] destination) {
    if (storedKind() == Kind.DOUBLE) {
      doubleReader.readBlock(block, destination);
      return;
    }
    final int rows = decode(block);
    switch (storedKind()) {
      case LONG -> {
        final long[] source = nativeLongs;
        for (int i = 0; i < rows; i++) {
          destination[i] = source[i];
        }
      }
      case FLOAT -> {
        final float[] source = nativeFloats;
        for (int i = 0; i < rows; i++) {
          destination[i] = source[i];
        }
      }
      case DOUBLE -> System.arraycopy(nativeDoubles, 0, destination, 0, rows);
    }
  }

  @Override
  protected void readFloats(int block, float[] destination) {
    if (storedKind() == Kind.FLOAT) {
      floatReader.readBlock(block, destination);
      return;
    }
    final int rows = decode(block);
    switch (storedKind()) {
      case LONG -> {
        final long[] source = nativeLongs;
        for (int i = 0; i < rows; i++) {
          destination[i] = source[i];
        }
      }
      case FLOAT -> System.arraycopy(nativeFloats, 0, destination, 0, rows);
      case DOUBLE -> {
        final double[] source = nativeDoubles;
        for (int i = 0; i < rows; i++) {
          destination[i] = (float) source[i];
        }
      }
    }
  }

  @Override
  protected void releaseScratch(ScanScratch scratch) {
    scratch.giveLongs(nativeLongs);
    scratch.giveFloats(nativeFloats);
    scratch.giveDoubles(nativeDoubles);
    nativeLongs = null;
    nativeFloats = null;
    nativeDoubles = null;
    nativeBlock = -1;
  }

  @Override
  protected boolean readNulls(int block, boolean[] destination) {
    return NullRows.fill(nullRows, block * ROWS, rows(block), destination);
  }
}
