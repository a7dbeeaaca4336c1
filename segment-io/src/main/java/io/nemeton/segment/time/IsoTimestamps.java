package io.nemeton.segment.time;

import java.nio.charset.StandardCharsets;

/**
 * Parses and formats ISO-8601 timestamps as epoch millis (UTC), without {@code java.time} objects.
 *
 * <p>Accepted shapes, as Druid's {@code iso} timestamp format accepts them: a date {@code yyyy},
 * {@code yyyy-MM}, {@code yyyy-MM-dd}, an ordinal date {@code yyyy-DDD} or a week date {@code
 * yyyy-Www[-e]}; optionally followed by {@code T} and a time {@code HH[:mm[:ss[.fraction]]]}; then
 * optionally a zone {@code Z}, {@code ±HH}, {@code ±HH:mm} or {@code ±HHmm}. No zone means UTC.
 * Years may carry a sign and more than four digits ({@code +12345-01-01}). Fractions keep the
 * first three digits (millis); more digits are truncated. With {@code allowSpace} a space may
 * stand for the {@code T} (Druid's {@code auto} format).
 *
 * <p>Stateless and thread-safe; {@link #parse(byte[], int, int, boolean)} allocates nothing.
 */
public final class IsoTimestamps {
  private static final java.lang.invoke.VarHandle LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  /** Returned when the text is not a timestamp. */
  public static final long INVALID = Long.MIN_VALUE;

  private IsoTimestamps() {}

  /** Parses {@code text}; {@link #INVALID} when it is not an ISO-8601 timestamp. */
  public static long parse(CharSequence text, boolean allowSpace) {
    final int length = text.length();
    if (length == 0 || length > 64) {
      return INVALID;
    }
    final byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    return parse(bytes, 0, bytes.length, allowSpace);
  }

  /** Parses {@code bytes[offset, offset + length)} as ASCII; {@link #INVALID} when not a timestamp. */
  public static long parse(byte[] bytes, int offset, int length, boolean allowSpace) {
    if ((length == 24 || length == 20) && bytes[offset + length - 1] == 'Z') {
      final long fast = parseCommonUtc(bytes, offset, length, allowSpace);
      if (fast != INVALID) {
        return fast;
      }
    }
    return parseGeneral(bytes, offset, length, allowSpace);
  }

  /**
   * The machine-written shapes only ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}, {@code
   * yyyy-MM-ddTHH:mm:ssZ}); {@link #INVALID} for anything else. Small, so callers inline it ahead
   * of the general parser.
   */
  public static long parseCommon(byte[] bytes, int offset, int length, boolean allowSpace) {
    if ((length == 24 || length == 20) && offset + 24 <= bytes.length && bytes[offset + length - 1] == 'Z') {
      return parseCommonUtcWords(bytes, offset, length, allowSpace);
    }
    return INVALID;
  }

