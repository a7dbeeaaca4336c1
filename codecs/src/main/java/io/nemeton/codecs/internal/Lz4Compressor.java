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
  /** After 2^6 misses in a row the scan starts skipping ahead, so incompressible data goes fast. */
  private static final int SKIP_TRIGGER = 6;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Lz4Compressor() {}

  /** The most bytes {@link #compress} writes for {@code length} input bytes. */
  public static int maxCompressedLength(int length) {
    return length + length / 255 + 16;
  }

  /** Appends the LZ4 block of {@code source[offset, offset+length)}; returns bytes written. */
  public static int compress(byte[] source, int offset, int length, GrowableBytes out) {
    out.ensureCapacity(maxCompressedLength(length));
    final byte[] target = out.array();
    final int start = out.size();
    int written = start;
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
        final int matchEnd = matchEnd(source, position + MIN_MATCH, candidate + MIN_MATCH, matchEndLimit);
        written = writeSequence(source, anchor, matchStart - anchor, matchStart - reference, matchEnd - matchStart,
            target, written);
        position = matchEnd;
        anchor = matchEnd;
        if (position - 2 <= matchStartLimit) {
          table[hash((int) INT.get(source, position - 2), hashBits)] = position - 2;
        }
      }
    }
    written = writeLiterals(source, anchor, end - anchor, 0, target, written);
    out.skip(written - start);
    return written - start;
  }

  /** Where the match starting at {@code at} against {@code reference} ends, at most {@code limit}. */
  private static int matchEnd(byte[] source, int at, int reference, int limit) {
    while (at <= limit - 8) {
      final long difference = (long) LONG.get(source, at) ^ (long) LONG.get(source, reference);
      if (difference != 0) {
        return at + (Long.numberOfTrailingZeros(difference) >>> 3);
      }
      at += 8;
      reference += 8;
    }
    while (at < limit && source[at] == source[reference]) {
      at++;
      reference++;
    }
    return at;
  }

  private static int hash(int sequence, int bits) {
    return (sequence * -1640531535) >>> (32 - bits);
  }

  private static int writeSequence(byte[] source, int literalStart, int literalLength, int matchOffset,
      int matchLength, byte[] target, int written) {
    final int extraMatch = matchLength - MIN_MATCH;
    written = writeLiterals(source, literalStart, literalLength, Math.min(extraMatch, 15), target, written);
    target[written++] = (byte) matchOffset;
    target[written++] = (byte) (matchOffset >>> 8);
    if (extraMatch >= 15) {
      written = writeLengthTail(extraMatch - 15, target, written);
    }
    return written;
  }

  /** Token (with the match nibble given), literal length tail and the literals. */
  private static int writeLiterals(byte[] source, int literalStart, int literalLength, int matchNibble,
      byte[] target, int written) {
    target[written++] = (byte) ((Math.min(literalLength, 15) << 4) | matchNibble);
    if (literalLength >= 15) {
      written = writeLengthTail(literalLength - 15, target, written);
    }
    System.arraycopy(source, literalStart, target, written, literalLength);
    return written + literalLength;
  }

  private static int writeLengthTail(int remaining, byte[] target, int written) {
    while (remaining >= 255) {
      target[written++] = (byte) 255;
      remaining -= 255;
    }
    target[written++] = (byte) remaining;
    return written;
  }
}
