package io.nemeton.codecs.internal;

import io.nemeton.codecs.CodecException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Decompresses an LZ4 block (format in {@link Lz4Compressor}) from a segment into a byte array.
 * Every length, offset and copy is checked against the compressed range and the expected output
 * length before it is used, so corrupt input ends in a {@link CodecException} naming what was wrong
 * and where; nothing is read outside {@code [offset, offset + compressedLength)}.
 *
 * <p>Stateless and thread-safe; never allocates except to throw.
 */
public final class Lz4Decompressor {
  private Lz4Decompressor() {}

  /** Decompresses into {@code destination[0, uncompressedLength)}; the range was checked to lie in {@code in}. */
  public static void decompress(MemorySegment in, long offset, int compressedLength, byte[] destination,
      int uncompressedLength) {
    final long end = offset + compressedLength;
    long input = offset;
    int output = 0;
    while (true) {
      if (input >= end) {
        throw corrupt(offset, input, "input ends before the last literals (output bytes=" + output + " of "
            + uncompressedLength + ")");
      }
      final int token = Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, input++));
      long literalLength = token >>> 4;
      if (literalLength == 15) {
        int more;
        do {
          if (input >= end) {
            throw corrupt(offset, input, "input ends inside a literal length");
          }
          more = Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, input++));
          literalLength += more;
        } while (more == 255 && literalLength <= uncompressedLength);
      }
      if (literalLength > uncompressedLength - output) {
        throw corrupt(offset, input, "literal length=" + literalLength + " passes output length="
            + uncompressedLength + " at output=" + output);
      }
      if (literalLength > end - input) {
        throw corrupt(offset, input, "literal length=" + literalLength + " passes input end (bytes left="
            + (end - input) + ")");
      }
      MemorySegment.copy(in, ValueLayout.JAVA_BYTE, input, destination, output, (int) literalLength);
      input += literalLength;
      output += (int) literalLength;
      if (input == end) {
        break;
      }
      if (end - input < 2) {
        throw corrupt(offset, input, "input ends inside a match offset");
      }
      final int matchOffset = Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, input))
          | (Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, input + 1)) << 8);
      input += 2;
      if (matchOffset == 0 || matchOffset > output) {
        throw corrupt(offset, input - 2, "match offset=" + matchOffset + " outside 1.." + output);
      }
      long matchLength = token & 15;
      if (matchLength == 15) {
        int more;
        do {
          if (input >= end) {
            throw corrupt(offset, input, "input ends inside a match length");
          }
          more = Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, input++));
          matchLength += more;
        } while (more == 255 && matchLength <= uncompressedLength);
      }
      matchLength += Lz4Compressor.MIN_MATCH;
      if (matchLength > uncompressedLength - output) {
        throw corrupt(offset, input, "match length=" + matchLength + " passes output length="
            + uncompressedLength + " at output=" + output);
      }
      copyMatch(destination, output, matchOffset, (int) matchLength);
      output += (int) matchLength;
    }
    if (output != uncompressedLength) {
      throw corrupt(offset, input, "output bytes=" + output + " but expected=" + uncompressedLength);
    }
  }

  /** Copies a match that may overlap its own output: the pattern of period {@code distance} repeats. */
  private static void copyMatch(byte[] destination, int output, int distance, int length) {
    final int source = output - distance;
    if (distance >= length) {
      System.arraycopy(destination, source, destination, output, length);
      return;
    }
    // Each copy doubles the bytes available, all of them a whole number of periods past source.
    int copied = 0;
    while (copied < length) {
      final int chunk = Math.min(output + copied - source, length - copied);
      System.arraycopy(destination, source, destination, output + copied, chunk);
      copied += chunk;
    }
  }

  private static CodecException corrupt(long offset, long position, String what) {
    return new CodecException("lz4 block at offset=" + offset + ": corrupt at byte=" + (position - offset) + ": "
        + what);
  }
}
