package io.nemeton.segment.format;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.CodecException;
import io.nemeton.codecs.Compression;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * A string column's sorted dictionary read from its {@code dictionary} region ({@link
 * DictionaryLayout}): value bytes straight from the mapping, or inflated once onto the heap when
 * they were stored compressed. Lookups compare UTF-8 bytes in Java String order without decoding.
 *
 * <p>Immutable and thread-safe; valid while the segment is open. {@link #value} allocates the
 * returned String; {@link #lookupId} allocates the probe's UTF-8 bytes.
 */
final class StringDictionary {
  private final int cardinality;
  private final boolean hasNull;
  private final MemorySegment offsets;
  private final MemorySegment values;

  private StringDictionary(int cardinality, boolean hasNull, MemorySegment offsets, MemorySegment values) {
    this.cardinality = cardinality;
    this.hasNull = hasNull;
    this.offsets = offsets;
    this.values = values;
  }

  static StringDictionary open(Region region) {
    MemorySegment bytes = region.verified();
    if (bytes.byteSize() < DictionaryLayout.OFFSETS_OFFSET) {
      throw region.corrupt("length=" + bytes.byteSize() + " shorter than its header");
    }
    int cardinality = bytes.get(LittleEndian.INT, DictionaryLayout.CARDINALITY_OFFSET);
    int flags = Byte.toUnsignedInt(bytes.get(LittleEndian.BYTE, DictionaryLayout.FLAGS_OFFSET));
    int compressionId = Byte.toUnsignedInt(bytes.get(LittleEndian.BYTE, DictionaryLayout.COMPRESSION_OFFSET));
    int valueBytes = bytes.get(LittleEndian.INT, DictionaryLayout.VALUE_BYTES_LENGTH_OFFSET);
    int storedBytes = bytes.get(LittleEndian.INT, DictionaryLayout.STORED_LENGTH_OFFSET);
    if (cardinality < 0 || valueBytes < 0 || storedBytes < 0 || (flags & ~DictionaryLayout.FLAG_HAS_NULL) != 0
        || DictionaryLayout.valuesOffset(cardinality) + storedBytes != bytes.byteSize()) {
      throw region.corrupt("cardinality=" + cardinality + " flags=" + flags + " valueBytes=" + valueBytes
          + " storedBytes=" + storedBytes + " do not fit region length=" + bytes.byteSize());
    }
    Compression compression;
    try {
      compression = Compression.fromId(compressionId);
    } catch (CodecException e) {
      throw region.corrupt(e.getMessage());
    }
    long valuesOffset = DictionaryLayout.valuesOffset(cardinality);
    MemorySegment offsets = bytes.asSlice(DictionaryLayout.OFFSETS_OFFSET, 4L * (cardinality + 1));
    int previous = 0;
    for (int i = 0; i <= cardinality; i++) {
      int offset = offsets.getAtIndex(LittleEndian.INT, i);
      if (offset < previous || (i == 0 && offset != 0)) {
        throw region.corrupt("value offset[" + i + "]=" + offset + " not ascending from 0");
      }
      previous = offset;
    }
    boolean hasNull = (flags & DictionaryLayout.FLAG_HAS_NULL) != 0;
    if (previous != valueBytes || (hasNull && (cardinality == 0 || offsets.getAtIndex(LittleEndian.INT, 1) != 0))) {
      throw region.corrupt("value offsets end at " + previous + " expected=" + valueBytes
          + (hasNull ? " with an empty null entry at id 0" : ""));
    }
    if (!SegmentFileLayout.inflationAllowed(storedBytes, valueBytes)) {
      throw region.corrupt("valueBytes=" + valueBytes + " inflated from storedBytes=" + storedBytes
          + " exceeds the inflation limit");
    }
    MemorySegment values;
    if (compression == Compression.NONE) {
      if (storedBytes != valueBytes) {
        throw region.corrupt("uncompressed storedBytes=" + storedBytes + " != valueBytes=" + valueBytes);
      }
      values = bytes.asSlice(valuesOffset, storedBytes);
    } else {
      byte[] inflated = new byte[valueBytes];
      try {
        BlockCompression.decompress(compression, bytes, valuesOffset, storedBytes, inflated, valueBytes);
      } catch (CodecException | IndexOutOfBoundsException e) {
        throw new SegmentCorruptException(region.file(), region.name(), "cannot decompress " + compression
            + " value bytes: " + e.getMessage(), e);
      }
      values = MemorySegment.ofArray(inflated);
    }
    return new StringDictionary(cardinality, hasNull, offsets, values);
  }

  int cardinality() {
    return cardinality;
  }

  boolean hasNull() {
    return hasNull;
  }

  /** The value of {@code id}, or null for the null id. */
  String value(int id) {
    if (id < 0 || id >= cardinality) {
      throw new IndexOutOfBoundsException("dictionary id=" + id + " outside [0, " + cardinality + ")");
    }
    if (hasNull && id == 0) {
      return null;
    }
    int start = offsets.getAtIndex(LittleEndian.INT, id);
    int end = offsets.getAtIndex(LittleEndian.INT, id + 1);
    byte[] utf8 = new byte[end - start];
    MemorySegment.copy(values, LittleEndian.BYTE, start, utf8, 0, utf8.length);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * The UTF-8 bytes of {@code id}'s value, a view of the mapping (or of the inflated copy) that
   * copies nothing; null for the null id.
   */
  MemorySegment valueBytes(int id) {
    if (id < 0 || id >= cardinality) {
      throw new IndexOutOfBoundsException("dictionary id=" + id + " outside [0, " + cardinality + ")");
    }
    if (hasNull && id == 0) {
      return null;
    }
    int start = offsets.getAtIndex(LittleEndian.INT, id);
    int end = offsets.getAtIndex(LittleEndian.INT, id + 1);
    return values.asSlice(start, end - start);
  }

  /** Every value's UTF-8 bytes back to back in id order (the null id's entry is empty); no copy. */
  MemorySegment valueBytesAll() {
    return values;
  }

  /** {@code cardinality + 1} little-endian u32 offsets into {@link #valueBytesAll}, ascending from 0. */
  MemorySegment valueOffsets() {
    return offsets;
  }

  /** The id of {@code value}, or {@code -(insertion point) - 1} when it is absent. */
  int lookupId(String value) {
    if (value == null) {
      return hasNull ? 0 : -1;
    }
    if (Utf8Order.hasUnpairedSurrogate(value)) {
      return lookupByDecoding(value);
    }
    MemorySegment probe = MemorySegment.ofArray(value.getBytes(StandardCharsets.UTF_8));
    int low = hasNull ? 1 : 0;
    int high = cardinality - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long start = offsets.getAtIndex(LittleEndian.INT, middle);
      long end = offsets.getAtIndex(LittleEndian.INT, middle + 1);
      int order = Utf8Order.compare(values, start, end, probe);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -low - 1;
  }

  /** A probe UTF-8 cannot represent is never stored; find its insertion point by decoding. */
  private int lookupByDecoding(String value) {
    int low = hasNull ? 1 : 0;
    int high = cardinality - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = value(middle).compareTo(value);
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return -low - 1;
  }
}
