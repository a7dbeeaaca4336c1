package io.nemeton.segment.ingest;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link FieldScanner}: 32 bytes per step, each compared with the line
 * end, the quote, the delimiter and the list delimiter, the four lane masks taken as bits. Its
 * scalar twin is the eight-bytes-at-a-time loop of {@link FieldScanner}; a test checks that they
 * agree. Used only where 256-bit vectors are native and the incubator module is present, unless
 * {@code -Dnemeton.ingest.vector=false}.
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
final class VectorFieldScan {
  /** The system property that turns the kernel off when set to {@code false}. */
  static final String PROPERTY = "nemeton.ingest.vector";
  static final boolean ENABLED = detect();
  /** Bytes per step. */
  static final int STEP = 32;

  private VectorFieldScan() {}

  private static boolean detect() {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return false;
    }
    try {
      return Species.BYTES.vectorBitSize() == STEP * 8 && ByteVector.SPECIES_PREFERRED.vectorBitSize() >= STEP * 8;
    } catch (LinkageError missingModule) {
      // jdk.incubator.vector not resolved in this JVM: the scalar loop does all the work
      return false;
    }
  }

  /** Holds the species so that loading this class does not need the module. */
  private static final class Species {
    static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;
  }

  /**
   * Scans {@code bytes[from, to)} (whole steps only: {@code to - from} a multiple of {@link #STEP},
   * within the array) as {@link FieldScanner#scan} does, stopping at the first {@code \n}. Writes
   * delimiter positions to {@code ends} from {@code count} (which needs room for {@link #STEP} + 8
   * more per step) and returns, packed: the new count in the low 32 bits, then bit 32 when a list
   * delimiter was seen, bit 33 when a quote was (the scan stops), bit 34 when a {@code \n} was (its
   * index is {@code ends[count]}, not counted).
   */
  static long scan(byte[] bytes, int from, int to, byte delimiter, byte list, boolean singleList, int[] ends,
      int count) {
    final VectorSpecies<Byte> species = Species.BYTES;
    long lists = 0;
    int found = count;
    for (int i = from; i < to; i += STEP) {
      final ByteVector v = ByteVector.fromArray(species, bytes, i);
      final long newlines = v.eq((byte) '\n').toLong();
      long quotes = v.eq((byte) '"').toLong();
      long separators = v.eq(delimiter).toLong();
      long listLanes = singleList ? v.eq(list).toLong() : 0;
      if (newlines != 0) {
        // only the bytes before the first \n belong to this line
        final long before = (newlines & -newlines) - 1;
        quotes &= before;
        separators &= before;
        listLanes &= before;
      }
      if (quotes != 0) {
        return QUOTE_SEEN;
      }
      lists |= listLanes;
      // eight positions written unconditionally, a loop only past that
      final int inStep = Long.bitCount(separators);
      for (int k = 0; k < 8; k++) {
        ends[found + k] = i + Long.numberOfTrailingZeros(separators);
        separators &= separators - 1;
      }
      if (inStep > 8) {
        int at = found + 8;
        while (separators != 0) {
          ends[at++] = i + Long.numberOfTrailingZeros(separators);
          separators &= separators - 1;
        }
      }
      found += inStep;
      if (newlines != 0) {
        ends[found] = i + Long.numberOfTrailingZeros(newlines);
        return found | (lists != 0 ? LIST_SEEN : 0) | NEWLINE_SEEN;
      }
    }
    return found | (lists != 0 ? LIST_SEEN : 0);
  }

  static final long LIST_SEEN = 1L << 32;
  static final long QUOTE_SEEN = 1L << 33;
  static final long NEWLINE_SEEN = 1L << 34;
}
