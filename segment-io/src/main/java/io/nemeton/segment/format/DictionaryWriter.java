package io.nemeton.segment.format;

import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.segment.Utf8Dictionary;
import java.nio.charset.StandardCharsets;

/**
 * Validates a sorted string dictionary and writes it as a {@code dictionary} region ({@link
 * DictionaryLayout}), flat or (format version 4 on) front-coded, whichever is smaller by at least an
 * eighth: a flat dictionary is read straight from the mapping, a front-coded one is decoded once into
 * the flat form when first used. The stored bytes are compressed only when that saves at least an
 * eighth as well.
 *
 * <p>Not thread-safe; reusable. Encodes each value straight into the growing value bytes; a
 * dictionary already held as UTF-8 ({@link Utf8Dictionary}) is checked and coded as it is, the same
 * bytes as its Strings would give.
 */
final class DictionaryWriter {
  /** Below this many value bytes compression cannot pay for the inflate at open. */
  private static final int MIN_COMPRESS_BYTES = 4096;

  private final GrowableBytes header = new GrowableBytes(1 << 12);
  private final GrowableBytes values = new GrowableBytes(1 << 12);
  private final GrowableBytes coded = new GrowableBytes(1 << 12);
  /** The region's offsets table: bucket offsets (front-coded) or value offsets (flat). */
  private final GrowableBytes table = new GrowableBytes(1 << 10);
  private final CompressionChooser chooser;
  private final boolean frontCoding;
  private int[] offsets = new int[1];

  /** {@code frontCoding}: whether the file's format version allows front-coded dictionaries. */
  DictionaryWriter(CompressionChooser chooser, boolean frontCoding) {
    this.chooser = chooser;
    this.frontCoding = frontCoding;
  }

  void write(RegionOutput out, int column, String name, String[] dictionary) {
    values.clear();
    boolean hasNull = dictionary.length > 0 && dictionary[0] == null;
    int cardinality = dictionary.length;
    if (offsets.length < cardinality + 1) {
      offsets = new int[cardinality + 1];
    }
    for (int id = 0; id < cardinality; id++) {
      String value = dictionary[id];
      if (value == null) {
        if (id != 0) {
          throw new IllegalArgumentException("column=" + name + ": null at dictionary id=" + id + " (null must be id 0)");
        }
      } else {
        if (id > (hasNull ? 1 : 0) && dictionary[id - 1].compareTo(value) >= 0) {
          throw new IllegalArgumentException("column=" + name + ": dictionary not sorted and distinct at id=" + id
              + ": \"" + dictionary[id - 1] + "\" >= \"" + value + "\"");
        }
        // at most three bytes per UTF-16 unit; encoded in place, then the size moved past them
        values.ensureCapacity(3 * value.length());
        final int length = Utf8Order.encode(value, values.array(), values.size());
        if (length < 0) {
          // UTF-8 cannot carry it: encoding would silently store '?'
          throw new IllegalArgumentException("column=" + name + " dictionary id=" + id
              + ": value has an unpaired surrogate and cannot be stored as UTF-8");
        }
        values.skip(length);
      }
      offsets[id + 1] = values.size();
    }
    write(out, column, hasNull, cardinality, values.array(), offsets);
  }

  /**
   * Writes a dictionary held as UTF-8 after checking, value by value, that the offsets ascend, that
   * the values are well-formed UTF-8 and that they ascend strictly in String order.
   */
  void write(RegionOutput out, int column, String name, Utf8Dictionary dictionary) {
    final byte[] bytes = dictionary.bytes();
    final int[] valueOffsets = dictionary.offsets();
    final int cardinality = dictionary.cardinality();
    final boolean hasNull = dictionary.hasNull();
    final int first = hasNull ? 1 : 0;
    final boolean ascii = Utf8Order.isAscii(bytes, 0, valueOffsets[cardinality]);
    int previousStart = -1;
    int previousLength = 0;
    for (int id = first; id < cardinality; id++) {
      final int start = valueOffsets[id];
      final int end = valueOffsets[id + 1];
      if (end < start) {
        throw new IllegalArgumentException("column=" + name + " dictionary id=" + id + ": offsets decrease from "
            + start + " to " + end);
      }
      if (!ascii && !Utf8Order.isValid(bytes, start, end - start)) {
        throw new IllegalArgumentException("column=" + name + " dictionary id=" + id
            + ": value is not well-formed UTF-8 and cannot be stored");
      }
      if (previousStart >= 0
          && Utf8Order.compare(bytes, previousStart, previousLength, bytes, start, end - start) >= 0) {
        throw new IllegalArgumentException("column=" + name + ": dictionary not sorted and distinct at id=" + id
            + ": \"" + new String(bytes, previousStart, previousLength, StandardCharsets.UTF_8)
            + "\" >= \"" + new String(bytes, start, end - start, StandardCharsets.UTF_8) + "\"");
      }
      previousStart = start;
      previousLength = end - start;
    }
    write(out, column, hasNull, cardinality, bytes, valueOffsets);
  }

  /** Value {@code i} is {@code valueBytes[offsets[i], offsets[i + 1])}, {@code offsets[0] == 0}: already checked. */
  private void write(RegionOutput out, int column, boolean hasNull, int cardinality, byte[] valueBytes,
      int[] offsets) {
    int valueByteCount = offsets[cardinality];
    long flatBytes = 4L * (cardinality + 1) + valueByteCount;
    if (frontCoding && cardinality > (1 << DictionaryLayout.BUCKET_SHIFT)) {
      FrontCoding.encode(valueBytes, offsets, cardinality, DictionaryLayout.BUCKET_SHIFT, coded, table);
      if (table.size() + (long) coded.size() <= flatBytes - flatBytes / 8) {
        writeRegion(out, column, hasNull, DictionaryLayout.FLAG_FRONT_CODED, DictionaryLayout.BUCKET_SHIFT,
            cardinality, valueByteCount, table, coded.array(), coded.size());
        return;
      }
    }
    table.clear();
    final int at = table.skip(4 * (cardinality + 1));
    table.setInt(at, 0);
    for (int id = 1; id <= cardinality; id++) {
      table.setInt(at + 4 * id, offsets[id]);
    }
    writeRegion(out, column, hasNull, 0, 0, cardinality, valueByteCount, table, valueBytes, valueByteCount);
  }

  /** Header, the offsets table ({@code table}), then {@code data[0, dataBytes)} compressed when that pays. */
  private void writeRegion(RegionOutput out, int column, boolean hasNull, int layoutFlag, int bucketShift,
      int cardinality, int valueBytes, GrowableBytes table, byte[] data, int dataBytes) {
    Compression compression = dataBytes >= MIN_COMPRESS_BYTES
        ? chooser.choose(data, 0, dataBytes, dataBytes - dataBytes / 8)
        : Compression.NONE;
    final byte[] storedBytes = compression == Compression.NONE ? data : chooser.compressed().array();
    final int storedSize = compression == Compression.NONE ? dataBytes : chooser.compressed().size();
    header.clear();
    header.writeInt(cardinality);
    header.writeByte((hasNull ? DictionaryLayout.FLAG_HAS_NULL : 0) | layoutFlag);
    header.writeByte(compression.id());
    header.writeByte(bucketShift);
    header.writeByte(0);
    header.writeInt(valueBytes);
    header.writeInt(storedSize);
    out.begin(column, RegionKind.DICTIONARY);
    out.write(header);
    out.write(table);
    out.write(storedBytes, 0, storedSize);
    out.end();
  }
}
