package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Compares UTF-8 byte ranges in Java {@link String#compareTo} order (UTF-16 code units) without
 * decoding. Unsigned byte order of valid UTF-8 is code point order; it differs from UTF-16 order
 * only where a character from U+E000..U+FFFF (lead byte EE or EF) meets a supplementary one (lead
 * byte F0..F4, a surrogate pair in UTF-16, which sorts lower). Only lead bytes can be EE or above,
 * so the first differing byte decides, with that one pair of ranges swapped.
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
final class Utf8Order {
  private Utf8Order() {}

  static int compare(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
    final int mismatch = Arrays.mismatch(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
    if (mismatch < 0) {
      return 0;
    }
    if (mismatch >= aLength || mismatch >= bLength) {
      return aLength - bLength;
    }
    return Integer.compare(weight(a[aFrom + mismatch] & 0xff), weight(b[bFrom + mismatch] & 0xff));
  }

  /** The byte's rank in UTF-16 order: supplementary lead bytes move below EE and EF. */
  static int weight(int unsignedByte) {
    if (unsignedByte < 0xEE) {
      return unsignedByte;
    }
    if (unsignedByte <= 0xEF) {
      return unsignedByte + 5;
    }
    if (unsignedByte <= 0xF4) {
      return unsignedByte - 2;
    }
    return unsignedByte + 5;
  }

  /** True when the range is valid UTF-8 (checked only for non-ASCII input). */
  static boolean isValid(byte[] bytes, int from, int length) {
    final int end = from + length;
    int pos = from;
    while (pos < end) {
      final int lead = bytes[pos] & 0xff;
      if (lead < 0x80) {
        pos++;
        continue;
      }
      final int extra;
      final int minimum;
      if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
        minimum = 0x80;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        minimum = 0x800;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        minimum = 0x10000;
      } else {
        return false;
      }
      if (pos + extra >= end) {
        return false;
      }
      int codePoint = lead & (0x3F >> extra);
      for (int i = 1; i <= extra; i++) {
        final int continuation = bytes[pos + i] & 0xff;
        if ((continuation & 0xC0) != 0x80) {
          return false;
        }
        codePoint = (codePoint << 6) | (continuation & 0x3F);
      }
      if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return false;
      }
      pos += extra + 1;
    }
    return true;
  }
}
