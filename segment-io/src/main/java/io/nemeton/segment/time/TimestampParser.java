package io.nemeton.segment.time;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns a timestamp value into epoch millis (UTC) following Druid's {@code timestampSpec.format}:
 *
 * <ul>
 *   <li>{@code iso}: ISO-8601 as {@link IsoTimestamps} reads it;
 *   <li>{@code auto} (the default): a string of digits (optionally signed) is millis, anything
 *       else ISO-8601 with {@code T} or a space between date and time; numbers are millis;
 *   <li>{@code millis}, {@code posix} (seconds), {@code micro}, {@code nano}: integers in that
 *       unit (decimal text is accepted and truncated toward zero);
 *   <li>{@code ruby}: seconds with a fraction;
 *   <li>anything else: a Joda-Time pattern (see {@link JodaPatterns} for what is supported).
 * </ul>
 *
 * <p>Every method returns {@link #INVALID} for a value it cannot read. Immutable and thread-safe.
 * The byte path allocates nothing for the numeric and ISO formats; patterns build a String.
 */
public final class TimestampParser {
  /** Returned for unreadable values; no real timestamp is this far in the past. */
  public static final long INVALID = Long.MIN_VALUE;

  private enum Kind { ISO, AUTO, MILLIS, POSIX, MICRO, NANO, RUBY, PATTERN }

  private final Kind kind;
  private final String format;
  private final DateTimeFormatter pattern;

  private TimestampParser(Kind kind, String format, DateTimeFormatter pattern) {
    this.kind = kind;
    this.format = format;
    this.pattern = pattern;
  }

  /**
   * A parser for Druid's {@code format} name or Joda pattern ({@code null} means {@code auto}).
   * Throws {@link IllegalArgumentException} naming the pattern when it is not supported.
   */
  public static TimestampParser forFormat(String format) {
    final String name = format == null ? "auto" : format;
    final Kind kind = switch (name.toLowerCase(Locale.ROOT)) {
      case "iso" -> Kind.ISO;
      case "auto" -> Kind.AUTO;
      case "millis" -> Kind.MILLIS;
      case "posix" -> Kind.POSIX;
      case "micro" -> Kind.MICRO;
      case "nano" -> Kind.NANO;
      case "ruby" -> Kind.RUBY;
      default -> Kind.PATTERN;
    };
    return new TimestampParser(kind, name, kind == Kind.PATTERN ? JodaPatterns.toFormatter(name) : null);
  }

  /** The format as given ({@code auto} when none was). */
  public String format() {
    return format;
  }

  /** True when a JSON number is read as a number in the format's unit rather than as text. */
  public boolean readsNumbers() {
    return kind != Kind.ISO && kind != Kind.PATTERN;
  }

  /**
   * True when every value of the common ISO shapes ({@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}) is read as
   * that instant ({@code iso} and {@code auto}), so {@link TimestampDayCache} may reuse its day.
   */
  public boolean readsIsoText() {
    return kind == Kind.ISO || kind == Kind.AUTO;
  }

  /** Reads {@code bytes[offset, offset + length)} (UTF-8 text). */
  public long parse(byte[] bytes, int offset, int length) {
    if (kind == Kind.ISO) {
      final long common = IsoTimestamps.parseCommon(bytes, offset, length, false);
      return common != INVALID ? common : IsoTimestamps.parse(bytes, offset, length, false);
    }
    return parseOther(bytes, offset, length);
  }

  private long parseOther(byte[] bytes, int offset, int length) {
    return switch (kind) {
      case ISO -> IsoTimestamps.parse(bytes, offset, length, false);
      case AUTO -> isInteger(bytes, offset, length)
          ? fromLong(integer(bytes, offset, length))
          : IsoTimestamps.parse(bytes, offset, length, true);
      case MILLIS, POSIX, MICRO, NANO, RUBY -> isInteger(bytes, offset, length)
          ? fromLong(integer(bytes, offset, length))
          : parseDecimal(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
      case PATTERN -> parsePattern(new String(bytes, offset, length, StandardCharsets.UTF_8));
    };
  }

  /** Reads a text value. */
  public long parse(String text) {
    if (text == null) {
      return INVALID;
    }
    return switch (kind) {
      case ISO -> IsoTimestamps.parse(text, false);
      case AUTO -> isInteger(text) ? fromLong(integer(text)) : IsoTimestamps.parse(text, true);
      case MILLIS, POSIX, MICRO, NANO, RUBY -> isInteger(text) ? fromLong(integer(text)) : parseDecimal(text);
      case PATTERN -> parsePattern(text);
    };
  }

  /** Reads an integer value (a JSON number) in the format's unit; text formats read its digits. */
  public long fromLong(long value) {
    return switch (kind) {
      case AUTO, MILLIS -> value;
      case POSIX, RUBY -> scale(value, 1000);
      case MICRO -> value / 1000;
      case NANO -> value / 1_000_000;
      case ISO, PATTERN -> parse(Long.toString(value));
    };
  }

  /** Reads a fractional value (a JSON number) in the format's unit; text formats read its text. */
  public long fromDouble(double value) {
    if (!Double.isFinite(value)) {
      return INVALID;
    }
    final double millis = switch (kind) {
      case AUTO, MILLIS -> value;
      case POSIX, RUBY -> value * 1000.0;
      case MICRO -> value / 1000.0;
      case NANO -> value / 1_000_000.0;
      case ISO, PATTERN -> Double.NaN;
    };
    if (Double.isNaN(millis)) {
      return parse(Double.toString(value));
    }
    if (millis >= 9.2e18 || millis <= -9.2e18) {
      return INVALID;
    }
    return (long) millis;
  }

  private long parseDecimal(String text) {
    try {
      return fromDouble(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return INVALID;
    }
  }

  private long parsePattern(String text) {
    try {
      final TemporalAccessor parsed = pattern.parse(text);
      final long seconds = parsed.getLong(ChronoField.INSTANT_SECONDS);
      final long nanos = parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.getLong(ChronoField.NANO_OF_SECOND) : 0;
      return Math.addExact(Math.multiplyExact(seconds, 1000L), nanos / 1_000_000);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return INVALID;
    }
  }

  private static long scale(long value, long factor) {
    final long high = Math.multiplyHigh(value, factor);
    final long low = value * factor;
    return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : INVALID;
  }

  private static boolean isInteger(byte[] bytes, int offset, int length) {
    int pos = offset;
    final int end = offset + length;
    if (pos < end && bytes[pos] == '-') {
      pos++;
    }
    if (pos == end || end - pos > 18) {
      return false;
    }
    for (; pos < end; pos++) {
      if (bytes[pos] < '0' || bytes[pos] > '9') {
        return false;
      }
    }
    return true;
  }

  private static long integer(byte[] bytes, int offset, int length) {
    int pos = offset;
    final boolean negative = bytes[pos] == '-';
    if (negative) {
      pos++;
    }
    long value = 0;
    for (final int end = offset + length; pos < end; pos++) {
      value = value * 10 + (bytes[pos] - '0');
    }
    return negative ? -value : value;
  }

  private static boolean isInteger(String text) {
    int pos = 0;
    final int end = text.length();
    if (pos < end && text.charAt(pos) == '-') {
      pos++;
    }
    if (pos == end || end - pos > 18) {
      return false;
    }
    for (; pos < end; pos++) {
      final char c = text.charAt(pos);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static long integer(String text) {
    return Long.parseLong(text);
  }

  @Override
  public String toString() {
    return "TimestampParser[" + format + "]";
  }
}
