package io.nemeton.segment.format;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;

/**
 * The front coding of a sorted dictionary's values ({@link DictionaryLayout}, flag bit 1): buckets of
 * {@code 1 << bucketShift} values, each entry a nibble-packed (prefix, suffix) length byte, varints
 * for lengths of 15 and more, then the suffix bytes. Sorted short values share most of their bytes
 * with their neighbour, and a bucket offset replaces a value offset per value.
 *
 * <p>Stateless and thread-safe. {@link #encode} writes into the caller's buffers; {@link #decode}
 * writes into the caller's arrays and allocates only to throw. Decoding checks every length against
 * the bucket, the previous value and the declared total, so hostile bytes are refused, never read or
 * written out of bounds.
 */
final class FrontCoding {
  private static final int ESCAPE = DictionaryLayout.NIBBLE_ESCAPE;

  private FrontCoding() {}

  /**
   * Front-codes values {@code [0, cardinality)}, value {@code i} being {@code values[offsets[i],
   * offsets[i + 1])} ({@code offsets[0]} is 0), into {@code coded}, and the buckets' start offsets
   * plus the end into {@code bucketOffsets} (u32 little-endian); both are cleared first.
   */
  static void encode(byte[] values, int[] offsets, int cardinality, int bucketShift, GrowableBytes coded,
      GrowableBytes bucketOffsets) {
    coded.clear();
    bucketOffsets.clear();
    // room for the usual case at once (a length byte and the value's bytes at most): growing by
    // copying a dictionary's worth of bytes cost more than the coding
    coded.ensureCapacity(offsets[cardinality] + cardinality);
    bucketOffsets.ensureCapacity(4 * (DictionaryLayout.bucketCount(cardinality, bucketShift) + 1));
    final int mask = (1 << bucketShift) - 1;
    int previousStart = 0;
    int previousEnd = 0;
    for (int id = 0; id < cardinality; id++) {
      final int start = id == 0 ? 0 : offsets[id];
      final int end = offsets[id + 1];
      int prefix = 0;
      if ((id & mask) == 0) {
        bucketOffsets.writeInt(coded.size());
      } else {
        final int limit = Math.min(previousEnd - previousStart, end - start);
        while (prefix < limit && values[previousStart + prefix] == values[start + prefix]) {
          prefix++;
        }
      }
      final int suffix = end - start - prefix;
      coded.writeByte((Math.min(prefix, ESCAPE) << 4) | Math.min(suffix, ESCAPE));
      if (prefix >= ESCAPE) {
        coded.writeVarInt(prefix - ESCAPE);
      }
      if (suffix >= ESCAPE) {
        coded.writeVarInt(suffix - ESCAPE);
      }
      coded.write(values, start + prefix, suffix);
      previousStart = start;
      previousEnd = end;
    }
    bucketOffsets.writeInt(coded.size());
  }

