package io.nemeton.bitmap;

import io.nemeton.bitmap.internal.CompactIndexReader;
import io.nemeton.bitmap.internal.PortableRoaringChecker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;
import org.roaringbitmap.buffer.BufferBitSetUtil;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A read-only view of an inverted index region written by {@link BitmapIndexWriter}: one
 * {@link ImmutableRoaringBitmap} per dictionary id. Both layouts are read, told apart by their
 * magic: {@link BitmapIndexLayout} ("NBI1", every id a Roaring bitmap) and {@link
 * CompactIndexLayout} ("NBI2": ids of at most 1024 rows as Elias–Fano lists; "NBI3": lists of any
 * length; "NBI4": also chunk lists and id scans, refined through the column's ids, {@link
 * ChunkPostings}). Roaring bitmaps are read straight from the (mapped) segment without copying; a list is
 * decoded (a chunk list or id scan refined) into a heap bitmap on each {@link #bitmap} call, and
 * {@link #union} decodes many straight into one word bitmap.
 *
 * <p>Checks are layered so that opening stays cheap and hostile bytes still fail with a
 * {@link BitmapFormatException}: {@link #wrap} checks the header and the whole offset table,
 * O(cardinality); {@link #bitmap} checks that bitmap's container directory, O(its containers),
 * which keeps every read of the library inside the bitmap's bytes; {@link #verify} checks every
 * container of every bitmap, O(bytes), for files not yet trusted (a checksum proves the bytes are
 * what was written, not that the writer was right).
 *
 * <p>For NBI2 and NBI3 the same layering holds: {@code wrap} checks the header, the group table and the
 * Roaring offsets, O(ids / 64 + Roaring ids); {@code bitmap} checks the list it decodes (bounds,
 * counts, strictly ascending rows below the row limit) or the Roaring bitmap's directory;
 * {@code verify} decodes every list and checks that each group's lists fill it exactly.
 *
 * <p>Thread-safe. {@link #bitmap} allocates a small view (a segment slice, a ByteBuffer over it and
 * the bitmap object) for a Roaring id and never copies its bytes; for a list id it allocates the
 * decoded rows and their bitmap; for a chunk list its chunks and either a word bitmap of the
 * segment's rows or a chunk's words and a row array; for an id scan a word bitmap of the segment's
 * rows. The {@link RowIdMatcher} given to {@code wrap} is called from any thread doing a lookup. {@link #union} allocates an array of the ids' bitmaps and, when it
 * decodes lists into a word bitmap, {@code rowCount / 8} bytes of words plus the resulting heap
 * bitmap. Returned Roaring views are valid while the underlying segment is
 * open; after its arena closes, reading them throws {@link IllegalStateException}. Decoded bitmaps
 * live on the heap and stay valid.
 */
public final class BitmapIndex {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final String THING = "bitmap index";

  private final MemorySegment region;
  private final int cardinality;
  private final long dataStart;
  /** The NBI2 / NBI3 reader, or null for an NBI1 region. */
  private final CompactIndexReader compact;
  private final BitmapIndexFormat format;

  private BitmapIndex(MemorySegment region, int cardinality, CompactIndexReader compact, BitmapIndexFormat format) {
    this.region = region;
    this.cardinality = cardinality;
    this.dataStart = BitmapIndexLayout.dataStart(cardinality);
    this.compact = compact;
    this.format = format;
  }

  /**
   * Wraps a region holding exactly the bytes {@link BitmapIndexWriter} wrote.
   *
   * @throws BitmapFormatException naming the value and the limit when the region is too small or
   *     too large, the magic is wrong, the count is negative or needs more header than the region
   *     has, or the offsets do not start at 0, decrease, pass the end or do not end at it
   */
  public static BitmapIndex wrap(MemorySegment region) {
    return wrap(region, null);
  }

  /**
   * {@link #wrap(MemorySegment)} with the column's ids, which NBI4's chunk lists and id scans
   * ({@link ChunkPostings}) need on lookup; null for a region that must hold none (a multi-value
   * column's), where a lookup of one fails with a {@link BitmapFormatException} naming the id.
   */
  public static BitmapIndex wrap(MemorySegment region, RowIdMatcher matcher) {
    Objects.requireNonNull(region, "region");
    final long size = region.byteSize();
    if (size < BitmapIndexLayout.MIN_REGION_BYTES) {
      throw fail("region size=" + size + " bytes is below the minimum=" + BitmapIndexLayout.MIN_REGION_BYTES);
    }
    if (size > Integer.MAX_VALUE) {
      throw fail("region size=" + size + " bytes is above the maximum=" + Integer.MAX_VALUE);
    }
    final int magic = region.get(INT, BitmapIndexLayout.MAGIC_OFFSET);
    if (magic == CompactIndexLayout.MAGIC || magic == CompactIndexLayout.MAGIC_V3
        || magic == CompactIndexLayout.MAGIC_V4) {
      final CompactIndexReader reader = CompactIndexReader.wrap(region, THING, magic, matcher);
      final BitmapIndexFormat format = magic == CompactIndexLayout.MAGIC ? BitmapIndexFormat.COMPACT_POSTINGS
          : magic == CompactIndexLayout.MAGIC_V3 ? BitmapIndexFormat.LIST_POSTINGS : BitmapIndexFormat.CHUNK_POSTINGS;
      return new BitmapIndex(region, reader.cardinality(), reader, format);
    }
    if (magic != BitmapIndexLayout.MAGIC) {
      throw fail(String.format("magic expected=0x%08X, 0x%08X, 0x%08X or 0x%08X actual=0x%08X", BitmapIndexLayout.MAGIC,
          CompactIndexLayout.MAGIC, CompactIndexLayout.MAGIC_V3, CompactIndexLayout.MAGIC_V4, magic));
    }
    final int count = region.get(INT, BitmapIndexLayout.COUNT_OFFSET);
    if (count < 0) {
      throw fail("count=" + count + " is negative");
    }
    final long dataStart = BitmapIndexLayout.dataStart(count);
    if (dataStart > size) {
      throw fail("count=" + count + " needs a header of " + dataStart + " bytes but region size=" + size);
    }
    final long dataBytes = size - dataStart;
    int previous = region.get(INT, BitmapIndexLayout.offsetEntryAt(0));
    if (previous != 0) {
      throw fail("offsets[0]=" + previous + " expected=0");
    }
    for (int i = 1; i <= count; i++) {
      final int offset = region.get(INT, BitmapIndexLayout.offsetEntryAt(i));
      if (offset < previous) {
        throw fail("offsets[" + i + "]=" + offset + " is below offsets[" + (i - 1) + "]=" + previous);
      }
      if (offset > dataBytes) {
        throw fail("offsets[" + i + "]=" + offset + " is past the data end=" + dataBytes + " (region size=" + size + ")");
      }
      previous = offset;
    }
    if (previous != dataBytes) {
      throw fail("offsets[" + count + "]=" + previous + " does not reach the data end=" + dataBytes
          + " (region size=" + size + ")");
    }
    return new BitmapIndex(region, count, null, BitmapIndexFormat.ROARING_ONLY);
  }

  /** The layout of the region. */
  public BitmapIndexFormat format() {
    return format;
  }

  /**
   * Whether {@code dictionaryId}'s rows are stored as a compact list, decoded into a new heap bitmap
   * by each {@link #bitmap} call, rather than as a Roaring bitmap read in place; always false for NBI1.
   */
  public boolean isList(int dictionaryId) {
    checkId(dictionaryId);
    return compact != null && compact.isList(dictionaryId);
  }

  /** How {@code dictionaryId}'s rows are stored; {@link PostingKind#ROARING} for every id of NBI1. */
  public PostingKind postingKind(int dictionaryId) {
    checkId(dictionaryId);
    final int kind = compact == null ? -1 : compact.entryKind(dictionaryId);
    return switch (kind) {
      case -1 -> PostingKind.ROARING;
      case ChunkPostings.KIND_CHUNKS -> PostingKind.CHUNK_LIST;
      case ChunkPostings.KIND_SCAN -> PostingKind.ID_SCAN;
      default -> PostingKind.ROW_LIST;
    };
  }

  /** The number of dictionary ids, each with one bitmap. */
  public int cardinality() {
    return cardinality;
  }

  /** The region's size in bytes. */
  public long sizeBytes() {
    return region.byteSize();
  }

  /**
   * Bytes of the serialized bitmap of {@code dictionaryId} (for a list, its bits rounded up to whole
   * bytes); 0 when it is an empty Roaring entry.
   */
  public int bitmapSizeBytes(int dictionaryId) {
    checkId(dictionaryId);
    if (compact != null) {
      return compact.sizeBytes(dictionaryId);
    }
    return offset(dictionaryId + 1) - offset(dictionaryId);
  }

  /** Whether no row holds {@code dictionaryId}; O(1) (NBI2: O(ids in its group of 64)), builds no bitmap. */
  public boolean isEmpty(int dictionaryId) {
    if (compact != null) {
      checkId(dictionaryId);
      return compact.isEmpty(dictionaryId);
    }
    return bitmapSizeBytes(dictionaryId) == 0;
  }

  /**
   * The rows holding {@code dictionaryId}, as a view of the region's bytes.
   *
   * @throws IllegalArgumentException when the id is outside {@code [0, cardinality)}
   * @throws BitmapFormatException when the bitmap's container directory is malformed
   */
  public ImmutableRoaringBitmap bitmap(int dictionaryId) {
    checkId(dictionaryId);
    if (compact != null) {
      return compact.bitmap(dictionaryId);
    }
    final int start = offset(dictionaryId);
    final int length = offset(dictionaryId + 1) - start;
    if (length == 0) {
      return Bitmaps.empty();
    }
    final long at = dataStart + start;
    PortableRoaringChecker.checkStructure(region, at, length, THING, dictionaryId);
    // a fresh buffer per call: segments are thread-safe, a shared ByteBuffer is not promised to be
    return new ImmutableRoaringBitmap(region.asSlice(at, length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * The rows holding any of {@code dictionaryIds[0, idCount)}, in a segment of {@code rowCount}
   * rows: what {@link Bitmaps#union} of their {@link #bitmap}s gives, built more cheaply when lists
   * hold many rows. Lists holding together at least {@code rowCount / 64} rows are decoded straight
   * into one word bitmap of {@code rowCount} bits (no row array, no bitmap per id, no merge), which
   * becomes one heap bitmap; fewer list rows go through {@link #bitmap}; Roaring ids are read in
   * place. The result follows {@link Bitmaps#union}'s rules: read-only, possibly one of the inputs.
   *
   * @throws IllegalArgumentException when an id is outside {@code [0, cardinality)}, idCount is
   *     outside {@code [0, dictionaryIds.length]} or rowCount is negative
   * @throws BitmapFormatException when a list or a container directory is malformed
   */
  public ImmutableRoaringBitmap union(int[] dictionaryIds, int idCount, int rowCount) {
    if (idCount < 0 || idCount > dictionaryIds.length || rowCount < 0) {
      throw new IllegalArgumentException(THING + ": idCount=" + idCount + " outside [0, ids length="
          + dictionaryIds.length + "] or rowCount=" + rowCount + " negative");
    }
    final ImmutableRoaringBitmap[] parts = new ImmutableRoaringBitmap[idCount + 1];
    int partCount = 0;
    long listRows = 0;
    for (int i = 0; i < idCount; i++) {
      final int id = dictionaryIds[i];
      checkId(id);
      final long n = compact == null ? -1 : compact.rowsBound(id);
      if (n < 0) {
        parts[partCount++] = bitmap(id);
      } else {
        listRows += n;
      }
    }
    // the word bitmap spans the segment's rows; an index claiming rows past them takes the other path
    if (listRows > 0 && listRows >= rowCount >>> 6 && compact.rowLimit() <= rowCount) {
      final long[] words = new long[CompactIndexReader.wordCount(rowCount)];
      for (int i = 0; i < idCount; i++) {
        compact.orInto(dictionaryIds[i], words);
      }
      parts[partCount++] = BufferBitSetUtil.bitmapOf(words);
    } else if (listRows > 0) {
      for (int i = 0; i < idCount; i++) {
        if (compact.isList(dictionaryIds[i])) {
          parts[partCount++] = compact.bitmap(dictionaryIds[i]);
        }
      }
    }
    return Bitmaps.union(parts, partCount, rowCount);
  }

  /**
   * Checks every container of every bitmap (O(bytes)); see the class comment. After it returns,
   * every operation on every bitmap of this index reads only well-formed containers.
   *
   * @throws BitmapFormatException naming the first malformed bitmap and container
   */
  public void verify() {
    if (compact != null) {
      compact.verify();
      return;
    }
    for (int id = 0; id < cardinality; id++) {
      final int start = offset(id);
      final int length = offset(id + 1) - start;
      if (length != 0) {
        PortableRoaringChecker.checkContents(region, dataStart + start, length, THING, id);
      }
    }
  }

  private int offset(int index) {
    return region.get(INT, BitmapIndexLayout.offsetEntryAt(index));
  }

  private void checkId(int dictionaryId) {
    if (dictionaryId < 0 || dictionaryId >= cardinality) {
      throw new IllegalArgumentException(
          THING + ": dictionary id=" + dictionaryId + " is outside [0, cardinality=" + cardinality + ")");
    }
  }

  private static BitmapFormatException fail(String problem) {
    return new BitmapFormatException(THING + ": " + problem);
  }
}
