package io.nemeton.segment.format;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.CodecException;
import io.nemeton.codecs.Compression;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * A string column's sorted dictionary read from its {@code dictionary} region ({@link
 * DictionaryLayout}). A flat dictionary's value bytes are read straight from the mapping, or inflated
 * once onto the heap when they were stored compressed. A front-coded dictionary (format version 4 on)
 * is decoded once, on first use, into the same flat form in off-heap memory owned by the segment
 * ({@link DecodedMemory}), so every reader of the flat form works on both. Lookups compare UTF-8
 * bytes in Java String order without decoding them to Strings.
 *
 * <p>Thread-safe: the first use decodes under a lock and publishes the flat form through a volatile
 * field. Valid while the segment is open. {@link #value} allocates the returned String; {@link
 * #lookupId} allocates the probe's UTF-8 bytes; the first use of a front-coded dictionary allocates
 * its flat form (off-heap) and transient heap arrays of about its size.
 */
final class StringDictionary {
  /** The flat form: {@code cardinality + 1} u32 offsets and the values back to back. */
  private record Flat(MemorySegment offsets, MemorySegment values) {}

  private final int cardinality;
  private final boolean hasNull;
  /** Front-coded dictionaries only (null otherwise): what {@link #decode} needs. */
  private final Region region;
  private final DecodedMemory memory;
  private final int bucketShift;
  private final Compression compression;
  private final int valueBytes;
  private final int codedLength;
  private volatile Flat flat;

  private StringDictionary(int cardinality, boolean hasNull, Flat flat, Region region, DecodedMemory memory,
      int bucketShift, Compression compression, int valueBytes, int codedLength) {
    this.cardinality = cardinality;
    this.hasNull = hasNull;
    this.flat = flat;
    this.region = region;
    this.memory = memory;
    this.bucketShift = bucketShift;
    this.compression = compression;
    this.valueBytes = valueBytes;
    this.codedLength = codedLength;
  }

  /**
   * Opens and checks the region's header and offsets; a front-coded dictionary is decoded later, on
   * first use, into {@code memory}.
   */
  static StringDictionary open(Region region, DecodedMemory memory, int formatVersion) {
    MemorySegment bytes = region.verified();
    if (bytes.byteSize() < DictionaryLayout.OFFSETS_OFFSET) {
      throw region.corrupt("length=" + bytes.byteSize() + " shorter than its header");
    }
    int cardinality = bytes.get(LittleEndian.INT, DictionaryLayout.CARDINALITY_OFFSET);
    int flags = Byte.toUnsignedInt(bytes.get(LittleEndian.BYTE, DictionaryLayout.FLAGS_OFFSET));
    int compressionId = Byte.toUnsignedInt(bytes.get(LittleEndian.BYTE, DictionaryLayout.COMPRESSION_OFFSET));
    int valueBytes = bytes.get(LittleEndian.INT, DictionaryLayout.VALUE_BYTES_LENGTH_OFFSET);
    int storedBytes = bytes.get(LittleEndian.INT, DictionaryLayout.STORED_LENGTH_OFFSET);
    int knownFlags = DictionaryLayout.FLAG_HAS_NULL
        | (formatVersion >= SegmentFileLayout.FRONT_CODED_DICTIONARY_VERSION ? DictionaryLayout.FLAG_FRONT_CODED : 0);
    if (cardinality < 0 || valueBytes < 0 || storedBytes < 0 || (flags & ~knownFlags) != 0) {
      throw region.corrupt("cardinality=" + cardinality + " flags=" + flags + " (known=" + knownFlags
          + ") valueBytes=" + valueBytes + " storedBytes=" + storedBytes + " invalid");
    }
    Compression compression;
    try {
      compression = Compression.fromId(compressionId);
    } catch (CodecException e) {
      throw region.corrupt(e.getMessage());
    }
    boolean hasNull = (flags & DictionaryLayout.FLAG_HAS_NULL) != 0;
    if ((flags & DictionaryLayout.FLAG_FRONT_CODED) != 0) {
      return openFrontCoded(region, bytes, memory, cardinality, hasNull, compression, valueBytes, storedBytes);
    }
    if (DictionaryLayout.valuesOffset(cardinality) + storedBytes != bytes.byteSize()) {
      throw region.corrupt("cardinality=" + cardinality + " flags=" + flags + " valueBytes=" + valueBytes
          + " storedBytes=" + storedBytes + " do not fit region length=" + bytes.byteSize());
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
    return new StringDictionary(cardinality, hasNull, new Flat(offsets, values), null, null, 0, compression,
        valueBytes, 0);
  }

  private static StringDictionary openFrontCoded(Region region, MemorySegment bytes, DecodedMemory memory,
      int cardinality, boolean hasNull, Compression compression, int valueBytes, int storedBytes) {
    int bucketShift = Byte.toUnsignedInt(bytes.get(LittleEndian.BYTE, DictionaryLayout.BUCKET_SHIFT_OFFSET));
    if (bucketShift > DictionaryLayout.MAX_BUCKET_SHIFT) {
      throw region.corrupt("bucketShift=" + bucketShift + " exceeds limit=" + DictionaryLayout.MAX_BUCKET_SHIFT);
    }
    int buckets = DictionaryLayout.bucketCount(cardinality, bucketShift);
    if (DictionaryLayout.codedOffset(buckets) + storedBytes != bytes.byteSize()) {
      throw region.corrupt("front-coded cardinality=" + cardinality + " buckets=" + buckets + " storedBytes="
          + storedBytes + " do not fit region length=" + bytes.byteSize());
    }
    MemorySegment bucketOffsets = bytes.asSlice(DictionaryLayout.OFFSETS_OFFSET, 4L * (buckets + 1));
    int previous = 0;
    for (int b = 0; b <= buckets; b++) {
      int offset = bucketOffsets.getAtIndex(LittleEndian.INT, b);
      if (offset < previous || (b == 0 && offset != 0) || (b > 0 && b < buckets && offset == previous)) {
        throw region.corrupt("bucket offset[" + b + "]=" + offset + " not strictly ascending from 0 (previous="
            + previous + ")");
      }
      previous = offset;
    }
    int codedLength = previous;
    // every value takes at least one coded byte and is at most its bucket's coded bytes long
    if (cardinality > codedLength || valueBytes > ((long) codedLength << bucketShift)) {
      throw region.corrupt("cardinality=" + cardinality + " valueBytes=" + valueBytes + " exceed what coded bytes="
          + codedLength + " can hold with bucketShift=" + bucketShift);
    }
    if (!SegmentFileLayout.inflationAllowed(storedBytes, codedLength)
        || (compression == Compression.NONE && storedBytes != codedLength)) {
      throw region.corrupt("coded bytes=" + codedLength + " from storedBytes=" + storedBytes + " compression="
          + compression + " exceeds the inflation limit or does not match");
    }
    return new StringDictionary(cardinality, hasNull, null, region, memory, bucketShift, compression, valueBytes,
        codedLength);
  }

  /** Whether the dictionary is front-coded and so decoded on first use. */
  boolean frontCoded() {
    return region != null;
  }

  private Flat flat() {
    Flat current = flat;
    return current != null ? current : decode();
  }

  /** Decodes the front-coded values once into off-heap memory of the segment. */
  private synchronized Flat decode() {
    Flat current = flat;
    if (current != null) {
      return current;
    }
    MemorySegment bytes = region.verified();
    int buckets = DictionaryLayout.bucketCount(cardinality, bucketShift);
    long codedOffset = DictionaryLayout.codedOffset(buckets);
    int storedBytes = (int) (bytes.byteSize() - codedOffset);
    byte[] coded = new byte[codedLength];
    try {
      BlockCompression.decompress(compression, bytes, codedOffset, storedBytes, coded, codedLength);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw new SegmentCorruptException(region.file(), region.name(), "cannot decompress " + compression
          + " coded bytes: " + e.getMessage(), e);
    }
    byte[] values = new byte[valueBytes];
    int[] offsets = new int[cardinality + 1];
    MemorySegment bucketOffsets = bytes.asSlice(DictionaryLayout.OFFSETS_OFFSET, 4L * (buckets + 1));
    FrontCoding.decode(region, coded, bucketOffsets, bucketShift, cardinality, values, valueBytes, offsets);
    if (hasNull && offsets[1] != 0) {
      throw region.corrupt("null id 0 has a value of length=" + offsets[1] + " expected=0");
    }
    long offsetBytes = 4L * (cardinality + 1);
    MemorySegment flatBytes = memory.allocate(region.name(), offsetBytes + valueBytes).segment();
    MemorySegment.copy(offsets, 0, flatBytes, LittleEndian.INT, 0, cardinality + 1);
    MemorySegment.copy(values, 0, flatBytes, LittleEndian.BYTE, offsetBytes, valueBytes);
    current = new Flat(flatBytes.asSlice(0, offsetBytes).asReadOnly(),
        flatBytes.asSlice(offsetBytes, valueBytes).asReadOnly());
    flat = current;
    return current;
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
    Flat current = flat();
    int start = current.offsets.getAtIndex(LittleEndian.INT, id);
    int end = current.offsets.getAtIndex(LittleEndian.INT, id + 1);
    byte[] utf8 = new byte[end - start];
    MemorySegment.copy(current.values, LittleEndian.BYTE, start, utf8, 0, utf8.length);
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
    Flat current = flat();
    int start = current.offsets.getAtIndex(LittleEndian.INT, id);
    int end = current.offsets.getAtIndex(LittleEndian.INT, id + 1);
    return current.values.asSlice(start, end - start);
  }

  /** Every value's UTF-8 bytes back to back in id order (the null id's entry is empty); no copy. */
  MemorySegment valueBytesAll() {
    return flat().values;
  }

  /** {@code cardinality + 1} little-endian u32 offsets into {@link #valueBytesAll}, ascending from 0. */
  MemorySegment valueOffsets() {
    return flat().offsets;
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
    final Flat current = flat();
    final MemorySegment offsets = current.offsets;
    final MemorySegment values = current.values;
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
