package io.nemeton.bitmap.internal;

import io.nemeton.bitmap.ChunkPostings;
import io.nemeton.bitmap.CompactIndexLayout;
import io.nemeton.memory.GrowableBytes;
import java.util.Arrays;

/**
 * Writes rows grouped by id as one {@link CompactIndexLayout} region, choosing per id between an
 * Elias–Fano list and a portable Roaring bitmap: NBI2 takes the strictly smaller when the id has at
 * most {@link CompactIndexLayout#MAX_LIST_ROWS} rows; NBI3 asks {@link
 * CompactIndexLayout#listWorthDecoding}; NBI4 puts a kind in front of each stream entry and, for a
 * single-value column, also chooses id scans and chunk lists by the rules of {@link ChunkPostings}.
 * A tie goes to Roaring, which is read in place.
 *
 * <p>The static methods allocate their working memory per call: group tables (about 3 bits per id),
 * the list stream and one scratch list. An instance ({@link #CompactIndexEncoder()}) keeps that
 * memory and reuses it region after region, allocating only when a region is larger than any
 * before; it is not thread-safe. Roaring bitmaps are encoded straight into {@code out} in a second
 * pass over the ids chosen for them (their sizes are analysed again there, as a list candidate's
 * were).
 */
public final class CompactIndexEncoder {
  private long[] masks = new long[0];
  private long[] bitOffsets = new long[0];
  private int[] roaringBefore = new int[0];
  private int[] distinct = new int[0];
  private int[] chunks = new int[0];
  private final BitStreamWriter lists = new BitStreamWriter();
  /** Room for the containers of 8 Mi rows: a segment's bitmaps do not grow it. */
  private final PortableRoaringEncoder encoder = new PortableRoaringEncoder(128);

  /** An encoder whose working memory is kept between {@link #encodeV4} calls. */
  public CompactIndexEncoder() {}

  /**
   * Appends the region for {@code grouped}; returns the bytes appended. The row limit (the lists'
   * universe) is one past the largest row, so the same rows give the same bytes however they came.
   */
  public static int write(RowsByValue grouped, int magic, GrowableBytes out) {
    if (magic != CompactIndexLayout.MAGIC && magic != CompactIndexLayout.MAGIC_V3) {
      throw new IllegalArgumentException(String.format("magic=0x%08X is neither NBI2 nor NBI3", magic));
    }
    return write(grouped, magic, false, ChunkPostings.DEFAULT_CHUNK_SHIFT, out);
  }

  /**
   * Appends an NBI4 region ({@link ChunkPostings}): with {@code refined} (a single-value column,
   * every row below U holding exactly one id) ids may be chunk lists of {@code 2^chunkShift}-row
   * chunks or id scans; without, only row lists and Roaring bitmaps, each entry behind its kind.
   */
  public static int writeV4(RowsByValue grouped, boolean refined, int chunkShift, GrowableBytes out) {
    if (chunkShift < 0 || chunkShift > ChunkPostings.MAX_CHUNK_SHIFT) {
      throw new IllegalArgumentException("chunkShift=" + chunkShift + " is outside [0, " + ChunkPostings.MAX_CHUNK_SHIFT
          + "]");
    }
    return new CompactIndexEncoder().encodeV4(grouped, refined, chunkShift, out);
  }

  /** {@link #writeV4} through this encoder's reused working memory; the same bytes. */
  public int encodeV4(RowsByValue grouped, boolean refined, int chunkShift, GrowableBytes out) {
    if (chunkShift < 0 || chunkShift > ChunkPostings.MAX_CHUNK_SHIFT) {
      throw new IllegalArgumentException("chunkShift=" + chunkShift + " is outside [0, " + ChunkPostings.MAX_CHUNK_SHIFT
          + "]");
    }
    return encode(grouped, CompactIndexLayout.MAGIC_V4, refined, chunkShift, out);
  }

  private static int write(RowsByValue grouped, int magic, boolean refined, int chunkShift, GrowableBytes out) {
    return new CompactIndexEncoder().encode(grouped, magic, refined, chunkShift, out);
  }

