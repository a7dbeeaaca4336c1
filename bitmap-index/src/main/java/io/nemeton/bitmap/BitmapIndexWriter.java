package io.nemeton.bitmap;

import io.nemeton.bitmap.internal.CompactIndexEncoder;
import io.nemeton.bitmap.internal.PortableRoaringEncoder;
import io.nemeton.bitmap.internal.RowsByValue;
import io.nemeton.memory.GrowableBytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds an inverted index (the rows of each dictionary id) and writes it as one region, by default
 * in the {@link BitmapIndexFormat#LIST_POSTINGS} layout ({@link CompactIndexLayout}, "NBI3"): ids
 * as Elias–Fano lists or as portable, run-optimized Roaring bitmaps, chosen per id by size and
 * decode cost. {@link BitmapIndexFormat#CHUNK_POSTINGS} ("NBI4") adds, for single-value columns
 * written by {@link #writeSingleValued}, chunk lists and id scans ({@link ChunkPostings}), which a
 * reader refines through the column's ids. {@link BitmapIndexFormat#COMPACT_POSTINGS} ("NBI2", lists of at most 1024 rows) and
 * {@link BitmapIndexFormat#ROARING_ONLY} ("NBI1", one Roaring bitmap per id, {@link
 * BitmapIndexLayout}) write the older layouts.
 *
 * <p>Two ways in. Row by row: {@link #add} buffers (id, row) pairs, 8 bytes each, and
 * {@link #writeTo} groups them. In bulk, from whole columns: {@link #writeSingleValued} and
 * {@link #writeMultiValued}. Both group rows by id with a counting sort and encode each id's
 * ascending rows straight into the output, so no bitmap object is built per id: ten million rows
 * over a million uniformly spread ids take 0.44 s on one core, against 12 s for one
 * {@code RoaringBitmap} per id ({@code perf/.../bitmap/BitmapIndexBuildBenchmark}, README; measured
 * on the Roaring-only layout).
 *
 * <p>Not thread-safe. Allocates while building: the pair buffer, then at write time the grouping
 * arrays (4 bytes per id and per pair) and the output's growth; a single-value column written
 * through a caller's {@link BitmapIndexScratch} reuses the scratch's arrays instead.
 */
public final class BitmapIndexWriter {
  private final int cardinality;
  private final BitmapIndexFormat format;
  private int[] ids = new int[64];
  private int[] rows = new int[64];
  private int count;
  private int lastRow;
  private boolean rowsAscending = true;

  /**
   * @param cardinality the number of dictionary ids, in {@code [0, BitmapIndexLayout.MAX_COUNT]}
   */
  public BitmapIndexWriter(int cardinality) {
    this(cardinality, BitmapIndexFormat.LIST_POSTINGS);
  }

  /**
   * @param cardinality the number of dictionary ids, in {@code [0, BitmapIndexLayout.MAX_COUNT]}
   * @param format the layout {@link #writeTo} writes
   */
  public BitmapIndexWriter(int cardinality, BitmapIndexFormat format) {
    checkCardinality(cardinality);
    this.cardinality = cardinality;
    this.format = Objects.requireNonNull(format, "format");
  }

  /**
   * Marks {@code row} as holding value {@code dictionaryId}. Rows normally arrive in ascending
   * order (a multi-value row adds each of its ids); out-of-order rows are accepted and sorted at
   * write time, and a repeated (id, row) pair is written once.
   *
   * @throws IllegalArgumentException when the id is outside {@code [0, cardinality)} or the row is
   *     negative
   */
  public void add(int dictionaryId, int row) {
    if (dictionaryId < 0 || dictionaryId >= cardinality) {
      throw new IllegalArgumentException(
          "row=" + row + ": dictionary id=" + dictionaryId + " is outside [0, cardinality=" + cardinality + ")");
    }
    if (row < 0) {
      throw new IllegalArgumentException("dictionary id=" + dictionaryId + ": row=" + row + " is negative");
    }
    if (count == ids.length) {
      if (count == Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("bitmap index writer holds the maximum of " + count + " pairs");
      }
      final int capacity = (int) Math.min(Integer.MAX_VALUE - 8, count * 2L);
      ids = Arrays.copyOf(ids, capacity);
      rows = Arrays.copyOf(rows, capacity);
    }
    if (row < lastRow) {
      rowsAscending = false;
    }
    lastRow = row;
    ids[count] = dictionaryId;
    rows[count] = row;
    count++;
  }

  /** The number of dictionary ids (bitmaps) this writer writes. */
  public int cardinality() {
    return cardinality;
  }

  /**
   * Appends the index region to {@code out}; returns bytes written. Layout: see
   * {@link BitmapIndexLayout}. May be called again; the added pairs are kept.
   */
  public int writeTo(GrowableBytes out) {
    return write(RowsByValue.pairs(ids, rows, count, cardinality, rowsAscending), format, false, out);
  }

  /**
   * Writes the index of a single-value column: row {@code r < rowCount} holds {@code ids[r]}.
   *
   * @return bytes appended to {@code out}
   * @throws IllegalArgumentException naming the row when an id is outside {@code [0, cardinality)},
   *     or when rowCount is outside {@code [0, ids.length]}
   */
  public static int writeSingleValued(int[] ids, int rowCount, int cardinality, GrowableBytes out) {
    return writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.LIST_POSTINGS, out);
  }

  /** {@link #writeSingleValued(int[], int, int, GrowableBytes)} in the given layout. */
  public static int writeSingleValued(int[] ids, int rowCount, int cardinality, BitmapIndexFormat format,
      GrowableBytes out) {
    checkCardinality(cardinality);
    return write(RowsByValue.singleValued(ids, rowCount, cardinality), format, true, out);
  }

  /**
   * {@link #writeSingleValued(int[], int, int, BitmapIndexFormat, GrowableBytes)} through the
   * caller's reused working memory: the same bytes, and no allocation once {@code scratch} has grown
   * to the column's size (for the {@link BitmapIndexFormat#CHUNK_POSTINGS} layout; the older layouts
   * allocate as before).
   */
  public static int writeSingleValued(int[] ids, int rowCount, int cardinality, BitmapIndexFormat format,
      GrowableBytes out, BitmapIndexScratch scratch) {
    checkCardinality(cardinality);
    Objects.requireNonNull(format, "format");
    if (format != BitmapIndexFormat.CHUNK_POSTINGS) {
      return writeSingleValued(ids, rowCount, cardinality, format, out);
    }
    return scratch.encoder.encodeV4(scratch.grouping.groupSingleValued(ids, rowCount, cardinality), true,
        ChunkPostings.DEFAULT_CHUNK_SHIFT, out);
  }

  /**
   * The {@link BitmapIndexFormat#CHUNK_POSTINGS} index of a single-value column with chunk lists of
   * {@code 2^chunkShift} rows ({@link ChunkPostings}; the format's writer uses {@link
   * ChunkPostings#DEFAULT_CHUNK_SHIFT}).
   *
   * @throws IllegalArgumentException as {@link #writeSingleValued(int[], int, int, GrowableBytes)},
   *     or when chunkShift is outside {@code [0, ChunkPostings.MAX_CHUNK_SHIFT]}
   */
  public static int writeSingleValued(int[] ids, int rowCount, int cardinality, int chunkShift, GrowableBytes out) {
    checkCardinality(cardinality);
    return CompactIndexEncoder.writeV4(RowsByValue.singleValued(ids, rowCount, cardinality), true, chunkShift, out);
  }

  /**
   * Writes the index of a multi-value column: row {@code r < rowCount} holds
   * {@code ids[rowStarts[r], rowStarts[r + 1])} and is set once in each of those ids' bitmaps, even
   * when an id repeats within the row. A row with no ids is in no bitmap.
   *
   * @return bytes appended to {@code out}
   * @throws IllegalArgumentException naming the row when an id is outside {@code [0, cardinality)}
   *     or rowStarts is shorter than rowCount + 1, decreasing, or past the end of ids
   */
  public static int writeMultiValued(int[] rowStarts, int[] ids, int rowCount, int cardinality, GrowableBytes out) {
    return writeMultiValued(rowStarts, ids, rowCount, cardinality, BitmapIndexFormat.LIST_POSTINGS, out);
  }

  /** {@link #writeMultiValued(int[], int[], int, int, GrowableBytes)} in the given layout. */
  public static int writeMultiValued(int[] rowStarts, int[] ids, int rowCount, int cardinality,
      BitmapIndexFormat format, GrowableBytes out) {
    checkCardinality(cardinality);
    return write(RowsByValue.multiValued(rowStarts, ids, rowCount, cardinality), format, false, out);
  }

  /** {@code singleValued}: every row below the largest holds exactly one id, so NBI4 may refine by ids. */
  private static int write(RowsByValue grouped, BitmapIndexFormat format, boolean singleValued, GrowableBytes out) {
    Objects.requireNonNull(format, "format");
    if (format == BitmapIndexFormat.CHUNK_POSTINGS) {
      return CompactIndexEncoder.writeV4(grouped, singleValued, ChunkPostings.DEFAULT_CHUNK_SHIFT, out);
    }
    if (format == BitmapIndexFormat.COMPACT_POSTINGS) {
      return CompactIndexEncoder.write(grouped, CompactIndexLayout.MAGIC, out);
    }
    if (format == BitmapIndexFormat.LIST_POSTINGS) {
      return CompactIndexEncoder.write(grouped, CompactIndexLayout.MAGIC_V3, out);
    }
    final int bitmapCount = grouped.cardinality();
    final int regionStart = out.size();
    out.writeInt(BitmapIndexLayout.MAGIC);
    out.writeInt(bitmapCount);
    final int offsetsAt = out.skip(BitmapIndexLayout.OFFSET_ENTRY_BYTES * (bitmapCount + 1));
    final int dataStart = out.size();
    final int[] rows = grouped.rows();
    final PortableRoaringEncoder encoder = new PortableRoaringEncoder();
    for (int id = 0; id < bitmapCount; id++) {
      out.setInt(offsetsAt + BitmapIndexLayout.OFFSET_ENTRY_BYTES * id, out.size() - dataStart);
      encoder.write(rows, grouped.start(id), grouped.end(id), out);
    }
    out.setInt(offsetsAt + BitmapIndexLayout.OFFSET_ENTRY_BYTES * bitmapCount, out.size() - dataStart);
    return out.size() - regionStart;
  }

  private static void checkCardinality(int cardinality) {
    if (cardinality < 0 || cardinality > BitmapIndexLayout.MAX_COUNT) {
      throw new IllegalArgumentException(
          "cardinality=" + cardinality + " is outside [0, " + BitmapIndexLayout.MAX_COUNT + "]");
    }
  }
}
