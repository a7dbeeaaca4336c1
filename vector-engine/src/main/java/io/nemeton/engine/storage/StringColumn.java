package io.nemeton.engine.storage;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.bitmap.SortedDictionary;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A dictionary-encoded string column of one segment: the sorted dictionary (Java {@code String}
 * order, null at id 0 when the column has nulls), one row bitmap per id, and per-thread block
 * readers of the ids. Thread-safe; valid while its segment is open.
 */
public interface StringColumn extends SortedDictionary {

  String name();

  boolean multiValue();

  /** Whether id 0 is null. */
  boolean hasNullValue();

  /**
   * The UTF-8 bytes of dictionary id {@code id}'s value, null for the null id; read-only, valid
   * while the segment is open. A mapped column returns a view of the file (no copy), so values of
   * several segments compare without decoding; this default encodes the decoded value.
   */
  default MemorySegment valueBytes(int id) {
    final String value = value(id);
    return value == null ? null : MemorySegment.ofArray(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The whole dictionary as UTF-8 bytes and offsets, for walking values without a slice or a
   * String each; valid while the segment is open. This default encodes every value (allocates the
   * dictionary's bytes); a mapped column returns a view of the file, built once.
   */
  default DictionaryBytes dictionaryBytes() {
    return DictionaryBytes.encode(this);
  }

  /** The id of {@code value} (null allowed), or {@code -(insertion point) - 1} when absent. */
  int lookupId(String value);

  /** Rows holding id {@code id}; read-only, valid while the segment is open. */
  ImmutableRoaringBitmap bitmap(int id);

  /**
   * Rows holding any of {@code ids[0, count)} in a segment of {@code rowCount} rows; read-only,
   * valid while the segment is open. A mapped column decodes many list-coded ids straight into one
   * word bitmap; this default unions the ids' bitmaps.
   */
  default ImmutableRoaringBitmap union(int[] ids, int count, int rowCount) {
    final ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[count];
    for (int i = 0; i < count; i++) {
      bitmaps[i] = bitmap(ids[i]);
    }
    return Bitmaps.union(bitmaps, count, rowCount);
  }

  /** Whether no row holds id {@code id}. */
  default boolean isEmpty(int id) {
    return bitmap(id).isEmpty();
  }

  /** A new per-thread reader of the ids. */
  StringBlocks newBlocks();
}