  private static long parseGeneral(byte[] bytes, int offset, int length, boolean allowSpace) {
    final int end = offset + length;
    int pos = offset;
    if (length < 4) {
      return INVALID;
    }
    // year: four digits, or a sign and 4..9 digits
    boolean negativeYear = false;
    int yearDigits = 4;
    if (bytes[pos] == '+' || bytes[pos] == '-') {
      negativeYear = bytes[pos] == '-';
      pos++;
      yearDigits = 0;
      while (pos + yearDigits < end && isDigit(bytes[pos + yearDigits])) {
        yearDigits++;
      }
      if (yearDigits < 4 || yearDigits > 9) {
        return INVALID;
      }
    } else if (end - pos > 4 && isDigit(bytes[pos + 4])) {
      return INVALID;
    }
    long year = digits(bytes, pos, yearDigits, end);
    if (year < 0) {
      return INVALID;
    }
    if (negativeYear) {
      year = -year;
    }
    pos += yearDigits;
    long epochDay;
    if (pos == end) {
      return CivilDates.daysFromCivil(year, 1, 1) * CivilDates.MILLIS_PER_DAY;
    }
    if (bytes[pos] != '-') {
      return INVALID;
    }
    pos++;
    if (pos < end && bytes[pos] == 'W') {
      // week date: yyyy-Www[-e]
      final int week = (int) digits(bytes, pos + 1, 2, end);
      pos += 3;
      int dayOfWeek = 1;
      if (pos < end && bytes[pos] == '-') {
        dayOfWeek = (int) digits(bytes, pos + 1, 1, end);
        pos += 2;
      }
      if (week < 1 || week > weeksInWeekYear(year) || dayOfWeek < 1 || dayOfWeek > 7) {
        return INVALID;
      }
      epochDay = mondayOfWeekOne(year) + (week - 1) * 7L + (dayOfWeek - 1);
    } else if (pos + 3 <= end && isDigit(bytes[pos]) && isDigit(bytes[pos + 1]) && isDigit(bytes[pos + 2])
        && (pos + 3 == end || !isDigit(bytes[pos + 3]))) {
      // ordinal date: yyyy-DDD
      final int dayOfYear = (int) digits(bytes, pos, 3, end);
      if (dayOfYear < 1 || dayOfYear > (CivilDates.isLeapYear(year) ? 366 : 365)) {
        return INVALID;
      }
      epochDay = CivilDates.daysFromCivil(year, 1, 1) + dayOfYear - 1;
      pos += 3;
    } else {
      final int month = (int) digits(bytes, pos, 2, end);
      if (month < 1 || month > 12) {
        return INVALID;
      }
      pos += 2;
      int day = 1;
      if (pos < end && bytes[pos] == '-') {
        day = (int) digits(bytes, pos + 1, 2, end);
        if (day < 1 || day > CivilDates.daysInMonth(year, month)) {
          return INVALID;
        }
        pos += 3;
      } else if (pos != end) {
        return INVALID;
      }
      epochDay = CivilDates.daysFromCivil(year, month, day);
    }
    if (pos == end) {
      return epochDay * CivilDates.MILLIS_PER_DAY;
    }
    final byte separator = bytes[pos];
    if (separator != 'T' && !(allowSpace && separator == ' ')) {
      return INVALID;
    }
    pos++;
    final int hour = (int) digits(bytes, pos, 2, end);
    if (hour < 0 || hour > 23) {
      return INVALID;
    }
    pos += 2;
    int minute = 0;
    int second = 0;
    int millis = 0;
    if (pos < end && bytes[pos] == ':') {
      minute = (int) digits(bytes, pos + 1, 2, end);
      if (minute < 0 || minute > 59) {
        return INVALID;
      }
      pos += 3;
      if (pos < end && bytes[pos] == ':') {
        second = (int) digits(bytes, pos + 1, 2, end);
        if (second < 0 || second > 59) {
          return INVALID;
        }
        pos += 3;
        if (pos < end && (bytes[pos] == '.' || bytes[pos] == ',')) {
          pos++;
          final int fractionStart = pos;
          int scale = 100;
          while (pos < end && isDigit(bytes[pos])) {
            if (scale > 0) {
              millis += (bytes[pos] - '0') * scale;
              scale /= 10;
            }
            pos++;
          }
          if (pos == fractionStart || pos - fractionStart > 9) {
            return INVALID;
          }
        }
      }
    }
    long offsetMillis = 0;
    if (pos < end) {
      final byte zone = bytes[pos];
      if (zone == 'Z') {
        pos++;
      } else if (zone == '+' || zone == '-') {
        final int offsetHours = (int) digits(bytes, pos + 1, 2, end);
        if (offsetHours < 0 || offsetHours > 23) {
          return INVALID;
        }
        pos += 3;
        int offsetMinutes = 0;
        if (pos < end) {
          if (bytes[pos] == ':') {
            pos++;
          }
          offsetMinutes = (int) digits(bytes, pos, 2, end);
          if (offsetMinutes < 0 || offsetMinutes > 59) {
            return INVALID;
          }
          pos += 2;
        }
        offsetMillis = offsetHours * CivilDates.MILLIS_PER_HOUR + offsetMinutes * CivilDates.MILLIS_PER_MINUTE;
        if (zone == '-') {
          offsetMillis = -offsetMillis;
        }
      } else {
        return INVALID;
      }
    }
    if (pos != end) {
      return INVALID;
    }
    return epochDay * CivilDates.MILLIS_PER_DAY + hour * CivilDates.MILLIS_PER_HOUR
        + minute * CivilDates.MILLIS_PER_MINUTE + second * CivilDates.MILLIS_PER_SECOND + millis - offsetMillis;
  }

