package io.nemeton.segment.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from input bytes. Integers of up to 18 digits and decimals
 * whose digits fit 2^53 with a power of ten up to 22 are computed exactly without a String
 * (Clinger's fast path: both operands are exact doubles, so one rounding gives the correct
 * result); anything else falls back to {@link Double#parseDouble}. Surrounding spaces and tabs
 * are ignored. A long field given a decimal keeps its integer part, as Druid casts.
 *
 * <p>Stateless and thread-safe.
 */
final class NumberParsing {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private NumberParsing() {}

  /** Parses a long into {@code out[index]}; false when the text is not a number. */
  static boolean parseLong(byte[] bytes, int offset, int length, long[] out, int index) {
    if (length > 0 && length <= 8 && offset + 8 <= bytes.length) {
      // the whole field in one load: an optional minus and up to 8 digits, without a branch on the sign
      final long word = (long) ByteScan.LONG.get(bytes, offset);
      final int negative = (word & 0xFF) == '-' ? 1 : 0;
      final long value = digitsOfWord(word >>> (negative << 3), length - negative);
      if (value >= 0) {
        out[index] = (value ^ -negative) + negative;
        return true;
      }
      return parseLongSlow(bytes, offset, length, out, index);
    }
    if (length > 8) {
      // 9..16 digits after an optional minus: two loads, the second ending at the field's end
      final int negative = bytes[offset] == '-' ? 1 : 0;
      final int digits = length - negative;
      if (digits > 8 && digits <= 16) {
        final long high = digitsOfWord((long) ByteScan.LONG.get(bytes, offset + negative), digits - 8);
        final long low = digitsOfWord((long) ByteScan.LONG.get(bytes, offset + length - 8), 8);
        if ((high | low) >= 0) {
          final long value = high * 100_000_000L + low;
          out[index] = (value ^ -negative) + negative;
          return true;
        }
      }
    } else if (length > 0) {
      // near the end of the buffer: up to 8 bytes, one digit at a time
      final boolean negative = bytes[offset] == '-';
      final int pos = negative ? offset + 1 : offset;
      final int digits = offset + length - pos;
      final long value = digits > 0 ? digits(bytes, pos, digits) : -1;
      if (value >= 0) {
        out[index] = negative ? -value : value;
        return true;
      }
    }
    return parseLongSlow(bytes, offset, length, out, index);
  }

  /**
   * The value of the {@code count} (0..8) ASCII digits in the low bytes of {@code word} (the first
   * digit in the lowest byte), or -1 if one is not a digit (and for no digits at all). The bytes
   * above them are ignored.
   */
  static long digitsOfWord(long word, int count) {
    final int shift = (8 - count) << 3;
    // the digits moved to the top, the gap below filled with '0' (shift 64 would not shift at all)
    final long aligned = count == 0 ? 0 : (word << shift) | (0x3030303030303030L & ~(-1L << shift));
    final long digits = aligned ^ 0x3030303030303030L;
    if (((digits | (digits + 0x0606060606060606L)) & 0xF0F0F0F0F0F0F0F0L) != 0 || count == 0) {
      return -1;
    }
    long value = (digits * 10) + (digits >>> 8);
    value = (((value & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
        + (((value >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    return value;
  }

  /** {@code high * scale + low}, or -1 when either part is not digits. */
  private static long combine(long high, long low, long scale) {
    return (high | low) < 0 ? -1 : high * scale + low;
  }

  /**
   * The value of {@code count} (1..8) ASCII digits at {@code offset}, or -1 if one is not a digit.
   * Eight bytes are loaded at once, the digits moved to the top and the gap filled with '0', then
   * combined in pairs, fours and eights with three multiplications (SWAR).
   */
  static long digits(byte[] bytes, int offset, int count) {
    if (offset + 8 > bytes.length) {
      long value = 0;
      for (int i = offset; i < offset + count; i++) {
        final int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }
    final int shift = (8 - count) << 3;
    long word = (long) ByteScan.LONG.get(bytes, offset);
    word = shift == 0 ? word : (word << shift) | (0x3030303030303030L >>> (64 - shift));
    final long digits = word ^ 0x3030303030303030L;
    if ((digits & 0xF0F0F0F0F0F0F0F0L) != 0 || ((digits + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) != 0) {
      return -1;
    }
    long value = (digits * 10) + (digits >>> 8);
    value = (((value & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
        + (((value >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    return value;
  }

  private static boolean parseLongSlow(byte[] bytes, int offset, int length, long[] out, int index) {
    int pos = offset;
    int end = offset + length;
    while (pos < end && (bytes[pos] == ' ' || bytes[pos] == '\t')) {
      pos++;
    }
    while (end > pos && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
      end--;
    }
    if (pos == end) {
      return false;
    }
    int digitsStart = pos;
    final boolean negative = bytes[pos] == '-';
    if (negative || bytes[pos] == '+') {
      digitsStart++;
    }
    if (end > digitsStart) {
      // exact for every integer a long holds; past that, the decimal value cast as Druid casts
      long value = 0;
      int i = digitsStart;
      boolean overflow = false;
      for (; i < end; i++) {
        final int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        if (value > (Long.MAX_VALUE - digit) / 10) {
          overflow = !(negative && value == Long.MAX_VALUE / 10 && digit == 8 && i == end - 1);
          if (!overflow) {
            out[index] = Long.MIN_VALUE;
            return true;
          }
          break;
        }
        value = value * 10 + digit;
      }
      if (i == end && !overflow) {
        out[index] = negative ? -value : value;
        return true;
      }
    }
    final double value = parseDoubleSlow(bytes, pos, end - pos);
    if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
      return false;
    }
    out[index] = (long) value;
    return true;
  }

  /** Parses a double into {@code out[index]}; false when the text is not a number. */
  static boolean parseDouble(byte[] bytes, int offset, int length, double[] out, int index) {
    if (length > 0 && length <= 8 && offset + 8 <= bytes.length) {
      // the whole field in one load: the point found and squeezed out, then one eight-digit step
      final long loaded = (long) ByteScan.LONG.get(bytes, offset);
      final int negative = (loaded & 0xFF) == '-' ? 1 : 0;
      final long word = loaded >>> (negative << 3);
      final int count = length - negative;
      final long points = ByteScan.zeroBytes(word ^ POINTS) & ((1L << (count << 3)) - 1);
      final int point = Long.numberOfTrailingZeros(points) >>> 3;
      final int fractionDigits = count - point - 1;
      if (points == 0) {
        final long value = digitsOfWord(word, count);
        if (value >= 0) {
          out[index] = negative == 0 ? value : -(double) value;
          return true;
        }
      } else if (point > 0 && fractionDigits > 0) {
        final int pointBits = point << 3;
        final long below = word & ((1L << pointBits) - 1);
        final long mantissa = digitsOfWord(below | ((word >>> (pointBits + 8)) << pointBits), count - 1);
        if (mantissa >= 0) {
          // Clinger: an exact mantissa divided by an exact power of ten rounds once, correctly
          final double value = mantissa / POWERS_OF_TEN[fractionDigits];
          out[index] = negative == 0 ? value : -value;
          return true;
        }
      }
      return parseDoubleGeneral(bytes, offset, length, out, index);
    }
    // fast path: optional minus, up to 8 digits, optional '.' and 1..8 digits
    int pos = offset;
    final int end = offset + length;
    final boolean negative = length > 0 && bytes[pos] == '-';
    if (negative) {
      pos++;
    }
    final int available = end - pos;
    if (available > 0 && available <= 17) {
      final int point = indexOfPoint(bytes, pos, end);
      final long mantissa;
      int fractionDigits = 0;
      if (point < 0) {
        mantissa = available <= 8 ? digits(bytes, pos, available) : -1;
      } else {
        final int integerDigits = point - pos;
        fractionDigits = end - point - 1;
        mantissa = integerDigits > 0 && integerDigits <= 8 && fractionDigits > 0 && fractionDigits <= 8
            ? combine(digits(bytes, pos, integerDigits), digits(bytes, point + 1, fractionDigits),
                (long) POWERS_OF_TEN[fractionDigits]) : -1;
      }
      // Clinger: an exact mantissa divided by an exact power of ten rounds once, correctly
      if (mantissa >= 0 && mantissa <= (1L << 53)) {
        final double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        out[index] = negative ? -value : value;
        return true;
      }
    }
    return parseDoubleGeneral(bytes, offset, length, out, index);
  }

  private static final long POINTS = ByteScan.broadcast((byte) '.');

  /**
   * The first '.' in {@code bytes[from, to)}, or -1: eight bytes at a time (one load and a few
   * steps for the usual short number instead of a branch per byte).
   */
  private static int indexOfPoint(byte[] bytes, int from, int to) {
    int i = from;
    for (; i < to && i + 8 <= bytes.length; i += 8) {
      long found = ByteScan.zeroBytes((long) ByteScan.LONG.get(bytes, i) ^ POINTS);
      final int valid = to - i;
      if (valid < 8) {
        found &= (1L << (valid << 3)) - 1;
      }
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '.') {
        return i;
      }
    }
    return -1;
  }

  private static boolean parseDoubleGeneral(byte[] bytes, int offset, int length, double[] out, int index) {
    int pos = offset;
    int end = offset + length;
    while (pos < end && (bytes[pos] == ' ' || bytes[pos] == '\t')) {
      pos++;
    }
    while (end > pos && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
      end--;
    }
    if (pos == end) {
      return false;
    }
    final int start = pos;
    final boolean negative = bytes[pos] == '-';
    if (negative || bytes[pos] == '+') {
      pos++;
    }
    long mantissa = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean anyDigit = false;
    boolean fast = true;
    while (pos < end) {
      final int digit = bytes[pos] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      anyDigit = true;
      if (mantissa != 0 || digit != 0) {
        significant++;
      }
      mantissa = mantissa * 10 + digit;
      pos++;
      if (significant > 15) {
        fast = false;
      }
    }
    if (pos < end && bytes[pos] == '.') {
      pos++;
      while (pos < end) {
        final int digit = bytes[pos] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        anyDigit = true;
        if (mantissa != 0 || digit != 0) {
          significant++;
        }
        mantissa = mantissa * 10 + digit;
        fractionDigits++;
        pos++;
        if (significant > 15) {
          fast = false;
        }
      }
    }
    int exponent = 0;
    if (anyDigit && pos < end && (bytes[pos] == 'e' || bytes[pos] == 'E')) {
      pos++;
      boolean negativeExponent = false;
      if (pos < end && (bytes[pos] == '-' || bytes[pos] == '+')) {
        negativeExponent = bytes[pos] == '-';
        pos++;
      }
      final int exponentStart = pos;
      while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9' && pos - exponentStart < 6) {
        exponent = exponent * 10 + (bytes[pos] - '0');
        pos++;
      }
      if (pos == exponentStart) {
        fast = false;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (fast && anyDigit && pos == end) {
      final int scale = exponent - fractionDigits;
      if (scale >= -22 && scale <= 22) {
        double value = mantissa;
        value = scale < 0 ? value / POWERS_OF_TEN[-scale] : value * POWERS_OF_TEN[scale];
        out[index] = negative ? -value : value;
        return true;
      }
    }
    final double value = parseDoubleSlow(bytes, start, end - start);
    if (Double.isNaN(value) && !isNaNText(bytes, start, end - start)) {
      return false;
    }
    out[index] = value;
    return true;
  }

  private static boolean isNaNText(byte[] bytes, int offset, int length) {
    return length == 3 && bytes[offset] == 'N' && bytes[offset + 1] == 'a' && bytes[offset + 2] == 'N';
  }

  /** {@link Double#parseDouble}, with NaN for text that is not a decimal number. */
  private static double parseDoubleSlow(byte[] bytes, int offset, int length) {
    final String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    final String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (!unsigned.equals("Infinity") && !unsigned.equals("NaN")) {
      for (int i = 0; i < unsigned.length(); i++) {
        final char c = unsigned.charAt(i);
        // Java-only spellings (hex, type suffixes) are not numbers in any input format
        if (c == 'x' || c == 'X' || c == 'd' || c == 'D' || c == 'f' || c == 'F' || c == 'p' || c == 'P'
            || c == 'N' || c == 'I') {
          return Double.NaN;
        }
      }
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Parses a Java String (JSON text values) as a long; false when not a number. */
  static boolean parseLong(String text, long[] out, int index) {
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return parseLong(bytes, 0, bytes.length, out, index);
  }

  /** Parses a Java String as a double; false when not a number. */
  static boolean parseDouble(String text, double[] out, int index) {
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return parseDouble(bytes, 0, bytes.length, out, index);
  }
}
