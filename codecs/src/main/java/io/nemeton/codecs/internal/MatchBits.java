package io.nemeton.codecs.internal;

/**
 * Writes match results into a caller's bit set of {@code long} words, bit {@code b} being {@code
 * words[b >>> 6] & (1L << b)}. Bits are only ever ORed in, so several blocks or chunks can fill one
 * bit set side by side.
 *
 * <p>Stateless and thread-safe; never allocates. Callers have checked that every bit they pass lies
 * inside {@code words}.
 */
public final class MatchBits {
  private MatchBits() {}

  /**
   * ORs the 64 bits of {@code bits} into {@code words} from bit {@code bit} on (bit 0 of {@code
   * bits} lands on {@code bit}); returns how many bits {@code bits} has set. Bits of {@code bits}
   * that would land past the end of {@code words} must be zero.
   */
  public static int orBits(long[] words, long bit, long bits) {
    if (bits == 0) {
      return 0;
    }
    final int index = (int) (bit >>> 6);
    final int shift = (int) bit & 63;
    words[index] |= bits << shift;
    if (shift != 0) {
      final long spill = bits >>> (64 - shift);
      if (spill != 0) {
        words[index + 1] |= spill;
      }
    }
    return Long.bitCount(bits);
  }

  /** Sets bits {@code [bit, bit + length)}; {@code length} may be 0. */
  public static void setRange(long[] words, long bit, int length) {
    if (length <= 0) {
      return;
    }
    final long end = bit + length;
    final int first = (int) (bit >>> 6);
    final int last = (int) ((end - 1) >>> 6);
    final long firstMask = -1L << bit;
    final long lastMask = -1L >>> -end;
    if (first == last) {
      words[first] |= firstMask & lastMask;
      return;
    }
    words[first] |= firstMask;
    for (int i = first + 1; i < last; i++) {
      words[i] = -1L;
    }
    words[last] |= lastMask;
  }
}