  /**
   * The usual machine-written shapes {@code yyyy-MM-ddTHH:mm:ss.SSSZ} and {@code
   * yyyy-MM-ddTHH:mm:ssZ} with fixed positions and no branches per digit; anything else (or an
   * invalid field) returns {@link #INVALID} and the general parser decides.
   */
  private static long parseCommonUtc(byte[] bytes, int offset, int length, boolean allowSpace) {
    if (offset + 24 <= bytes.length) {
      return parseCommonUtcWords(bytes, offset, length, allowSpace);
    }
    final byte separator = bytes[offset + 10];
    if (bytes[offset + 4] != '-' || bytes[offset + 7] != '-' || (separator != 'T' && !(allowSpace && separator == ' '))
        || bytes[offset + 13] != ':' || bytes[offset + 16] != ':' || (length == 24 && bytes[offset + 19] != '.')) {
      return INVALID;
    }
    final int y0 = bytes[offset] - '0';
    final int y1 = bytes[offset + 1] - '0';
    final int y2 = bytes[offset + 2] - '0';
    final int y3 = bytes[offset + 3] - '0';
    final int mo0 = bytes[offset + 5] - '0';
    final int mo1 = bytes[offset + 6] - '0';
    final int d0 = bytes[offset + 8] - '0';
    final int d1 = bytes[offset + 9] - '0';
    final int h0 = bytes[offset + 11] - '0';
    final int h1 = bytes[offset + 12] - '0';
    final int mi0 = bytes[offset + 14] - '0';
    final int mi1 = bytes[offset + 15] - '0';
    final int s0 = bytes[offset + 17] - '0';
    final int s1 = bytes[offset + 18] - '0';
    int f0 = 0;
    int f1 = 0;
    int f2 = 0;
    if (length == 24) {
      f0 = bytes[offset + 20] - '0';
      f1 = bytes[offset + 21] - '0';
      f2 = bytes[offset + 22] - '0';
    }
    // any byte outside '0'..'9' makes its difference negative or above 9: one unsigned test for all
    if (((y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1 | f0 | f1 | f2) & ~0xF) != 0
        || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9
        || mi0 > 9 || mi1 > 9 || s0 > 9 || s1 > 9 || f0 > 9 || f1 > 9 || f2 > 9) {
      return INVALID;
    }
    final int year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    final int month = mo0 * 10 + mo1;
    final int day = d0 * 10 + d1;
    final int hour = h0 * 10 + h1;
    final int minute = mi0 * 10 + mi1;
    final int second = s0 * 10 + s1;
    if (month < 1 || month > 12 || day < 1 || day > CivilDates.daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 59) {
      return INVALID;
    }
    return CivilDates.daysFromCivil(year, month, day) * CivilDates.MILLIS_PER_DAY + hour * CivilDates.MILLIS_PER_HOUR
        + minute * CivilDates.MILLIS_PER_MINUTE + second * CivilDates.MILLIS_PER_SECOND + f0 * 100 + f1 * 10 + f2;
  }

