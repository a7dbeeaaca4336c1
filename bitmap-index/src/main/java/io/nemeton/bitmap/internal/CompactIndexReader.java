package io.nemeton.bitmap.internal;

import io.nemeton.bitmap.BitmapFormatException;
import io.nemeton.bitmap.Bitmaps;
import io.nemeton.bitmap.ChunkPostings;
import io.nemeton.bitmap.CompactIndexLayout;
import io.nemeton.bitmap.RowIdMatcher;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.roaringbitmap.buffer.BufferBitSetUtil;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reads a {@link CompactIndexLayout} region: the checks of {@link #wrap} cover the header, every
 * group entry and the Roaring offsets (O(ids / 64 + Roaring ids)); {@link #bitmap} checks what it
 * reads; {@link #verify} decodes every list and checks every Roaring container.
 *
 * <p>Reads three magics: NBI2 (lists of at most {@link CompactIndexLayout#MAX_LIST_ROWS} rows),
 * NBI3 (at most {@link CompactIndexLayout#MAX_LIST_ROWS_V3}) and NBI4 (a kind in front of every
 * stream entry: row lists, chunk lists and id scans, {@link ChunkPostings}).
 *
 * <p>Immutable and thread-safe. A Roaring id's bitmap is a view of the region; a list id's bitmap is
 * decoded into a new heap bitmap, or straight into a caller's word bitmap by {@link #orInto}; chunk
 * lists and id scans are refined through the {@link RowIdMatcher} given to {@link #wrap}.
 */
public final class CompactIndexReader {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final MemorySegment region;
  private final String thing;
  private final int count;
  private final int rowLimit;
  /** The most rows a list may hold in this region's layout. */
  private final int maxListRows;
  private final int groups;
  private final long compactBits;
  private final long roaringOffsetsAt;
  private final long listStart;
  private final long roaringStart;
  /** NBI4: every stream entry starts with a kind; the header is {@link CompactIndexLayout#HEADER_BYTES_V4}. */
  private final boolean v4;
  private final int headerBytes;
  /** NBI4: log2 of the rows per chunk of chunk lists, and the chunk lists' universe. */
  private final int chunkShift;
  private final int chunkLimit;
  /** Refines chunk lists and id scans; null when the column offers none (multi-value, plain regions). */
  private final RowIdMatcher matcher;

  private CompactIndexReader(MemorySegment region, String thing, int count, int rowLimit, int maxListRows,
      int roaringCount, long compactBits, boolean v4, int chunkShift, RowIdMatcher matcher) {
    this.v4 = v4;
    this.headerBytes = v4 ? CompactIndexLayout.HEADER_BYTES_V4 : CompactIndexLayout.HEADER_BYTES;
    this.chunkShift = chunkShift;
    this.chunkLimit = ChunkPostings.chunkLimit(rowLimit, chunkShift);
    this.matcher = matcher;
    this.region = region;
    this.thing = thing;
    this.count = count;
    this.rowLimit = rowLimit;
    this.maxListRows = maxListRows;
    this.groups = CompactIndexLayout.groupCount(count);
    this.compactBits = compactBits;
    this.roaringOffsetsAt = CompactIndexLayout.roaringOffsetsAt(headerBytes, count);
    this.listStart = CompactIndexLayout.listStart(headerBytes, count, roaringCount);
    this.roaringStart = listStart + CompactIndexLayout.listBytes(compactBits);
  }

  /**
   * Checks the header, the group table and the Roaring offsets; see the class comment. The caller
   * has read the magic: {@link CompactIndexLayout#MAGIC} or {@link CompactIndexLayout#MAGIC_V3}.
   */
  public static CompactIndexReader wrap(MemorySegment region, String thing, int magic) {
    return wrap(region, thing, magic, null);
  }

  /**
   * {@link #wrap(MemorySegment, String, int)} for any of NBI2, NBI3 and NBI4, with the matcher that
   * refines NBI4's chunk lists and id scans (null: a lookup of one fails naming the id).
   */
  public static CompactIndexReader wrap(MemorySegment region, String thing, int magic, RowIdMatcher matcher) {
    final int maxListRows;
    if (magic == CompactIndexLayout.MAGIC) {
      maxListRows = CompactIndexLayout.MAX_LIST_ROWS;
    } else if (magic == CompactIndexLayout.MAGIC_V3 || magic == CompactIndexLayout.MAGIC_V4) {
      maxListRows = CompactIndexLayout.MAX_LIST_ROWS_V3;
    } else {
      throw fail(thing, String.format("magic expected=0x%08X, 0x%08X or 0x%08X actual=0x%08X", CompactIndexLayout.MAGIC,
          CompactIndexLayout.MAGIC_V3, CompactIndexLayout.MAGIC_V4, magic));
    }
    final boolean v4 = magic == CompactIndexLayout.MAGIC_V4;
    final long size = region.byteSize();
    final long minBytes = CompactIndexLayout.MIN_REGION_BYTES + (v4 ? CompactIndexLayout.HEADER_BYTES_V4
        - CompactIndexLayout.HEADER_BYTES : 0);
    if (size < minBytes) {
      throw fail(thing, "region size=" + size + " bytes is below the minimum=" + minBytes);
    }
    final int chunkShift = v4 ? region.get(INT, CompactIndexLayout.CHUNK_SHIFT_OFFSET) : ChunkPostings.DEFAULT_CHUNK_SHIFT;
    if (chunkShift < 0 || chunkShift > ChunkPostings.MAX_CHUNK_SHIFT) {
      throw fail(thing, "chunkShift=" + chunkShift + " is outside [0, " + ChunkPostings.MAX_CHUNK_SHIFT + "]");
    }
    final int count = region.get(INT, CompactIndexLayout.COUNT_OFFSET);
    final int rowLimit = region.get(INT, CompactIndexLayout.ROW_LIMIT_OFFSET);
    final int roaringCount = region.get(INT, CompactIndexLayout.ROARING_COUNT_OFFSET);
    final long compactBits = region.get(LONG, CompactIndexLayout.COMPACT_BITS_OFFSET);
    if (count < 0 || rowLimit < 0) {
      throw fail(thing, "count=" + count + " rowLimit=" + rowLimit + ": both must be >= 0");
    }
    if (roaringCount < 0 || roaringCount > count) {
      throw fail(thing, "roaringCount=" + roaringCount + " is outside [0, count=" + count + "]");
    }
    if (compactBits < 0 || compactBits > 8 * size) {
      throw fail(thing, "compactBits=" + compactBits + " is outside [0, 8 * region size=" + size + "]");
    }
    final long roaringStart = CompactIndexLayout.listStart(v4 ? CompactIndexLayout.HEADER_BYTES_V4
        : CompactIndexLayout.HEADER_BYTES, count, roaringCount) + CompactIndexLayout.listBytes(compactBits);
    if (roaringStart > size) {
      throw fail(thing, "count=" + count + " roaringCount=" + roaringCount + " compactBits=" + compactBits
          + " need " + roaringStart + " bytes before the Roaring data but region size=" + size);
    }
    if (matcher != null && rowLimit > matcher.rowCount()) {
      throw fail(thing, "rowLimit=" + rowLimit + " is above the column's rowCount=" + matcher.rowCount());
    }
    final CompactIndexReader reader = new CompactIndexReader(region, thing, count, rowLimit, maxListRows, roaringCount,
        compactBits, v4, chunkShift, matcher);
    reader.checkGroups(roaringCount);
    reader.checkRoaringOffsets(roaringCount, size - roaringStart);
    return reader;
  }

  private void checkGroups(int roaringCount) {
    int roaringSeen = 0;
    long previousOffset = 0;
    for (int g = 0; g < groups; g++) {
      final long mask = mask(g);
      final long offset = bitOffset(g);
      final int before = roaringBefore(g);
      if (before != roaringSeen) {
        throw fail(thing, "group=" + g + " roaringBefore=" + before + " expected=" + roaringSeen);
      }
      if (g == 0 ? offset != 0 : offset < previousOffset || offset > compactBits) {
        throw fail(thing, "group=" + g + " bitOffset=" + offset + " is outside [" + (g == 0 ? 0 : previousOffset) + ", "
            + (g == 0 ? 0 : compactBits) + "]");
      }
      final int idsInGroup = Math.min(CompactIndexLayout.IDS_PER_GROUP, count - g * CompactIndexLayout.IDS_PER_GROUP);
      if (idsInGroup < CompactIndexLayout.IDS_PER_GROUP && (mask >>> idsInGroup) != 0) {
        throw fail(thing, "group=" + g + " roaringMask=0x" + Long.toHexString(mask) + " marks ids at or past count=" + count);
      }
      roaringSeen += Long.bitCount(mask);
      previousOffset = offset;
    }
    if (roaringSeen != roaringCount) {
      throw fail(thing, "group masks mark " + roaringSeen + " Roaring ids but roaringCount=" + roaringCount);
    }
  }

  private void checkRoaringOffsets(int roaringCount, long dataBytes) {
    int previous = roaringOffset(0);
    if (previous != 0) {
      throw fail(thing, "roaringOffsets[0]=" + previous + " expected=0");
    }
    for (int r = 1; r <= roaringCount; r++) {
      final int offset = roaringOffset(r);
      if (offset < previous || offset > dataBytes) {
        throw fail(thing, "roaringOffsets[" + r + "]=" + offset + " is outside [roaringOffsets[" + (r - 1) + "]="
            + previous + ", data end=" + dataBytes + "]");
      }
      previous = offset;
    }
    if (previous != dataBytes) {
      throw fail(thing, "roaringOffsets[" + roaringCount + "]=" + previous + " does not reach the data end=" + dataBytes);
    }
  }

  public int cardinality() {
    return count;
  }

  /** Whether {@code id} is stored as a list rather than a Roaring bitmap. */
  public boolean isList(int id) {
    return (mask(id >>> 6) >>> (id & 63) & 1) == 0;
  }

  /** Whether no row holds {@code id}; O(ids in its group), builds nothing (an id scan: false). */
  public boolean isEmpty(int id) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      final int r = roaringRank(group, mask, id);
      return roaringOffset(r + 1) == roaringOffset(r);
    }
    final long at = listAt(group, mask, id);
    final long end = groupEnd(group);
    final int kind = kindAt(at, end, id);
    return kind != ChunkPostings.KIND_SCAN && count(kind, at, end, id) == 0;
  }

  /** Bytes {@code id}'s rows take: its Roaring bitmap, or its stream entry rounded up to whole bytes. */
  public int sizeBytes(int id) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      final int r = roaringRank(group, mask, id);
      return roaringOffset(r + 1) - roaringOffset(r);
    }
    return (int) ((entryBits(listAt(group, mask, id), groupEnd(group), id) + 7) >>> 3);
  }

  /**
   * The rows holding {@code id}: a view for a Roaring id, a new heap bitmap for the others (a list
   * decoded; a chunk list or id scan refined through the matcher).
   */
  public ImmutableRoaringBitmap bitmap(int id) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      final int r = roaringRank(group, mask, id);
      final int start = roaringOffset(r);
      final int length = roaringOffset(r + 1) - start;
      if (length == 0) {
        return Bitmaps.empty();
      }
      final long at = roaringStart + start;
      PortableRoaringChecker.checkStructure(region, at, length, thing, id);
      return new ImmutableRoaringBitmap(region.asSlice(at, length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
    }
    final long entry = listAt(group, mask, id);
    final long end = groupEnd(group);
    final int kind = kindAt(entry, end, id);
    if (kind == ChunkPostings.KIND_CHUNKS) {
      return ChunkRefinement.bitmap(requireMatcher(id, kind), id, readChunks(id, entry, end), chunkShift, rowLimit);
    }
    if (kind == ChunkPostings.KIND_SCAN) {
      final long[] words = new long[wordCount(rowLimit)];
      requireMatcher(id, kind).matchRows(id, 0, rowLimit, words, 0);
      return BufferBitSetUtil.bitmapOf(words);
    }
    final long at = bodyAt(entry);
    final int n = EliasFanoList.readCount(region, listStart, at, end, rowLimit, maxListRows, thing, id);
    if (n == 0) {
      return Bitmaps.empty();
    }
    if (n >= rowLimit >>> 6) {
      // at least one row per 64 on average: a word bitmap of U bits is no bigger than the rows
      final long[] words = new long[wordCount(rowLimit)];
      EliasFanoList.orInto(region, listStart, at, end, n, rowLimit, words, thing, id);
      return BufferBitSetUtil.bitmapOf(words);
    }
    final int[] rows = new int[n];
    EliasFanoList.read(region, listStart, at, end, n, rowLimit, rows, thing, id);
    return ChunkRefinement.heapBitmap(rows, n);
  }

  /** The row limit U: every row of every list is below it. */
  public int rowLimit() {
    return rowLimit;
  }

  /** Rows of row-list id {@code id}; -1 for a Roaring id, a chunk list or an id scan. O(ids in its group). */
  public int listRows(int id) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      return -1;
    }
    final long at = listAt(group, mask, id);
    final long end = groupEnd(group);
    return kindAt(at, end, id) == ChunkPostings.KIND_ROWS ? count(ChunkPostings.KIND_ROWS, at, end, id) : -1;
  }

  /** The kind of id {@code id}: -1 for a Roaring id, else {@link ChunkPostings#KIND_ROWS} and so on. */
  public int entryKind(int id) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      return -1;
    }
    return kindAt(listAt(group, mask, id), groupEnd(group), id);
  }

  /**
   * At most how many rows a lookup of non-Roaring id {@code id} visits (a list's rows, a chunk
   * list's chunks' rows, U for an id scan); -1 for a Roaring id. O(ids in its group).
   */
  public long rowsBound(int id) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      return -1;
    }
    final long at = listAt(group, mask, id);
    final long end = groupEnd(group);
    final int kind = kindAt(at, end, id);
    return switch (kind) {
      case ChunkPostings.KIND_SCAN -> rowLimit;
      case ChunkPostings.KIND_CHUNKS -> Math.min((long) count(kind, at, end, id) << chunkShift, rowLimit);
      default -> count(kind, at, end, id);
    };
  }

  /**
   * Sets the rows of non-Roaring id {@code id} in the word bitmap {@code words} (row r is bit
   * {@code r & 63} of word {@code r >>> 6}; at least {@code ceil(rowLimit / 64)} words), checking the
   * list as {@link #bitmap} does, refining chunk lists and id scans through the matcher. Returns
   * false, touching nothing, for a Roaring id.
   */
  public boolean orInto(int id, long[] words) {
    final int group = id >>> 6;
    final long mask = mask(group);
    if ((mask >>> (id & 63) & 1) != 0) {
      return false;
    }
    if ((long) words.length << 6 < rowLimit) {
      throw new IllegalArgumentException(thing + " id=" + id + ": words length=" + words.length
          + " holds fewer than rowLimit=" + rowLimit + " rows");
    }
    final long entry = listAt(group, mask, id);
    final long end = groupEnd(group);
    final int kind = kindAt(entry, end, id);
    if (kind == ChunkPostings.KIND_CHUNKS) {
      ChunkRefinement.match(requireMatcher(id, kind), id, readChunks(id, entry, end), chunkShift, rowLimit, words);
    } else if (kind == ChunkPostings.KIND_SCAN) {
      requireMatcher(id, kind).matchRows(id, 0, rowLimit, words, 0);
    } else {
      final long at = bodyAt(entry);
      final int n = EliasFanoList.readCount(region, listStart, at, end, rowLimit, maxListRows, thing, id);
      EliasFanoList.orInto(region, listStart, at, end, n, rowLimit, words, thing, id);
    }
    return true;
  }

  /** The chunks of the chunk list at stream bit {@code entry}, checked ascending and below the chunk limit. */
  private int[] readChunks(int id, long entry, long end) {
    final long at = bodyAt(entry);
    final int c = EliasFanoList.readCount(region, listStart, at, end, chunkLimit, maxListRows, thing, id);
    final int[] chunks = new int[c];
    EliasFanoList.read(region, listStart, at, end, c, chunkLimit, chunks, thing, id);
    return chunks;
  }

  private RowIdMatcher requireMatcher(int id, int kind) {
    if (matcher == null) {
      throw fail(thing, "id=" + id + " is " + (kind == ChunkPostings.KIND_SCAN ? "an id scan" : "a chunk list")
          + ", which needs the column's ids, but the index was opened without them (multi-value column or bare region)");
    }
    return matcher;
  }

  /** Words of a word bitmap holding rows below {@code rows}. */
  public static int wordCount(int rows) {
    return (int) ((rows + 63L) >>> 6);
  }

  /** Decodes every list and chunk list (each group filled exactly) and checks every Roaring container. */
  public void verify() {
    int[] rows = new int[Math.min(rowLimit, CompactIndexLayout.MAX_LIST_ROWS)];
    for (int g = 0; g < groups; g++) {
      final long mask = mask(g);
      final long end = groupEnd(g);
      long at = bitOffset(g);
      final int firstId = g * CompactIndexLayout.IDS_PER_GROUP;
      final int lastId = Math.min(count, firstId + CompactIndexLayout.IDS_PER_GROUP);
      for (int id = firstId; id < lastId; id++) {
        if ((mask >>> (id & 63) & 1) != 0) {
          final int r = roaringRank(g, mask, id);
          final int start = roaringOffset(r);
          final int length = roaringOffset(r + 1) - start;
          if (length != 0) {
            PortableRoaringChecker.checkContents(region, roaringStart + start, length, thing, id);
          }
          continue;
        }
        final int kind = kindAt(at, end, id);
        final long body = bodyAt(at);
        if (kind == ChunkPostings.KIND_SCAN) {
          at = body;
          continue;
        }
        final int universe = kind == ChunkPostings.KIND_CHUNKS ? chunkLimit : rowLimit;
        final int n = EliasFanoList.readCount(region, listStart, body, end, universe, maxListRows, thing, id);
        if (n > rows.length) {
          rows = new int[n];
        }
        at = EliasFanoList.read(region, listStart, body, end, n, universe, rows, thing, id);
      }
      if (at != end) {
        throw fail(thing, "group=" + g + " lists end at bit=" + at + " but the group ends at bit=" + end);
      }
    }
  }

  /** The stream bit where list id {@code id} starts: past the lists of the ids before it in its group. */
  private long listAt(int group, long mask, int id) {
    long at = bitOffset(group);
    final long end = groupEnd(group);
    for (int i = group << 6; i < id; i++) {
      if ((mask >>> (i & 63) & 1) == 0) {
        at += entryBits(at, end, i);
      }
    }
    return at;
  }

  /** NBI4: the kind in front of the entry at stream bit {@code at}, checked; NBI2 and NBI3: rows. */
  private int kindAt(long at, long end, int id) {
    if (!v4) {
      return ChunkPostings.KIND_ROWS;
    }
    if (at + ChunkPostings.KIND_BITS > end) {
      throw fail(thing, "id=" + id + ": kind at bit=" + at + " runs past its group's end bit=" + end);
    }
    final int kind = (int) (EliasFanoList.window(region, listStart, at) & 3);
    if (kind > ChunkPostings.KIND_SCAN) {
      throw fail(thing, "id=" + id + ": kind=" + kind + " at bit=" + at + " is not 0 (rows), 1 (chunks) or 2 (scan)");
    }
    return kind;
  }

  private long bodyAt(long at) {
    return v4 ? at + ChunkPostings.KIND_BITS : at;
  }

  /** The count (rows or chunks) of the entry of a kind other than scan at stream bit {@code at}. */
  private int count(int kind, long at, long end, int id) {
    final int universe = kind == ChunkPostings.KIND_CHUNKS ? chunkLimit : rowLimit;
    return EliasFanoList.readCount(region, listStart, bodyAt(at), end, universe, maxListRows, thing, id);
  }

  /** Bits of the entry at stream bit {@code at}, kind included. */
  private long entryBits(long at, long end, int id) {
    final int kind = kindAt(at, end, id);
    final long kindBits = bodyAt(at) - at;
    if (kind == ChunkPostings.KIND_SCAN) {
      return kindBits;
    }
    final int universe = kind == ChunkPostings.KIND_CHUNKS ? chunkLimit : rowLimit;
    return kindBits + EliasFanoList.sizeBits(count(kind, at, end, id), universe);
  }

  private int roaringRank(int group, long mask, int id) {
    return roaringBefore(group) + Long.bitCount(mask & ((1L << (id & 63)) - 1));
  }

  private long groupEnd(int group) {
    return group + 1 < groups ? bitOffset(group + 1) : compactBits;
  }

  private long mask(int group) {
    return region.get(LONG, CompactIndexLayout.groupAt(headerBytes, group) + CompactIndexLayout.GROUP_MASK_OFFSET);
  }

  private long bitOffset(int group) {
    return region.get(LONG, CompactIndexLayout.groupAt(headerBytes, group) + CompactIndexLayout.GROUP_BIT_OFFSET_OFFSET);
  }

  private int roaringBefore(int group) {
    return region.get(INT, CompactIndexLayout.groupAt(headerBytes, group) + CompactIndexLayout.GROUP_ROARING_BEFORE_OFFSET);
  }

  private int roaringOffset(int index) {
    return region.get(INT, roaringOffsetsAt + (long) CompactIndexLayout.ROARING_OFFSET_ENTRY_BYTES * index);
  }

  private static BitmapFormatException fail(String thing, String problem) {
    return new BitmapFormatException(thing + ": " + problem);
  }
}