  private int encode(RowsByValue grouped, int magic, boolean refined, int chunkShift, GrowableBytes out) {
    final boolean v2 = magic == CompactIndexLayout.MAGIC;
    final boolean v4 = magic == CompactIndexLayout.MAGIC_V4;
    final int count = grouped.cardinality();
    final int rowLimit = grouped.knownRowLimit() >= 0 ? grouped.knownRowLimit() : rowLimit(grouped);
    final int chunkLimit = ChunkPostings.chunkLimit(rowLimit, chunkShift);
    final int groups = CompactIndexLayout.groupCount(count);
    if (masks.length < groups) {
      masks = new long[groups];
      bitOffsets = new long[groups];
      roaringBefore = new int[groups];
    } else {
      Arrays.fill(masks, 0, groups, 0L);
    }
    final long[] masks = this.masks;
    final long[] bitOffsets = this.bitOffsets;
    final int[] roaringBefore = this.roaringBefore;
    int roaringCount = 0;
    final BitStreamWriter lists = this.lists;
    lists.clear();
    final PortableRoaringEncoder encoder = this.encoder;
    final int[] rows = grouped.rows();
    // the scratch list's length is part of the choice (an id with more distinct rows is Roaring)
    final int listCapacity = v2 ? CompactIndexLayout.MAX_LIST_ROWS
        : Math.min(maxRowsPerId(grouped), CompactIndexLayout.MAX_LIST_ROWS_V3);
    if (distinct.length < listCapacity) {
      distinct = new int[listCapacity];
      chunks = new int[listCapacity];
    }
    final int[] distinct = this.distinct;
    final int[] chunks = this.chunks;
    lists.reserve(listBitsEstimate(grouped, listCapacity, rowLimit, v4));
    final boolean rowsDistinct = grouped.knownRowLimit() >= 0;
    // first pass: choose each id's form and write the lists; Roaring ids are only marked in masks
    for (int g = 0; g < groups; g++) {
      bitOffsets[g] = lists.bitCount();
      roaringBefore[g] = roaringCount;
      final int firstId = g * CompactIndexLayout.IDS_PER_GROUP;
      final int lastId = Math.min(count, firstId + CompactIndexLayout.IDS_PER_GROUP);
      for (int id = firstId; id < lastId; id++) {
        final int from = grouped.start(id);
        final int to = grouped.end(id);
        // an id's rows are distinct already when each row holds one id: read them in place
        final int n = rowsDistinct ? to - from : distinctRows(rows, from, to, distinct, listCapacity);
        final int[] idRows = rowsDistinct ? rows : distinct;
        final int first = rowsDistinct ? from : 0;
        if (n == 0) {
          writeKind(v4, ChunkPostings.KIND_ROWS, lists);
          EliasFanoList.write(idRows, first, 0, rowLimit, lists);
          continue;
        }
        if (refined && ChunkPostings.scanWorthReading(n, rowLimit)) {
          writeKind(true, ChunkPostings.KIND_SCAN, lists);
          continue;
        }
        if (n > listCapacity) {
          masks[g] |= 1L << (id - firstId);
          roaringCount++;
          continue;
        }
        final long rowBits = EliasFanoList.sizeBits(n, rowLimit);
        // one pass: the distinct chunks (refined only) and the Roaring containers
        final long chunksAndContainers = chunksAndContainers(idRows, first, n, chunkShift, refined ? chunks : null);
        final int c = (int) chunksAndContainers;
        final long chunkBits = refined && ChunkPostings.chunksWorthReading(c, n, chunkShift)
            ? EliasFanoList.sizeBits(c, chunkLimit) : Long.MAX_VALUE;
        final long listBits = Math.min(rowBits, chunkBits);
        // both rules only get easier for a list as the Roaring size grows, so a list that wins
        // against a floor of that size (5 + 4k header bytes and 2 per container, k containers)
        // wins against the size itself: most rare ids are decided without analysing their containers
        final long roaringFloor = 5 + 6 * (chunksAndContainers >>> 32);
        boolean list = v2 ? listBits < 8 * roaringFloor
            : CompactIndexLayout.listWorthDecoding(n, rowLimit, listBits, roaringFloor);
        if (!list) {
          final long roaringBytes = encoder.sizeBytes(idRows, first, first + n);
          list = v2 ? listBits < 8 * roaringBytes
              : CompactIndexLayout.listWorthDecoding(n, rowLimit, listBits, roaringBytes);
        }
        if (!list) {
          masks[g] |= 1L << (id - firstId);
          roaringCount++;
        } else if (chunkBits < rowBits) {
          EliasFanoList.write(ChunkPostings.KIND_CHUNKS, ChunkPostings.KIND_BITS, chunks, 0, c, chunkLimit, lists);
        } else {
          EliasFanoList.write(ChunkPostings.KIND_ROWS, v4 ? ChunkPostings.KIND_BITS : 0, idRows, first, n, rowLimit,
              lists);
        }
      }
    }

    final int regionStart = out.size();
    out.writeInt(magic);
    out.writeInt(count);
    out.writeInt(rowLimit);
    out.writeInt(roaringCount);
    out.writeLong(lists.bitCount());
    if (v4) {
      out.writeInt(chunkShift);
      out.writeInt(0);
    }
    for (int g = 0; g < groups; g++) {
      out.writeLong(masks[g]);
      out.writeLong(bitOffsets[g]);
      out.writeInt(roaringBefore[g]);
      out.writeInt(0);
    }
    final int offsetsAt = out.skip(Integer.BYTES * (roaringCount + 1));
    lists.copyTo(out);
    // second pass: the Roaring bitmaps straight into out (no staging buffer grown by copying),
    // their offsets, relative to the first bitmap, filled in behind them
    final int roaringStart = out.size();
    int roaring = 0;
    for (int g = 0; g < groups; g++) {
      long mask = masks[g];
      while (mask != 0) {
        final int id = g * CompactIndexLayout.IDS_PER_GROUP + Long.numberOfTrailingZeros(mask);
        mask &= mask - 1;
        out.setInt(offsetsAt + Integer.BYTES * roaring++, out.size() - roaringStart);
        encoder.write(rows, grouped.start(id), grouped.end(id), out);
      }
    }
    out.setInt(offsetsAt + Integer.BYTES * roaring, out.size() - roaringStart);
    return out.size() - regionStart;
  }

