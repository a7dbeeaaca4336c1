package io.nemeton.segment.format;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Compares UTF-8 byte strings in Java {@link String#compareTo} order (UTF-16 code units), the order
 * dictionaries are sorted in, without decoding them.
 *
 * <p>UTF-8 byte order is code point order. UTF-16 order differs only where a supplementary code
 * point (UTF-8 lead byte F0..F4, a surrogate pair in UTF-16, D800..DFFF) meets one in E000..FFFF
 * (lead byte EE or EF): UTF-16 puts the supplementary one first. Such a pair differs in its lead
 * bytes, so fixing the order at the first differing byte is enough.
 *
 * <p>Public for the ingest package, which interns values as UTF-8 bytes. Stateless and
 * thread-safe; allocates nothing.
 */
public final class Utf8Order {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

  /** Compares two UTF-8 byte ranges: negative, 0 or positive, in String order. */
  public static int compare(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
    final int mismatch = Arrays.mismatch(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
    if (mismatch < 0) {
      return 0;
    }
    if (mismatch == aLength || mismatch == bLength) {
      return Integer.compare(aLength, bLength);
    }
    return compareLeadBytes(a[aFrom + mismatch] & 0xFF, b[bFrom + mismatch] & 0xFF);
  }

  /** True when no byte of {@code bytes[from, to)} has its top bit set (eight bytes at a time). */
  public static boolean isAscii(byte[] bytes, int from, int to) {
    long bits = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      bits |= (long) LONG.get(bytes, i);
    }
    for (; i < to; i++) {
      bits |= bytes[i];
    }
    return (bits & 0x8080808080808080L) == 0;
  }

  /**
   * True when {@code bytes[from, from + length)} is well-formed UTF-8: shortest forms only, no
   * surrogate code points, nothing above U+10FFFF, no sequence cut at the end.
   */
  public static boolean isValid(byte[] bytes, int from, int length) {
    final int end = from + length;
    int at = from;
    while (at < end) {
      final int lead = bytes[at] & 0xFF;
      if (lead < 0x80) {
        at++;
        continue;
      }
      final int extra = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
          : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
      if (extra < 0 || at + extra >= end) {
        return false;
      }
      int codePoint = lead & (0x3F >> extra);
      for (int i = 1; i <= extra; i++) {
        final int continuation = bytes[at + i] & 0xFF;
        if ((continuation & 0xC0) != 0x80) {
          return false;
        }
        codePoint = (codePoint << 6) | (continuation & 0x3F);
      }
      final int minimum = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
      if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return false;
      }
      at += extra + 1;
    }
    return true;
  }

  /**
   * A byte's rank in UTF-16 order, for keys packed from leading bytes: the supplementary lead
   * bytes F0..F4 move below EE and EF, everything else keeps its order.
   */
  public static int weight(int unsignedByte) {
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
