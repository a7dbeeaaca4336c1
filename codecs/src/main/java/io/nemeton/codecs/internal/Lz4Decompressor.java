package io.nemeton.codecs.internal;

import io.nemeton.codecs.CodecException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decompresses an LZ4 block (format in {@link Lz4Compressor}) from a segment into a byte array.
 * Every length, offset and copy is checked against the compressed range and the expected output
 * length before it is used, so corrupt input ends in a {@link CodecException} naming what was wrong
 * and where; nothing is read outside {@code [offset, offset + compressedLength)}.
 *
 * <p>Most sequences in column data are short (a few literals, a match under 19 bytes). For those a
 * fast path copies fixed 16 and 24 bytes in 8-byte words with no length-dependent branch, once one
 * check has shown that the input and the output have that much room; the bytes written past a
 * sequence's end are overwritten by the sequences that follow. Everything else takes the general,
 * fully checked path.
 *
 * <p>Thread-safe. Allocates only to throw, and to grow a thread's scratch copy to the largest
 * compressed block it has seen.
 */
public final class Lz4Decompressor {
  /** Per-thread copy of the compressed bytes when the segment is not a plain heap array. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 16]);
  private static final VarHandle ARRAY_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** Input the fast path may read from the token on: 16 literal bytes and a 2-byte offset. */
  private static final int FAST_INPUT = 16 + 2;
  /** Output the fast path may write from the sequence start: 16 literal bytes, then 24 match bytes. */
  private static final int FAST_OUTPUT = 16 + 24;

  private Lz4Decompressor() {}

  /**
   * Decompresses into {@code destination[0, uncompressedLength)}; the range was checked to lie in
   * {@code in}. Reads a writable heap segment's array in place; copies any other segment's range to
   * a per-thread array first (one bulk copy: per-byte segment reads cost twice the whole decode).
   */
  public static void decompress(MemorySegment in, long offset, int compressedLength, byte[] destination,
      int uncompressedLength) {
    final Object base = in.heapBase().orElse(null);
    if (base instanceof byte[] array) {
      decompress(array, Math.toIntExact(in.address() + offset), compressedLength, destination, uncompressedLength,
          offset);
      return;
    }
    byte[] scratch = SCRATCH.get();
    if (scratch.length < compressedLength) {
      scratch = new byte[Math.max(compressedLength, scratch.length * 2)];
      SCRATCH.set(scratch);
    }
    MemorySegment.copy(in, ValueLayout.JAVA_BYTE, offset, scratch, 0, compressedLength);
    decompress(scratch, 0, compressedLength, destination, uncompressedLength, offset);
  }

  /** The decoder proper over {@code in[start, start + compressedLength)}; {@code reportedOffset} names it in errors. */
  private static void decompress(byte[] in, int start, int compressedLength, byte[] destination,
      int uncompressedLength, long reportedOffset) {
    final int end = start + compressedLength;
    int input = start;
    int output = 0;
    while (true) {
      if (input >= end) {
        throw corrupt(reportedOffset, input - start, "input ends before the last literals (output bytes=" + output + " of "
            + uncompressedLength + ")");
      }
      final int token = Byte.toUnsignedInt(in[input++]);
      final int literalNibble = token >>> 4;
      if (literalNibble < 15 && end - input >= FAST_INPUT && uncompressedLength - output >= FAST_OUTPUT) {
        ARRAY_LONG.set(destination, output, (long) ARRAY_LONG.get(in, input));
        ARRAY_LONG.set(destination, output + 8, (long) ARRAY_LONG.get(in, input + 8));
        input += literalNibble;
        output += literalNibble;
        final int distance = Byte.toUnsignedInt(in[input])
            | (Byte.toUnsignedInt(in[input + 1]) << 8);
        final int matchNibble = token & 15;
        if (matchNibble < 15 && distance >= 8 && distance <= output) {
          // 8-byte steps read only bytes already written because distance >= 8
          final int source = output - distance;
          ARRAY_LONG.set(destination, output, (long) ARRAY_LONG.get(destination, source));
          ARRAY_LONG.set(destination, output + 8, (long) ARRAY_LONG.get(destination, source + 8));
          ARRAY_LONG.set(destination, output + 16, (long) ARRAY_LONG.get(destination, source + 16));
          input += 2;
          output += matchNibble + Lz4Compressor.MIN_MATCH;
          continue;
        }
      } else {
        long literalLength = literalNibble;
        if (literalLength == 15) {
          int more;
          do {
            if (input >= end) {
              throw corrupt(reportedOffset, input - start, "input ends inside a literal length");
            }
            more = Byte.toUnsignedInt(in[input++]);
            literalLength += more;
          } while (more == 255 && literalLength <= uncompressedLength);
        }
        if (literalLength > uncompressedLength - output) {
          throw corrupt(reportedOffset, input - start, "literal length=" + literalLength + " passes output length="
              + uncompressedLength + " at output=" + output);
        }
        if (literalLength > end - input) {
          throw corrupt(reportedOffset, input - start, "literal length=" + literalLength + " passes input end (bytes left="
              + (end - input) + ")");
        }
        System.arraycopy(in, input, destination, output, (int) literalLength);
        input += (int) literalLength;
        output += (int) literalLength;
        if (input == end) {
          break;
        }
      }
      // general match: input is at the 2-byte offset
      if (end - input < 2) {
        throw corrupt(reportedOffset, input - start, "input ends inside a match offset");
      }
      final int distance = Byte.toUnsignedInt(in[input])
          | (Byte.toUnsignedInt(in[input + 1]) << 8);
      input += 2;
      if (distance == 0 || distance > output) {
        throw corrupt(reportedOffset, input - 2 - start, "match offset=" + distance + " outside 1.." + output);
      }
      long matchLength = token & 15;
      if (matchLength == 15) {
        int more;
        do {
          if (input >= end) {
            throw corrupt(reportedOffset, input - start, "input ends inside a match length");
          }
          more = Byte.toUnsignedInt(in[input++]);
          matchLength += more;
        } while (more == 255 && matchLength <= uncompressedLength);
      }
      matchLength += Lz4Compressor.MIN_MATCH;
      if (matchLength > uncompressedLength - output) {
        throw corrupt(reportedOffset, input - start, "match length=" + matchLength + " passes output length="
            + uncompressedLength + " at output=" + output);
      }
      copyMatch(destination, output, distance, (int) matchLength, uncompressedLength);
      output += (int) matchLength;
    }
    if (output != uncompressedLength) {
      throw corrupt(reportedOffset, input - start, "output bytes=" + output + " but expected=" + uncompressedLength);
    }
  }

  /** Copies a match that may overlap its own output: the pattern of period {@code distance} repeats. */
  private static void copyMatch(byte[] destination, int output, int distance, int length, int outputLength) {
    final int source = output - distance;
    if (distance >= 8 && length <= 64 && outputLength - output >= length + 8) {
      // 8-byte steps read only bytes already written (distance >= 8); the last step may spill up to
      // 7 bytes past the match, inside the output, where the next sequence writes anyway.
      for (int copied = 0; copied < length; copied += 8) {
        ARRAY_LONG.set(destination, output + copied, (long) ARRAY_LONG.get(destination, source + copied));
      }
      return;
    }
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

  private static CodecException corrupt(long offset, int position, String what) {
    return new CodecException("lz4 block at offset=" + offset + ": corrupt at byte=" + position + ": " + what);
  }
}
