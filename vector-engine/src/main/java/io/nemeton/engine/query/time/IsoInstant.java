package io.nemeton.engine.query.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;

/**
 * Parses and prints instants in the ISO-8601 forms Druid accepts (those of Joda's {@code
 * ISODateTimeFormat.dateTimeParser()}): {@code 2013}, {@code 2013-01}, {@code 2013-01-08}, {@code
 * 2013-008} (ordinal), {@code 2013-W02-1} (week date), each optionally followed by {@code T} and
 * {@code HH}, {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.fff}, and an offset {@code Z},
 * {@code +08}, {@code +0800} or {@code +08:00}. Years may be signed and longer than four digits, so
 * Druid's eternity bounds ({@code -146136543-09-08T08:23:32.096Z}) parse. A bare number is a year:
 * {@code 1000/3000} is the interval from year 1000 to year 3000, as in Druid.
 *
 * <p>Stateless and thread-safe; allocates a few java.time objects per call.
 */
public final class IsoInstant {

  private IsoInstant() {}

  /** Parses an instant; text without an offset is read in UTC. */
  public static long parse(String text) {
    return parse(text, ZoneOffset.UTC);
  }

  /**
   * Parses an instant; text without an offset is read in {@code defaultZone}.
   *
   * @throws IllegalArgumentException naming the text and the problem
   */
  public static long parse(String text, ZoneId defaultZone) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("invalid ISO-8601 instant '': empty text");
    }
    final Cursor cursor = new Cursor(text);
    try {
      final LocalDate date = cursor.date();
      int hour = 0;
      int minute = 0;
      int second = 0;
      int nanos = 0;
      if (cursor.peek() == 'T' || cursor.peek() == 't') {
        cursor.position++;
        hour = cursor.digits(2, "hour");
        if (cursor.peek() == ':') {
          cursor.position++;
          minute = cursor.digits(2, "minute");
          if (cursor.peek() == ':') {
            cursor.position++;
            second = cursor.digits(2, "second");
            if (cursor.peek() == '.' || cursor.peek() == ',') {
              cursor.position++;
              nanos = cursor.fractionNanos();
            }
          }
        }
      }
      ZoneId zone = defaultZone;
      final char next = cursor.peek();
      if (next == 'Z' || next == 'z') {
        cursor.position++;
        zone = ZoneOffset.UTC;
      } else if (next == '+' || next == '-') {
        zone = cursor.offset();
      }
      if (cursor.position != text.length()) {
        throw cursor.fail("unexpected character '" + text.charAt(cursor.position) + "'");
      }
      final LocalDateTime local;
      if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
        local = date.plusDays(1).atStartOfDay();
      } else {
        local = date.atTime(hour, minute, second, nanos);
      }
      return ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("invalid ISO-8601 instant '" + text + "': " + e.getMessage(), e);
    }
  }

  /** Prints an instant in UTC as Druid does: {@code 2013-08-31T01:02:33.000Z}. */
  public static String format(long epochMs) {
    return format(epochMs, ZoneOffset.UTC);
  }

  /** Prints an instant in a zone, with {@code Z} for UTC and {@code +08:00} style offsets otherwise. */
  public static String format(long epochMs, ZoneId zone) {
    final ZonedDateTime time = InstantFields.zoned(epochMs, zone);
    final StringBuilder text = new StringBuilder(29);
    final int year = time.getYear();
    if (year < 0) {
      text.append('-');
    }
    pad(text, Math.abs(year), 4);
    text.append('-');
    pad(text, time.getMonthValue(), 2);
    text.append('-');
    pad(text, time.getDayOfMonth(), 2);
    text.append('T');
    pad(text, time.getHour(), 2);
    text.append(':');
    pad(text, time.getMinute(), 2);
    text.append(':');
    pad(text, time.getSecond(), 2);
    text.append('.');
    pad(text, time.get(ChronoField.MILLI_OF_SECOND), 3);
    final int offsetSeconds = time.getOffset().getTotalSeconds();
    if (offsetSeconds == 0) {
      text.append('Z');
    } else {
      text.append(offsetSeconds < 0 ? '-' : '+');
      final int absolute = Math.abs(offsetSeconds);
      pad(text, absolute / 3600, 2);
      text.append(':');
      pad(text, absolute / 60 % 60, 2);
    }
    return text.toString();
  }

  private static void pad(StringBuilder text, int value, int width) {
    final String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    text.append(digits);
  }

  /** A position in the text being parsed. */
  private static final class Cursor {
    private final String text;
    private int position;

    Cursor(String text) {
      this.text = text;
    }

    char peek() {
      return position < text.length() ? text.charAt(position) : '\0';
    }

    IllegalArgumentException fail(String reason) {
      return new IllegalArgumentException(
          "invalid ISO-8601 instant '" + text + "': " + reason + " at position " + position);
    }

    LocalDate date() {
      boolean negative = false;
      if (peek() == '-' || peek() == '+') {
        negative = peek() == '-';
        position++;
      }
      final int yearStart = position;
      while (Character.isDigit(peek())) {
        position++;
      }
      final int yearDigits = position - yearStart;
      if (yearDigits == 0 || yearDigits > 9) {
        throw fail("expected a year of 1 to 9 digits");
      }
      final int year = Integer.parseInt(text, yearStart, position, 10) * (negative ? -1 : 1);
      if (peek() != '-') {
        return LocalDate.of(year, 1, 1);
      }
      position++;
      if (peek() == 'W') {
        position++;
        final int week = digits(2, "week");
        int dayOfWeek = 1;
        if (peek() == '-') {
          position++;
          dayOfWeek = digits(1, "day of week");
        }
        return LocalDate.of(year, 6, 1)
            .with(IsoFields.WEEK_BASED_YEAR, year)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(ChronoField.DAY_OF_WEEK, dayOfWeek);
      }
      final int fieldStart = position;
      while (Character.isDigit(peek())) {
        position++;
      }
      final int fieldDigits = position - fieldStart;
      if (fieldDigits == 3) {
        return LocalDate.ofYearDay(year, Integer.parseInt(text, fieldStart, position, 10));
      }
      if (fieldDigits != 2) {
        throw fail("expected a two-digit month");
      }
      final int month = Integer.parseInt(text, fieldStart, position, 10);
      if (peek() != '-') {
        return LocalDate.of(year, month, 1);
      }
      position++;
      return LocalDate.of(year, month, digits(2, "day"));
    }

    int digits(int count, String what) {
      if (position + count > text.length()) {
        throw fail("expected " + count + " digits of " + what);
      }
      int value = 0;
      for (int i = 0; i < count; i++) {
        final char c = text.charAt(position + i);
        if (c < '0' || c > '9') {
          position += i;
          throw fail("expected " + count + " digits of " + what);
        }
        value = value * 10 + (c - '0');
      }
      position += count;
      return value;
    }

    int fractionNanos() {
      int nanos = 0;
      int count = 0;
      while (Character.isDigit(peek())) {
        if (count < 9) {
          nanos = nanos * 10 + (text.charAt(position) - '0');
        }
        count++;
        position++;
      }
      if (count == 0) {
        throw fail("expected fraction digits");
      }
      for (; count < 9; count++) {
        nanos *= 10;
      }
      // Druid keeps milliseconds: drop anything finer.
      return nanos / 1_000_000 * 1_000_000;
    }

    ZoneOffset offset() {
      final boolean negative = text.charAt(position) == '-';
      position++;
      final int hours = digits(2, "offset hours");
      int minutes = 0;
      if (peek() == ':') {
        position++;
        minutes = digits(2, "offset minutes");
      } else if (Character.isDigit(peek())) {
        minutes = digits(2, "offset minutes");
      }
      final int sign = negative ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
  }
}
