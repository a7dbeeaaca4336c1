package io.nemeton.segment.time;

/**
 * Proleptic Gregorian calendar arithmetic on plain longs (days since 1970-01-01, months since
 * 1970-01), so hot paths avoid {@code java.time} objects.
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
final class CivilDates {
  static final long MILLIS_PER_SECOND = 1000L;
  static final long MILLIS_PER_MINUTE = 60_000L;
  static final long MILLIS_PER_HOUR = 3_600_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;
  /** Days in a 400-year Gregorian cycle. */
  private static final long DAYS_PER_ERA = 146_097L;
  /** Days from 0000-03-01 to 1970-01-01: the era-based formulas count from a March epoch. */
  private static final long MARCH_EPOCH_OFFSET = 719_468L;

  /** First table year of {@link #MONTH_STARTS}: recent decades cover nearly all event data. */
  private static final int TABLE_FIRST_YEAR = 1970;
  private static final int TABLE_YEARS = 160;
  /** Epoch day of the first of each month from 1970-01 on, so common dates need one lookup. */
  private static final int[] MONTH_STARTS = monthStarts();

  private CivilDates() {}

  private static int[] monthStarts() {
    final int[] starts = new int[TABLE_YEARS * 12];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = (int) computeDaysFromCivil(TABLE_FIRST_YEAR + i / 12, i % 12 + 1, 1);
    }
    return starts;
  }

  /** Days since 1970-01-01 of {@code year-month-day}, by table for 1970..2129. */
  static long daysFromCivil(long year, int month, int day) {
    final long index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
    if (index >= 0 && index < MONTH_STARTS.length) {
      return MONTH_STARTS[(int) index] + day - 1;
    }
    return computeDaysFromCivil(year, month, day);
  }

  /** Days since 1970-01-01 of the date {@code year-month-day} (month 1..12, day 1..31). */
  static long computeDaysFromCivil(long year, int month, int day) {
    // Counting years from March puts the leap day at the end of the year.
    final long y = month <= 2 ? year - 1 : year;
    final long era = Math.floorDiv(y, 400);
    final long yearOfEra = y - era * 400;
    final int shiftedMonth = month > 2 ? month - 3 : month + 9;
    final long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * DAYS_PER_ERA + dayOfEra - MARCH_EPOCH_OFFSET;
  }

  /** Months since 1970-01 ({@code year * 12 + month - 1} shifted) of the day {@code epochDay}. */
  static long monthIndexFromDays(long epochDay) {
    final long z = epochDay + MARCH_EPOCH_OFFSET;
    final long era = Math.floorDiv(z, DAYS_PER_ERA);
    final long dayOfEra = z - era * DAYS_PER_ERA;
    final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    final long shiftedMonth = (5 * dayOfYear + 2) / 153;
    final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return (year - 1970) * 12 + (month - 1);
  }

  /** Days since 1970-01-01 of the first day of month {@code monthIndex} (months since 1970-01). */
  static long daysFromMonthIndex(long monthIndex) {
    final long year = 1970 + Math.floorDiv(monthIndex, 12);
    final int month = (int) Math.floorMod(monthIndex, 12) + 1;
    return daysFromCivil(year, month, 1);
  }

  static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int daysInMonth(long year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
