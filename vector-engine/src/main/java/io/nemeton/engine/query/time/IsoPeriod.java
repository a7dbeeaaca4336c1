package io.nemeton.engine.query.time;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An ISO-8601 period such as {@code P1D}, {@code PT6H} or {@code P1Y2M3W4DT5H6M7.008S}, the form
 * Druid uses for granularities, intervals and time functions.
 *
 * <p>Immutable and thread-safe. {@link #addTo} allocates a few small java.time objects per call; it
 * is meant for planning and reference evaluation, not for per-row loops.
 */
public record IsoPeriod(
    int years, int months, int weeks, int days, int hours, int minutes, int seconds, int millis) {

  /**
   * Parses {@code PnYnMnWnDTnHnMnS}; seconds may carry a fraction (kept to milliseconds), and each
   * number may be negative, as Joda's standard period format allows.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static IsoPeriod parse(String text) {
    if (text == null || text.length() < 2 || (text.charAt(0) != 'P' && text.charAt(0) != 'p')) {
      throw new IllegalArgumentException("invalid ISO-8601 period '" + text + "': must start with P");
    }
    final int[] fields = new int[8];
    boolean timePart = false;
    boolean any = false;
    int position = 1;
    final int length = text.length();
    while (position < length) {
      char c = text.charAt(position);
      if (c == 'T' || c == 't') {
        if (timePart) {
          throw bad(text, "second 'T'");
        }
        timePart = true;
        position++;
        continue;
      }
      final int numberStart = position;
      if (c == '-' || c == '+') {
        position++;
      }
      while (position < length && Character.isDigit(text.charAt(position))) {
        position++;
      }
      int fractionMillis = 0;
      boolean hasFraction = false;
      int integerEnd = position;
      if (position < length && (text.charAt(position) == '.' || text.charAt(position) == ',')) {
        hasFraction = true;
        position++;
        int digits = 0;
        while (position < length && Character.isDigit(text.charAt(position))) {
          if (digits < 3) {
            fractionMillis = fractionMillis * 10 + (text.charAt(position) - '0');
          }
          digits++;
          position++;
        }
        if (digits == 0) {
          throw bad(text, "empty fraction");
        }
        for (; digits < 3; digits++) {
          fractionMillis *= 10;
        }
      }
      if (integerEnd == numberStart || (integerEnd == numberStart + 1 && !Character.isDigit(text.charAt(numberStart)))) {
        throw bad(text, "expected a number at position " + numberStart);
      }
      if (position >= length) {
        throw bad(text, "number without a designator at the end");
      }
      final int value;
      try {
        value = Integer.parseInt(text, numberStart, integerEnd, 10);
      } catch (NumberFormatException e) {
        throw bad(text, "number out of range at position " + numberStart);
      }
      final char designator = Character.toUpperCase(text.charAt(position));
      position++;
      final int slot = switch (designator) {
        case 'Y' -> timePart ? -1 : 0;
        case 'M' -> timePart ? 5 : 1;
        case 'W' -> timePart ? -1 : 2;
        case 'D' -> timePart ? -1 : 3;
        case 'H' -> timePart ? 4 : -1;
        case 'S' -> timePart ? 6 : -1;
        default -> -1;
      };
      if (slot < 0) {
        throw bad(text, "unexpected designator '" + designator + "'");
      }
      if (hasFraction && slot != 6) {
        throw bad(text, "only seconds may have a fraction");
      }
      fields[slot] = value;
      if (slot == 6) {
        fields[7] = value < 0 || text.charAt(numberStart) == '-' ? -fractionMillis : fractionMillis;
      }
      any = true;
    }
    if (!any) {
      throw bad(text, "no fields");
    }
    return new IsoPeriod(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7]);
  }

  private static IllegalArgumentException bad(String text, String reason) {
    return new IllegalArgumentException("invalid ISO-8601 period '" + text + "': " + reason);
  }

  /** A period of whole milliseconds, expressed in hours/minutes/seconds/millis. */
  public static IsoPeriod ofMillis(long durationMs) {
    long rest = durationMs;
    final int hours = Math.toIntExact(rest / 3_600_000L);
    rest %= 3_600_000L;
    final int minutes = (int) (rest / 60_000L);
    rest %= 60_000L;
    return new IsoPeriod(0, 0, 0, 0, hours, minutes, (int) (rest / 1000L), (int) (rest % 1000L));
  }

  /** True when every field is zero. */
  public boolean isZero() {
    return nonZeroFieldCount() == 0;
  }

  /** How many fields are non-zero: Druid treats periods with more than one as "compound". */
  public int nonZeroFieldCount() {
    int count = 0;
    count += years != 0 ? 1 : 0;
    count += months != 0 ? 1 : 0;
    count += weeks != 0 ? 1 : 0;
    count += days != 0 ? 1 : 0;
    count += hours != 0 ? 1 : 0;
    count += minutes != 0 ? 1 : 0;
    count += seconds != 0 || millis != 0 ? 1 : 0;
    return count;
  }

  /** True when the period only has hour, minute, second and millisecond fields: a fixed duration. */
  public boolean isFixedDuration() {
    return years == 0 && months == 0 && weeks == 0 && days == 0;
  }

  /** The length of a fixed-duration period in milliseconds. */
  public long fixedDurationMillis() {
    if (!isFixedDuration()) {
      throw new IllegalStateException("period " + this + " has calendar fields and no fixed length");
    }
    return hours * 3_600_000L + minutes * 60_000L + seconds * 1000L + millis;
  }

  /**
   * Adds this period {@code times} times to an instant. Calendar fields (years to days) move the
   * local date in {@code zone}, keeping the wall-clock time across daylight-saving changes; time
   * fields move the instant by their exact length, as Joda's zoned chronology does.
   */
  public long addTo(long instantMs, ZoneId zone, int times) {
    if (times == 0 || isZero()) {
      return instantMs;
    }
    ZonedDateTime time = InstantFields.zoned(instantMs, zone);
    if (years != 0) {
      time = time.plusYears((long) years * times);
    }
    if (months != 0) {
      time = time.plusMonths((long) months * times);
    }
    if (weeks != 0) {
      time = time.plusWeeks((long) weeks * times);
    }
    if (days != 0) {
      time = time.plusDays((long) days * times);
    }
    long result = time.toInstant().toEpochMilli();
    result += (long) times * (hours * 3_600_000L + minutes * 60_000L + seconds * 1000L + millis);
    return result;
  }

  /** The canonical ISO-8601 text, e.g. {@code P1DT12H} or {@code PT0.500S}; {@code PT0S} for zero. */
  @Override
  public String toString() {
    if (isZero()) {
      return "PT0S";
    }
    final StringBuilder text = new StringBuilder("P");
    appendField(text, years, 'Y');
    appendField(text, months, 'M');
    appendField(text, weeks, 'W');
    appendField(text, days, 'D');
    if (hours != 0 || minutes != 0 || seconds != 0 || millis != 0) {
      text.append('T');
      appendField(text, hours, 'H');
      appendField(text, minutes, 'M');
      if (millis != 0) {
        final boolean negative = seconds < 0 || millis < 0;
        if (negative) {
          text.append('-');
        }
        text.append(Math.abs(seconds)).append('.');
        final String fraction = Integer.toString(Math.abs(millis));
        text.append("000", 0, 3 - fraction.length()).append(fraction).append('S');
      } else {
        appendField(text, seconds, 'S');
      }
    }
    return text.toString();
  }

  private static void appendField(StringBuilder text, int value, char designator) {
    if (value != 0) {
      text.append(value).append(designator);
    }
  }
}
