package io.nemeton.segment.format;

import java.lang.foreign.MemorySegment;

/**
 * Compares UTF-8 byte strings in Java {@link String#compareTo} order (UTF-16 code units), the order
 * dictionaries are sorted in, without decoding them.
 *
 * <p>UTF-8 byte order is code point order. UTF-16 order differs only where a supplementary code
 * point (UTF-8 lead byte F0..F4, a surrogate pair in UTF-16, D800..DFFF) meets one in E000..FFFF
 * (lead byte EE or EF): UTF-16 puts the supplementary one first. Such a pair differs in its lead
 * bytes, so fixing the order at the first differing byte is enough.
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
final class Utf8Order {
  private Utf8Order() {}

  /** Compares {@code stored[start, end)} with all of {@code probe}: negative, 0 or positive. */
  static int compare(MemorySegment stored, long start, long end, MemorySegment probe) {
    long mismatch = MemorySegment.mismatch(stored, start, end, probe, 0, probe.byteSize());
    if (mismatch < 0) {
      return 0;
    }
    long storedLength = end - start;
    if (mismatch == storedLength || mismatch == probe.byteSize()) {
      return Long.compare(storedLength, probe.byteSize());
    }
    int a = Byte.toUnsignedInt(stored.get(LittleEndian.BYTE, start + mismatch));
    int b = Byte.toUnsignedInt(probe.get(LittleEndian.BYTE, mismatch));
    return compareLeadBytes(a, b);
  }

  /** Order of two differing bytes at the same position, in UTF-16 order. */
  static int compareLeadBytes(int a, int b) {
    if (a >= 0xF0 && (b == 0xEE || b == 0xEF)) {
      return -1;
    }
    if (b >= 0xF0 && (a == 0xEE || a == 0xEF)) {
      return 1;
    }
    return Integer.compare(a, b);
  }

  /**
   * Encodes {@code value} as UTF-8 into {@code destination} (at least {@code 3 * value.length()}
   * bytes) and returns the bytes written, or -1 when the value holds an unpaired surrogate, which
   * UTF-8 cannot carry. One pass: the check and the encoding that {@link #hasUnpairedSurrogate}
   * plus {@code getBytes} would make in two, without allocating.
   */
  static int encode(String value, byte[] destination) {
    return encode(value, destination, 0);
  }

  /**
   * As {@link #encode(String, byte[])}, writing from {@code destination[offset]} (room for {@code 3 *
   * value.length()} bytes); returns the bytes written, or -1 on an unpaired surrogate.
   */
  static int encode(String value, byte[] destination, int offset) {
    final int length = value.length();
    int at = offset;
    for (int i = 0; i < length; i++) {
      final char c = value.charAt(i);
      if (c < 0x80) {
        destination[at++] = (byte) c;
      } else if (c < 0x800) {
        destination[at++] = (byte) (0xC0 | (c >>> 6));
        destination[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        destination[at++] = (byte) (0xE0 | (c >>> 12));
        destination[at++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        destination[at++] = (byte) (0x80 | (c & 0x3F));
      } else {
        if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return -1;
        }
        final int codePoint = Character.toCodePoint(c, value.charAt(++i));
        destination[at++] = (byte) (0xF0 | (codePoint >>> 18));
        destination[at++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
        destination[at++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
        destination[at++] = (byte) (0x80 | (codePoint & 0x3F));
      }
    }
    return at - offset;
  }

  static boolean hasUnpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return true;
        }
        i++;
      }
    }
    return false;
  }
}