  /**
   * {@link #parseCommonUtc} eight bytes at a time: three loads, separators checked with masks, all
   * digits checked at once (each digit byte XOR '0' must be 0..9: high nibble clear, and adding 6
   * must not carry into it), then the fields taken from the words.
   */
  private static long parseCommonUtcWords(byte[] bytes, int offset, int length, boolean allowSpace) {
    final long w0 = (long) LONG.get(bytes, offset);
    final long w1 = (long) LONG.get(bytes, offset + 8);
    final long w2 = (long) LONG.get(bytes, offset + 16);
    // "yyyy-MM-" "ddTHH:mm" ":ss.SSSZ" (or ":ssZ"), little-endian: byte j is bits 8j..8j+7
    if ((w0 & 0xFF0000FF00000000L) != 0x2D00002D00000000L) {
      return INVALID;
    }
    final long separators1 = w1 & 0x0000FF0000FF0000L;
    if (separators1 != 0x00003A0000540000L && !(allowSpace && separators1 == 0x00003A0000200000L)) {
      return INVALID;
    }
    final long fractionDigits;
    if (length == 24) {
      if ((w2 & 0xFF000000FF0000FFL) != 0x5A0000002E00003AL) {
        return INVALID;
      }
      fractionDigits = 0x00FFFFFF00FFFF00L;
    } else {
      if ((w2 & 0x00000000FF0000FFL) != 0x000000005A00003AL) {
        return INVALID;
      }
      fractionDigits = 0x0000000000FFFF00L;
    }
    final long d0 = (w0 ^ 0x3030303030303030L) & 0x00FFFF00FFFFFFFFL;
    final long d1 = (w1 ^ 0x3030303030303030L) & 0xFFFF00FFFF00FFFFL;
    final long d2 = (w2 ^ 0x3030303030303030L) & fractionDigits;
    if (((d0 | d1 | d2) & 0xF0F0F0F0F0F0F0F0L) != 0
        || (((d0 + 0x0606060606060606L) | (d1 + 0x0606060606060606L) | (d2 + 0x0606060606060606L))
            & 0xF0F0F0F0F0F0F0F0L) != 0) {
      return INVALID;
    }
    final int year = (int) (d0 & 0xFF) * 1000 + (int) ((d0 >>> 8) & 0xFF) * 100 + (int) ((d0 >>> 16) & 0xFF) * 10
        + (int) ((d0 >>> 24) & 0xFF);
    final int month = (int) ((d0 >>> 40) & 0xFF) * 10 + (int) ((d0 >>> 48) & 0xFF);
    final int day = (int) (d1 & 0xFF) * 10 + (int) ((d1 >>> 8) & 0xFF);
    final int hour = (int) ((d1 >>> 24) & 0xFF) * 10 + (int) ((d1 >>> 32) & 0xFF);
    final int minute = (int) ((d1 >>> 48) & 0xFF) * 10 + (int) ((d1 >>> 56) & 0xFF);
    final int second = (int) ((d2 >>> 8) & 0xFF) * 10 + (int) ((d2 >>> 16) & 0xFF);
    final int millis = (int) ((d2 >>> 32) & 0xFF) * 100 + (int) ((d2 >>> 40) & 0xFF) * 10 + (int) ((d2 >>> 48) & 0xFF);
    if (month < 1 || month > 12 || day < 1 || day > CivilDates.daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 59) {
      return INVALID;
    }
    return CivilDates.daysFromCivil(year, month, day) * CivilDates.MILLIS_PER_DAY + hour * CivilDates.MILLIS_PER_HOUR
        + minute * CivilDates.MILLIS_PER_MINUTE + second * CivilDates.MILLIS_PER_SECOND + millis;
  }

