package io.nemeton.segment.format;

import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;

/**
 * Validates a sorted string dictionary and writes it as a {@code dictionary} region ({@link
 * DictionaryLayout}). The value bytes are compressed only when that saves at least an eighth:
 * uncompressed bytes are read straight from the mapping, compressed ones must be inflated onto the
 * heap when the column opens.
 *
 * <p>Not thread-safe; reusable. Encodes each value straight into the growing value bytes.
 */
final class DictionaryWriter {
  /** Below this many value bytes compression cannot pay for the inflate at open. */
  private static final int MIN_COMPRESS_BYTES = 4096;

  private final GrowableBytes header = new GrowableBytes(1 << 12);
  private final GrowableBytes values = new GrowableBytes(1 << 12);
  private final CompressionChooser chooser;

  DictionaryWriter(CompressionChooser chooser) {
    this.chooser = chooser;
  }

  void write(RegionOutput out, int column, String name, String[] dictionary) {
    header.clear();
    values.clear();
    boolean hasNull = dictionary.length > 0 && dictionary[0] == null;
    header.writeInt(dictionary.length);
    header.writeByte(hasNull ? DictionaryLayout.FLAG_HAS_NULL : 0);
    int compressionAt = header.skip(1);
    header.writeShort(0);
    int lengthsAt = header.skip(8);
    header.writeInt(0); // offsets[0]; each value below appends its end offset
    for (int id = 0; id < dictionary.length; id++) {
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
      header.writeInt(values.size());
    }
    int valueBytes = values.size();
    Compression compression = valueBytes >= MIN_COMPRESS_BYTES
        ? chooser.choose(values.array(), 0, valueBytes, valueBytes - valueBytes / 8)
        : Compression.NONE;
    GrowableBytes stored = compression == Compression.NONE ? values : chooser.compressed();
    header.array()[compressionAt] = (byte) compression.id();
    header.setInt(lengthsAt, valueBytes);
    header.setInt(lengthsAt + 4, stored.size());
    out.begin(column, RegionKind.DICTIONARY);
    out.write(header);
    out.write(stored);
    out.end();
  }
}
