package io.nemeton.segment.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class GranularityTest {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static long ms(ZonedDateTime time) {
    return time.toInstant().toEpochMilli();
  }

  @Test
  void simpleNamesTruncateInUtc() {
    final long t = ms("2013-08-31T17:47:33.123Z");
    assertEquals(ms("2013-08-31T17:47:33.000Z"), Granularity.of("second").bucketStart(t));
    assertEquals(ms("2013-08-31T17:47:00Z"), Granularity.of("MINUTE").bucketStart(t));
    assertEquals(ms("2013-08-31T17:45:00Z"), Granularity.of("five_minute").bucketStart(t));
    assertEquals(ms("2013-08-31T17:40:00Z"), Granularity.of("ten_minute").bucketStart(t));
    assertEquals(ms("2013-08-31T17:45:00Z"), Granularity.of("fifteen_minute").bucketStart(t));
    assertEquals(ms("2013-08-31T17:30:00Z"), Granularity.of("thirty_minute").bucketStart(t));
    assertEquals(ms("2013-08-31T17:00:00Z"), Granularity.of("Hour").bucketStart(t));
    assertEquals(ms("2013-08-31T12:00:00Z"), Granularity.of("six_hour").bucketStart(t));
    assertEquals(ms("2013-08-31T16:00:00Z"), Granularity.of("eight_hour").bucketStart(t));
    assertEquals(ms("2013-08-31T00:00:00Z"), Granularity.of("day").bucketStart(t));
    // 2013-08-31 is a Saturday: weeks start on Monday
    assertEquals(ms("2013-08-26T00:00:00Z"), Granularity.of("week").bucketStart(t));
    assertEquals(ms("2013-08-01T00:00:00Z"), Granularity.of("month").bucketStart(t));
    assertEquals(ms("2013-07-01T00:00:00Z"), Granularity.of("quarter").bucketStart(t));
    assertEquals(ms("2013-01-01T00:00:00Z"), Granularity.of("year").bucketStart(t));
    assertEquals(t, Granularity.of("none").bucketStart(t));
    assertEquals(t + 1, Granularity.NONE.next(t));
    assertEquals(Granularity.MIN_INSTANT, Granularity.ALL.bucketStart(t));
    assertEquals(Granularity.MAX_INSTANT, Granularity.ALL.next(Granularity.MIN_INSTANT));
  }

  @Test
  void nextStepsOneBucket() {
    assertEquals(ms("2013-09-01T00:00:00Z"), Granularity.of("day").next(ms("2013-08-31T00:00:00Z")));
    assertEquals(ms("2012-03-01T00:00:00Z"), Granularity.of("month").next(ms("2012-02-01T00:00:00Z")));
    assertEquals(ms("2014-01-01T00:00:00Z"), Granularity.of("quarter").next(ms("2013-10-01T00:00:00Z")));
    assertEquals(ms("2013-09-02T00:00:00Z"), Granularity.of("week").next(ms("2013-08-26T00:00:00Z")));
    assertEquals(ms("1969-01-01T00:00:00Z"), Granularity.of("year").bucketStart(ms("1969-12-31T23:59:59.999Z")));
  }

  @Test
  void simpleGranularitiesMatchJavaTimeOnRandomInstants() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final Map<String, LongUnaryOperator> reference = new LinkedHashMap<>();
    reference.put("second", t -> Math.floorDiv(t, 1000) * 1000);
    reference.put("hour", t -> Math.floorDiv(t, 3_600_000) * 3_600_000);
    reference.put("day", t -> utc(t).truncatedTo(ChronoUnit.DAYS).toInstant().toEpochMilli());
    reference.put("week", t -> ms(utc(t).truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
    reference.put("month", t -> ms(utc(t).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)));
    reference.put("quarter", t -> {
      final ZonedDateTime day = utc(t).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      return ms(day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1));
    });
    reference.put("year", t -> ms(utc(t).truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)));
    final long[] times = new long[1000];
    final long[] out = new long[1000];
    for (Map.Entry<String, LongUnaryOperator> entry : reference.entrySet()) {
      final Granularity granularity = Granularity.of(entry.getKey());
      for (int i = 0; i < times.length; i++) {
        times[i] = random.nextLong(ms("1600-01-01T00:00:00Z"), ms("2400-01-01T00:00:00Z"));
      }
      granularity.bucketStarts(times, 0, times.length, out, 0);
      for (int i = 0; i < times.length; i++) {
        final long expected = entry.getValue().applyAsLong(times[i]);
        final String context = "seed=" + seed + " granularity=" + entry.getKey() + " t=" + Instant.ofEpochMilli(times[i]);
        assertEquals(expected, granularity.bucketStart(times[i]), context);
        assertEquals(expected, out[i], context + " (batch)");
        final long next = granularity.next(expected);
        assertTrue(next > times[i], context);
        assertEquals(next, granularity.bucketStart(next), context + " next is a bucket start");
      }
    }
  }

  private static ZonedDateTime utc(long t) {
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC);
  }

  @Test
  void daysInLosAngelesFollowDaylightSaving() {
    final Granularity day = Granularity.period(IsoPeriod.parse("P1D"), LOS_ANGELES, null);
    // 2013-03-10 is 23 hours long in Los Angeles (spring forward at 02:00)
    final long march10 = ms(ZonedDateTime.of(2013, 3, 10, 0, 0, 0, 0, LOS_ANGELES));
    final long march11 = ms(ZonedDateTime.of(2013, 3, 11, 0, 0, 0, 0, LOS_ANGELES));
    assertEquals(23 * 3_600_000L, march11 - march10);
    assertEquals(march10, day.bucketStart(march10 + 22 * 3_600_000L));
    assertEquals(march11, day.next(march10));
    assertEquals(march11, day.bucketStart(march11));
    // 2013-11-03 is 25 hours long (fall back)
    final long november3 = ms(ZonedDateTime.of(2013, 11, 3, 0, 0, 0, 0, LOS_ANGELES));
    final long november4 = ms(ZonedDateTime.of(2013, 11, 4, 0, 0, 0, 0, LOS_ANGELES));
    assertEquals(25 * 3_600_000L, november4 - november3);
    assertEquals(november3, day.bucketStart(november4 - 1));
    assertEquals(november4, day.next(november3));
  }

  @Test
  void druidDocumentationExamplesInPacificTime() {
    final Granularity day = Granularity.period(IsoPeriod.parse("P1D"), LOS_ANGELES, null);
    assertEquals(ms("2013-08-30T00:00:00-07:00"), day.bucketStart(ms("2013-08-31T01:02:33Z")));
    assertEquals(ms("2013-09-02T00:00:00-07:00"), day.bucketStart(ms("2013-09-02T23:32:45Z")));
    assertEquals(ms("2013-09-02T00:00:00-07:00"), day.bucketStart(ms("2013-09-03T03:32:45Z")));
    final Granularity withOrigin = Granularity.fromJson(Map.of("type", "period", "period", "P1D",
        "timeZone", "America/Los_Angeles", "origin", "1970-01-01T20:30:00-08:00"));
    assertEquals(ms("2013-08-29T20:30:00-07:00"), withOrigin.bucketStart(ms("2013-08-31T01:02:33Z")));
    assertEquals(ms("2013-09-01T20:30:00-07:00"), withOrigin.bucketStart(ms("2013-09-02T23:32:45Z")));
    assertEquals(ms("2013-09-02T20:30:00-07:00"), withOrigin.bucketStart(ms("2013-09-03T03:32:45Z")));
    final Granularity duration = Granularity.fromJson(Map.of("type", "duration", "duration", "86400000",
        "origin", "2012-01-01T00:30:00Z"));
    assertEquals(ms("2013-08-31T00:30:00Z"), duration.bucketStart(ms("2013-08-31T01:02:33Z")));
    assertEquals(ms("2013-09-02T00:30:00Z"), duration.bucketStart(ms("2013-09-03T00:29:59Z")));
    final Granularity quartersFromFebruary = Granularity.fromJson(Map.of("type", "period", "period", "P3M",
        "timeZone", "America/Los_Angeles", "origin", "2012-02-01T00:00:00-08:00"));
    assertEquals(ms("2013-08-01T00:00:00-07:00"), quartersFromFebruary.bucketStart(ms("2013-09-15T00:00:00Z")));
    assertEquals(ms("2013-11-01T00:00:00-07:00"), quartersFromFebruary.next(ms("2013-08-01T00:00:00-07:00")));
  }

  @Test
  void zonedPeriodsMatchJavaTimeAcrossDaylightSaving() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (ZoneId zone : new ZoneId[] {LOS_ANGELES, BERLIN}) {
      final Granularity day = Granularity.period(IsoPeriod.parse("P1D"), zone, null);
      final Granularity week = Granularity.period(IsoPeriod.parse("P1W"), zone, null);
      final Granularity month = Granularity.period(IsoPeriod.parse("P1M"), zone, null);
      final Granularity quarter = Granularity.period(IsoPeriod.parse("P3M"), zone, null);
      final Granularity year = Granularity.period(IsoPeriod.parse("P1Y"), zone, null);
      for (int i = 0; i < 3000; i++) {
        // cluster around DST switches half of the time
        final long t = i % 2 == 0
            ? random.nextLong(ms("1990-01-01T00:00:00Z"), ms("2040-01-01T00:00:00Z"))
            : ms(ZonedDateTime.of(random.nextInt(1995, 2030), random.nextBoolean() ? 3 : 10, random.nextInt(24, 32),
                0, 0, 0, 0, zone)) + random.nextLong(0, 86_400_000L * 3);
        final ZonedDateTime local = ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), zone);
        final LocalDate date = local.toLocalDate();
        final String context = "seed=" + seed + " zone=" + zone + " t=" + local;
        assertEquals(ms(date.atStartOfDay(zone)), day.bucketStart(t), context);
        assertEquals(ms(date.plusDays(1).atStartOfDay(zone)), day.next(day.bucketStart(t)), context);
        assertEquals(ms(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)),
            week.bucketStart(t), context);
        assertEquals(ms(date.withDayOfMonth(1).atStartOfDay(zone)), month.bucketStart(t), context);
        assertEquals(ms(date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1).atStartOfDay(zone)),
            quarter.bucketStart(t), context);
        assertEquals(ms(date.withDayOfYear(1).atStartOfDay(zone)), year.bucketStart(t), context);
      }
    }
  }

  @Test
  void berlinHoursAreExactDurations() {
    final Granularity hour = Granularity.period(IsoPeriod.parse("PT1H"), BERLIN, null);
    // 2013-10-27 02:00-03:00 local happens twice; each hour is its own bucket
    final long firstTwoAm = ms("2013-10-27T00:00:00Z");
    final long secondTwoAm = ms("2013-10-27T01:00:00Z");
    assertEquals(firstTwoAm, hour.bucketStart(firstTwoAm + 1800_000));
    assertEquals(secondTwoAm, hour.bucketStart(secondTwoAm + 1800_000));
    assertEquals(secondTwoAm, hour.next(firstTwoAm));
  }

  @Test
  void batchMatchesSingleForCalendarBuckets() {
    final Granularity month = Granularity.period(IsoPeriod.parse("P1M"), LOS_ANGELES, null);
    final long[] times = new long[500];
    final SplittableRandom random = new SplittableRandom(7);
    long t = ms("2013-01-01T00:00:00Z");
    for (int i = 0; i < times.length; i++) {
      t += random.nextLong(0, 86_400_000L * 5);
      times[i] = i % 50 == 0 ? ms("2001-05-05T00:00:00Z") : t;
    }
    final long[] out = new long[times.length];
    month.bucketStarts(times, 0, times.length, out, 0);
    for (int i = 0; i < times.length; i++) {
      assertEquals(month.bucketStart(times[i]), out[i]);
    }
  }

  @Test
  void jsonFormsAndErrors() {
    assertEquals("DAY", Granularity.of("day").toJson());
    assertEquals(Map.of("type", "none"), Granularity.NONE.toJson());
    assertEquals(Granularity.of("hour"), Granularity.fromJson(Map.of("type", "period", "period", "PT1H")));
    assertEquals(Granularity.of("hour"), Granularity.fromJson(Map.of("type", "period", "period", "PT1H", "timeZone", "UTC")));
    assertEquals(Granularity.NONE, Granularity.fromJson(Map.of("type", "none")));
    assertEquals(Granularity.of("day"), Granularity.fromJson(Map.of("type", "DAY")));
    final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Granularity.of("fortnight"));
    assertTrue(unknown.getMessage().contains("granularity=\"fortnight\""), unknown.getMessage());
    final IllegalArgumentException badZone = assertThrows(IllegalArgumentException.class,
        () -> Granularity.fromJson(Map.of("type", "period", "period", "P1D", "timeZone", "Mars/Olympus")));
    assertTrue(badZone.getMessage().contains("Mars/Olympus"), badZone.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Granularity.duration(0, null));
  }
}
