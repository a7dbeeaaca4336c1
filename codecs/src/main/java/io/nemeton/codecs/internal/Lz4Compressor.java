package io.nemeton.codecs.internal;

import io.nemeton.memory.GrowableBytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Compresses a byte range into the LZ4 block format (no frame): greedy matching through a hash
 * table of 4-byte sequences, one candidate per slot. Sequences are a token (literal length high
 * nibble, match length - 4 low nibble, 15 meaning "more bytes follow, each added, 255 meaning keep
 * going"), the literals, a 2-byte little-endian match offset (1..65535) and the extra match length.
 * The format's end rules hold: the last sequence carries literals only, the last 5 bytes are
 * literals, and no match starts within the last 12 bytes. Empty input compresses to one zero token.
 *
 * <p>Stateless and thread-safe; allocates a hash table per call (the write side).
 */
public final class Lz4Compressor {
  static final int MIN_MATCH = 4;
  /** The format's rule: a match may not start within the last 12 bytes of the input. */
  static final int LAST_MATCH_DISTANCE = 12;
  /** The format's rule: the last 5 bytes are always literals. */
  static final int LAST_LITERALS = 5;
  static final int MAX_OFFSET = 65535;
  /** After this many misses in a row the scan starts skipping ahead, so incompressible data goes fast. */
  private static final int SKIP_TRIGGER = 6;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Lz4Compressor() {}

  /** The most bytes {@link #compress} writes for {@code length} input bytes. */
  public static int maxCompressedLength(int length) {
    return length + length / 255 + 16;
  }

  /** Appends the LZ4 block of {@code source[offset, offset+length)}; returns bytes written. */
  public static int compress(byte[] source, int offset, int length, GrowableBytes out) {
    out.ensureCapacity(maxCompressedLength(length));
    final int start = out.size();
    final int end = offset + length;
    final int matchStartLimit = end - LAST_MATCH_DISTANCE;
    final int matchEndLimit = end - LAST_LITERALS;
    int anchor = offset;
    if (length > LAST_MATCH_DISTANCE) {
      final int hashBits = length < (1 << 16) ? 12 : 14;
      final int[] table = new int[1 << hashBits];
      Arrays.fill(table, -1);
      int position = offset;
      int misses = 0;
      while (position <= matchStartLimit) {
        final int sequence = (int) INT.get(source, position);
        final int slot = hash(sequence, hashBits);
        final int candidate = table[slot];
        table[slot] = position;
        if (candidate < 0 || position - candidate > MAX_OFFSET || (int) INT.get(source, candidate) != sequence) {
          misses++;
          position += 1 + (misses >>> SKIP_TRIGGER);
          continue;
        }
        misses = 0;
        int matchStart = position;
        int reference = candidate;
        while (matchStart > anchor && reference > offset && source[matchStart - 1] == source[reference - 1]) {
          matchStart--;
          reference--;
        }
        int matchEnd = position + MIN_MATCH;
        int referenceEnd = candidate + MIN_MATCH;
        while (matchEnd < matchEndLimit && source[matchEnd] == source[referenceEnd]) {
          matchEnd++;
          referenceEnd++;
        }
        writeSequence(source, anchor, matchStart - anchor, matchStart - reference, matchEnd - matchStart, out);
        position = matchEnd;
        anchor = matchEnd;
        if (position - 2 >= offset && position - 2 <= matchStartLimit) {
          table[hash((int) INT.get(source, position - 2), hashBits)] = position - 2;
        }
      }
    }
    writeLastLiterals(source, anchor, end - anchor, out);
    return out.size() - start;
  }

  private static int hash(int sequence, int bits) {
    return (sequence * -1640531535) >>> (32 - bits);
  }

  private static void writeSequence(byte[] source, int literalStart, int literalLength, int matchOffset,
      int matchLength, GrowableBytes out) {
    final int extraMatch = matchLength - MIN_MATCH;
    out.writeByte((Math.min(literalLength, 15) << 4) | Math.min(extraMatch, 15));
    if (literalLength >= 15) {
      writeLengthTail(literalLength - 15, out);
    }
    out.write(source, literalStart, literalLength);
    out.writeShort(matchOffset);
    if (extraMatch >= 15) {
      writeLengthTail(extraMatch - 15, out);
    }
  }

  private static void writeLastLiterals(byte[] source, int literalStart, int literalLength, GrowableBytes out) {
    out.writeByte(Math.min(literalLength, 15) << 4);
    if (literalLength >= 15) {
      writeLengthTail(literalLength - 15, out);
    }
    out.write(source, literalStart, literalLength);
  }

  private static void writeLengthTail(int remaining, GrowableBytes out) {
    while (remaining >= 255) {
      out.writeByte(255);
      remaining -= 255;
    }
    out.writeByte(remaining);
  }
}