  /**
   * The millis within the day of a common-shaped value ({@code yyyy-MM-ddTHH:mm:ss.SSSZ} or {@code
   * yyyy-MM-ddTHH:mm:ssZ}, {@code length} 24 or 20) from its last two words: {@code w1} holds bytes
   * 8..15 ({@code ddTHH:mm}), {@code w2} bytes 16..23, little-endian. Checks the time part exactly as
   * {@link #parseCommon} does (the date bytes are not looked at); {@link #INVALID} when it fails.
   */
  public static long millisOfDay(long w1, long w2, int length) {
    final long fractionDigits;
    if (length == 24) {
      if ((w2 & 0xFF000000FF0000FFL) != 0x5A0000002E00003AL) {
        return INVALID;
      }
      fractionDigits = 0x00FFFFFF00FFFF00L;
    } else if (length == 20) {
      if ((w2 & 0x00000000FF0000FFL) != 0x000000005A00003AL) {
        return INVALID;
      }
      fractionDigits = 0x0000000000FFFF00L;
    } else {
      return INVALID;
    }
    if ((w1 & 0x0000FF0000000000L) != 0x00003A0000000000L) {
      return INVALID;
    }
    final long d1 = (w1 ^ 0x3030303030303030L) & 0xFFFF00FFFF000000L;
    final long d2 = (w2 ^ 0x3030303030303030L) & fractionDigits;
    if (((d1 | d2) & 0xF0F0F0F0F0F0F0F0L) != 0
        || (((d1 + 0x0606060606060606L) | (d2 + 0x0606060606060606L)) & 0xF0F0F0F0F0F0F0F0L) != 0) {
      return INVALID;
    }
    final int hour = (int) ((d1 >>> 24) & 0xFF) * 10 + (int) ((d1 >>> 32) & 0xFF);
    final int minute = (int) ((d1 >>> 48) & 0xFF) * 10 + (int) ((d1 >>> 56) & 0xFF);
    final int second = (int) ((d2 >>> 8) & 0xFF) * 10 + (int) ((d2 >>> 16) & 0xFF);
    final int millis = (int) ((d2 >>> 32) & 0xFF) * 100 + (int) ((d2 >>> 40) & 0xFF) * 10 + (int) ((d2 >>> 48) & 0xFF);
    if (hour > 23 || minute > 59 || second > 59) {
      return INVALID;
    }
    return hour * CivilDates.MILLIS_PER_HOUR + minute * CivilDates.MILLIS_PER_MINUTE
        + second * CivilDates.MILLIS_PER_SECOND + millis;
  }

  /** Formats as Druid prints instants: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  public static String format(long epochMillis) {
    final long epochDay = Math.floorDiv(epochMillis, CivilDates.MILLIS_PER_DAY);
    final long millisOfDay = Math.floorMod(epochMillis, CivilDates.MILLIS_PER_DAY);
    final long monthIndex = CivilDates.monthIndexFromDays(epochDay);
    final long year = 1970 + Math.floorDiv(monthIndex, 12);
    final int month = (int) Math.floorMod(monthIndex, 12) + 1;
    final long day = epochDay - CivilDates.daysFromMonthIndex(monthIndex) + 1;
    final StringBuilder text = new StringBuilder(24);
    if (year < 0 || year > 9999) {
      text.append(year < 0 ? '-' : '+');
      text.append(String.format("%06d", Math.abs(year)));
    } else {
      pad(text, year, 4);
    }
    text.append('-');
    pad(text, month, 2);
    text.append('-');
    pad(text, day, 2);
    text.append('T');
    pad(text, millisOfDay / CivilDates.MILLIS_PER_HOUR, 2);
    text.append(':');
    pad(text, millisOfDay / CivilDates.MILLIS_PER_MINUTE % 60, 2);
    text.append(':');
    pad(text, millisOfDay / CivilDates.MILLIS_PER_SECOND % 60, 2);
    text.append('.');
    pad(text, millisOfDay % 1000, 3);
    return text.append('Z').toString();
  }

  private static void pad(StringBuilder text, long value, int width) {
    final String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    text.append(digits);
  }

  /** ISO day of week of an epoch day: Monday 1 .. Sunday 7 (1970-01-01 was a Thursday). */
  static int dayOfWeek(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7) + 1;
  }

  private static long mondayOfWeekOne(long weekYear) {
    // week one holds the year's first Thursday, hence January 4th
    final long january4 = CivilDates.daysFromCivil(weekYear, 1, 4);
    return january4 - (dayOfWeek(january4) - 1);
  }

  private static int weeksInWeekYear(long weekYear) {
    return (int) ((mondayOfWeekOne(weekYear + 1) - mondayOfWeekOne(weekYear)) / 7);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** The value of {@code count} digits at {@code pos}, or -1 when they are not all digits. */
  private static long digits(byte[] bytes, int pos, int count, int end) {
    if (pos + count > end) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < count; i++) {
      final int digit = bytes[pos + i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