  /**
   * Decodes {@code cardinality} values coded in {@code coded[0, codedLength)} with the bucket offsets
   * {@code bucketOffsets} (u32, already checked ascending from 0 and ending at {@code codedLength})
   * into {@code values[0, valueBytes)} and {@code offsets[0, cardinality]}.
   *
   * @throws SegmentCorruptException naming the region, the bucket and id, the length and its limit
   */
  static void decode(Region region, byte[] coded, MemorySegment bucketOffsets, int bucketShift, int cardinality,
      byte[] values, int valueBytes, int[] offsets) {
    final int bucketValues = 1 << bucketShift;
    final int buckets = DictionaryLayout.bucketCount(cardinality, bucketShift);
    int out = 0;
    offsets[0] = 0;
    for (int b = 0; b < buckets; b++) {
      int position = bucketOffsets.getAtIndex(LittleEndian.INT, b);
      final int bucketEnd = bucketOffsets.getAtIndex(LittleEndian.INT, b + 1);
      final int firstId = b << bucketShift;
      final int lastId = Math.min(cardinality, firstId + bucketValues);
      int previousStart = out;
      int previousLength = 0;
      for (int id = firstId; id < lastId; id++) {
        if (position >= bucketEnd) {
          throw region.corrupt("bucket=" + b + " id=" + id + ": entry at coded offset=" + position
              + " past the bucket's end=" + bucketEnd);
        }
        final int lengths = coded[position++] & 0xFF;
        int prefix = lengths >>> 4;
        int suffix = lengths & ESCAPE;
        if (prefix == ESCAPE) {
          final long extra = readVarInt(region, coded, position, bucketEnd, b, id);
          position += (int) (extra >>> 32);
          prefix = addLength(region, ESCAPE, (int) extra, b, id, "prefix");
        }
        if (suffix == ESCAPE) {
          final long extra = readVarInt(region, coded, position, bucketEnd, b, id);
          position += (int) (extra >>> 32);
          suffix = addLength(region, ESCAPE, (int) extra, b, id, "suffix");
        }
        if (prefix > previousLength) {
          throw region.corrupt("bucket=" + b + " id=" + id + ": prefix length=" + prefix
              + " exceeds the previous value's length=" + previousLength);
        }
        if (suffix > bucketEnd - position) {
          throw region.corrupt("bucket=" + b + " id=" + id + ": suffix length=" + suffix + " exceeds the bucket's "
              + (bucketEnd - position) + " remaining bytes");
        }
        if ((long) prefix + suffix > valueBytes - out) {
          throw region.corrupt("id=" + id + ": value bytes reach " + ((long) out + prefix + suffix)
              + " beyond valueBytes=" + valueBytes);
        }
        copy(values, previousStart, values, out, prefix);
        copy(coded, position, values, out + prefix, suffix);
        position += suffix;
        previousStart = out;
        previousLength = prefix + suffix;
        out += previousLength;
        offsets[id + 1] = out;
      }
      if (position != bucketEnd) {
        throw region.corrupt("bucket=" + b + ": entries end at coded offset=" + position + " expected=" + bucketEnd);
      }
    }
    if (out != valueBytes) {
      throw region.corrupt("decoded value bytes=" + out + " expected valueBytes=" + valueBytes);
    }
  }

  /** Copies a few bytes by hand (most prefixes and suffixes are shorter than a call costs). */
  private static void copy(byte[] source, int from, byte[] destination, int to, int length) {
    if (length > 16) {
      System.arraycopy(source, from, destination, to, length);
      return;
    }
    for (int i = 0; i < length; i++) {
      destination[to + i] = source[from + i];
    }
  }

  private static int addLength(Region region, int base, int extra, int bucket, int id, String what) {
    if (extra < 0 || extra > Integer.MAX_VALUE - base) {
      throw region.corrupt("bucket=" + bucket + " id=" + id + ": " + what + " length=" + (base + (extra & 0xFFFFFFFFL))
          + " exceeds limit=" + Integer.MAX_VALUE);
    }
    return base + extra;
  }

  /** A varint at {@code position}: its value in the low 32 bits, its byte count in the high. */
  private static long readVarInt(Region region, byte[] coded, int position, int end, int bucket, int id) {
    long value = 0;
    for (int i = 0; i < DictionaryLayout.MAX_VARINT_BYTES; i++) {
      if (position + i >= end) {
        throw region.corrupt("bucket=" + bucket + " id=" + id + ": varint at coded offset=" + position
            + " runs past the bucket's end=" + end);
      }
      final int b = coded[position + i] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (value > 0xFFFFFFFFL) {
          throw region.corrupt("bucket=" + bucket + " id=" + id + ": varint=" + value + " exceeds limit=" + 0xFFFFFFFFL);
        }
        return ((long) (i + 1) << 32) | value;
      }
    }
    throw region.corrupt("bucket=" + bucket + " id=" + id + ": varint at coded offset=" + position + " longer than "
        + DictionaryLayout.MAX_VARINT_BYTES + " bytes");
  }
}