  private static void writeKind(boolean v4, int kind, BitStreamWriter lists) {
    if (v4) {
      lists.write(kind, ChunkPostings.KIND_BITS);
    }
  }

  /**
   * In one pass over the n ascending distinct rows {@code rows[from, from + n)}: the distinct
   * {@code 2^chunkShift}-row chunks, written to {@code chunks} unless it is null, in the low 32 bits,
   * and the Roaring containers (distinct high 16 bits) in the high 32.
   */
  private static long chunksAndContainers(int[] rows, int from, int n, int chunkShift, int[] chunks) {
    int c = 0;
    int containers = 0;
    int previousChunk = -1;
    int previousKey = -1;
    final int to = from + n;
    if (chunks == null) {
      for (int i = from; i < to; i++) {
        final int key = rows[i] >>> 16;
        containers += key != previousKey ? 1 : 0;
        previousKey = key;
      }
      return (long) containers << 32;
    }
    for (int i = from; i < to; i++) {
      final int row = rows[i];
      final int chunk = row >>> chunkShift;
      if (chunk != previousChunk) {
        chunks[c++] = chunk;
        previousChunk = chunk;
      }
      final int key = row >>> 16;
      containers += key != previousKey ? 1 : 0;
      previousKey = key;
    }
    return ((long) containers << 32) | c;
  }

  /**
   * About the bits of the list stream: every id whose entries fit a list, written as a row list. A
   * capacity hint (the stream still grows if it is short), so it is allocated once rather than grown
   * by copying.
   */
  private static long listBitsEstimate(RowsByValue grouped, int listCapacity, int rowLimit, boolean v4) {
    final int kindBits = v4 ? ChunkPostings.KIND_BITS : 0;
    long bits = 0;
    for (int id = 0; id < grouped.cardinality(); id++) {
      final int entries = grouped.end(id) - grouped.start(id);
      bits += kindBits + (entries <= listCapacity ? EliasFanoList.sizeBits(Math.min(entries, rowLimit), rowLimit) : 0);
    }
    return bits;
  }

  /** The most (row, id) entries of one id: bounds its distinct rows. */
  private static int maxRowsPerId(RowsByValue grouped) {
    int max = 0;
    for (int id = 0; id < grouped.cardinality(); id++) {
      max = Math.max(max, grouped.end(id) - grouped.start(id));
    }
    return max;
  }

  private static int rowLimit(RowsByValue grouped) {
    final int[] rows = grouped.rows();
    int max = -1;
    for (int id = 0; id < grouped.cardinality(); id++) {
      final int end = grouped.end(id);
      if (end > grouped.start(id)) {
        max = Math.max(max, rows[end - 1]);
      }
    }
    return max + 1;
  }

  /**
   * Counts the distinct rows of {@code rows[from, to)} (ascending, repeats adjacent) and, while
   * they fit, copies them into {@code distinct}.
   */
  private static int distinctRows(int[] rows, int from, int to, int[] distinct, int capacity) {
    int n = 0;
    int previous = -1;
    for (int i = from; i < to; i++) {
      final int row = rows[i];
      if (row != previous) {
        if (n < capacity) {
          distinct[n] = row;
        }
        n++;
        previous = row;
      }
    }
    return n;
  }
}
