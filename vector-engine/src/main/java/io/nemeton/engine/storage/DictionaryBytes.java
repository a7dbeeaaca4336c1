package io.nemeton.engine.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A string column's sorted dictionary as UTF-8 bytes: every value back to back in id order, and
 * {@code cardinality + 1} little-endian u32 offsets (value {@code id} spans {@code [start(id),
 * end(id))}; the null id's entry is empty). Lets a merge walk and compare the values of several
 * segments on offsets, without a slice or a String per value. Also says, computed once when built,
 * whether any value holds a byte at or above 0xED (a character at or above U+D000, where Java's
 * UTF-16 order, which sorts the dictionary, and code point order can part).
 *
 * <p>Immutable and thread-safe. A mapped column's instance views the segment's mapping (no copy)
 * and is valid while the segment is open; {@link #encode} copies onto the heap.
 */
public final class DictionaryBytes {
  /** Offsets are little-endian u32, as in the segment file. */
  private static final ValueLayout.OfInt OFFSET = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfLong BIG_ENDIAN_WORD = WORD.withOrder(ByteOrder.BIG_ENDIAN);

  private final MemorySegment values;
  private final MemorySegment offsets;
  private final int cardinality;
  private final boolean hasNull;
  private final boolean hasByteFromED;
  /** Built on first use by {@link #firstWords()}; a benign race may build it twice. */
  private volatile long[] firstWords;
  private volatile int[] heapOffsets;

  /**
   * Wraps a dictionary's bytes; checks that the offsets cover {@code values} exactly (their
   * ascending order was checked when the segment was opened, or holds by construction).
   */
  public static DictionaryBytes of(MemorySegment values, MemorySegment offsets, int cardinality, boolean hasNull) {
    if (cardinality < 0 || offsets.byteSize() != 4L * (cardinality + 1L)) {
      throw new IllegalArgumentException("dictionary offsets byteSize=" + offsets.byteSize() + " do not fit cardinality="
          + cardinality + " (expected " + (4L * (cardinality + 1L)) + ")");
    }
    final long last = Integer.toUnsignedLong(offsets.getAtIndex(OFFSET, cardinality));
    if (offsets.getAtIndex(OFFSET, 0) != 0 || last != values.byteSize()) {
      throw new IllegalArgumentException("dictionary offsets span [" + offsets.getAtIndex(OFFSET, 0) + ", " + last
          + "), expected [0, " + values.byteSize() + ")");
    }
    return new DictionaryBytes(values, offsets, cardinality, hasNull);
  }

  /** Encodes a column's decoded values (the heap storage; allocates the whole dictionary's bytes). */
  public static DictionaryBytes encode(StringColumn column) {
    final int cardinality = column.cardinality();
    final byte[][] encoded = new byte[cardinality][];
    long total = 0;
    for (int id = 0; id < cardinality; id++) {
      final String value = column.value(id);
      encoded[id] = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
      total += encoded[id].length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("dictionary of column=" + column.name() + " holds " + total
          + " UTF-8 bytes, over the limit " + (Integer.MAX_VALUE - 16));
    }
    final byte[] bytes = new byte[(int) total];
    final MemorySegment offsets = MemorySegment.ofArray(new byte[4 * (cardinality + 1)]);
    int at = 0;
    for (int id = 0; id < cardinality; id++) {
      offsets.setAtIndex(OFFSET, id, at);
      System.arraycopy(encoded[id], 0, bytes, at, encoded[id].length);
      at += encoded[id].length;
    }
    offsets.setAtIndex(OFFSET, cardinality, at);
    return new DictionaryBytes(MemorySegment.ofArray(bytes), offsets, cardinality, column.hasNullValue());
  }

  private DictionaryBytes(MemorySegment values, MemorySegment offsets, int cardinality, boolean hasNull) {
    this.values = values;
    this.offsets = offsets;
    this.cardinality = cardinality;
    this.hasNull = hasNull;
    this.hasByteFromED = hasByteFromED(values, 0, values.byteSize());
  }

  /** All values' bytes. */
  public MemorySegment values() {
    return values;
  }

  public int cardinality() {
    return cardinality;
  }

  /** Whether {@code id} is the null value. */
  public boolean isNull(int id) {
    return hasNull && id == 0;
  }

  /** Where value {@code id} starts in {@link #values}. */
  public int start(int id) {
    return offsets.getAtIndex(OFFSET, id);
  }

  /** Where value {@code id} ends (exclusive) in {@link #values}. */
  public int end(int id) {
    return offsets.getAtIndex(OFFSET, id + 1);
  }

  /**
   * Each value's first eight bytes as a big-endian word, zero-padded when shorter (the null id's is
   * 0), so that unsigned order of two words is the byte order of the values' first eight bytes.
   * Built on first call (8 bytes per value, kept with the column while its segment is open) and
   * shared; callers must not modify it.
   */
  public long[] firstWords() {
    long[] words = firstWords;
    if (words == null) {
      words = new long[cardinality];
      final int[] starts = offsets();
      final long size = values.byteSize();
      for (int id = 0; id < cardinality; id++) {
        final int from = starts[id];
        final int length = starts[id + 1] - from;
        long word;
        if (length >= Long.BYTES || (length > 0 && from + Long.BYTES <= size)) {
          word = values.get(BIG_ENDIAN_WORD, from);
          if (length < Long.BYTES) {
            // read past the value's end: clear what follows it
            word &= -1L << (Long.SIZE - Byte.SIZE * length);
          }
        } else {
          word = 0;
          for (int i = 0; i < length; i++) {
            word |= (values.get(ValueLayout.JAVA_BYTE, from + i) & 0xFFL) << (Long.SIZE - Byte.SIZE * (i + 1));
          }
        }
        words[id] = word;
      }
      firstWords = words;
    }
    return words;
  }

  /**
   * The offsets as a heap array of {@code cardinality + 1} entries (value {@code id} spans {@code
   * [offsets[id], offsets[id + 1])}): built on first call, shared; callers must not modify it.
   */
  public int[] offsets() {
    int[] copy = heapOffsets;
    if (copy == null) {
      copy = new int[cardinality + 1];
      for (int id = 0; id <= cardinality; id++) {
        copy[id] = offsets.getAtIndex(OFFSET, id);
      }
      heapOffsets = copy;
    }
    return copy;
  }

  /** Whether some value holds a byte at or above 0xED (a character at or above U+D000). */
  public boolean hasByteFromED() {
    return hasByteFromED;
  }

  /**
   * Whether a byte of {@code bytes[from, to)} is at or above 0xED. Reads eight bytes at a time:
   * ASCII words (no high bit) are ruled out with one test; only words with a high bit are looked
   * at byte by byte.
   */
  public static boolean hasByteFromED(MemorySegment bytes, long from, long to) {
    long i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      if ((bytes.get(WORD, i) & 0x8080808080808080L) != 0 && hasByteFromEDSlow(bytes, i, i + Long.BYTES)) {
        return true;
      }
    }
    return hasByteFromEDSlow(bytes, i, to);
  }

  private static boolean hasByteFromEDSlow(MemorySegment bytes, long from, long to) {
    for (long i = from; i < to; i++) {
      if ((bytes.get(ValueLayout.JAVA_BYTE, i) & 0xFF) >= 0xED) {
        return true;
      }
    }
    return false;
  }
}
