package io.nemeton.engine.query.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodBucketsTest {

  @ParameterizedTest(name = "{0} {2} of {1}")
  @CsvSource(delimiter = '|', value = {
      "P1D   | 2013-08-31T01:02:33.456Z | UTC                 | 2013-08-31T00:00:00.000Z | 2013-09-01T00:00:00.000Z",
      "PT1H  | 2013-08-31T01:02:33.456Z | UTC                 | 2013-08-31T01:00:00.000Z | 2013-08-31T02:00:00.000Z",
      "PT6H  | 2013-08-31T13:02:33.456Z | UTC                 | 2013-08-31T12:00:00.000Z | 2013-08-31T18:00:00.000Z",
      "PT15M | 2013-08-31T13:44:00.000Z | UTC                 | 2013-08-31T13:30:00.000Z | 2013-08-31T13:45:00.000Z",
      "P1W   | 2013-08-31T13:00:00.000Z | UTC                 | 2013-08-26T00:00:00.000Z | 2013-09-02T00:00:00.000Z",
      "P1M   | 2013-08-31T13:00:00.000Z | UTC                 | 2013-08-01T00:00:00.000Z | 2013-09-01T00:00:00.000Z",
      "P3M   | 2013-08-31T13:00:00.000Z | UTC                 | 2013-07-01T00:00:00.000Z | 2013-10-01T00:00:00.000Z",
      "P1Y   | 2013-08-31T13:00:00.000Z | UTC                 | 2013-01-01T00:00:00.000Z | 2014-01-01T00:00:00.000Z",
      "P1D   | 2013-08-31T05:00:00.000Z | America/Los_Angeles | 2013-08-30T07:00:00.000Z | 2013-08-31T07:00:00.000Z",
      "P1D   | 2016-03-13T12:00:00.000Z | America/Los_Angeles | 2016-03-13T08:00:00.000Z | 2016-03-14T07:00:00.000Z",
      "PT1H  | 2013-08-31T01:02:33.456Z | Asia/Kolkata        | 2013-08-31T00:30:00.000Z | 2013-08-31T01:30:00.000Z",
      "PT90M | 2013-08-31T01:02:33.456Z | UTC                 | 2013-08-31T00:00:00.000Z | 2013-08-31T01:30:00.000Z",
      "P1DT12H | 1970-01-03T13:00:00.000Z | UTC               | 1970-01-02T12:00:00.000Z | 1970-01-04T00:00:00.000Z",
      "P1D   | 1969-12-31T13:00:00.000Z | UTC                 | 1969-12-31T00:00:00.000Z | 1970-01-01T00:00:00.000Z",
      "PT1S  | 1969-12-31T23:59:59.500Z | UTC                 | 1969-12-31T23:59:59.000Z | 1970-01-01T00:00:00.000Z",
  })
  void floorsAndCeilsLikeDruidPeriodGranularity(String period, String instant, String zone, String floor, String ceil) {
    final PeriodBuckets buckets = new PeriodBuckets(IsoPeriod.parse(period), null, ZoneId.of(zone));
    final long time = IsoInstant.parse(instant);
    assertEquals(floor, IsoInstant.format(buckets.floor(time)));
    assertEquals(ceil, IsoInstant.format(buckets.ceil(time)));
  }

  @Test
  void originShiftsTheBuckets() {
    final PeriodBuckets buckets = new PeriodBuckets(IsoPeriod.parse("P1D"), IsoInstant.parse("2013-01-01T06:00Z"),
        ZoneId.of("UTC"));
    assertEquals("2013-08-30T06:00:00.000Z", IsoInstant.format(buckets.floor(IsoInstant.parse("2013-08-31T05:59Z"))));
    assertEquals("2013-08-31T06:00:00.000Z", IsoInstant.format(buckets.floor(IsoInstant.parse("2013-08-31T06:00Z"))));
    final PeriodBuckets weeks = new PeriodBuckets(IsoPeriod.parse("P2W"), IsoInstant.parse("2013-01-06T00:00Z"),
        ZoneId.of("UTC"));
    assertEquals("2013-08-18T00:00:00.000Z", IsoInstant.format(weeks.floor(IsoInstant.parse("2013-08-31T05:59Z"))));
  }

  @Test
  void everyInstantFallsInItsBucket() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final String[] periods = {"PT1M", "PT5M", "PT1H", "PT6H", "P1D", "P1W", "P1M", "P3M", "P1Y", "P2D", "PT7H", "P1DT1H"};
    final String[] zones = {"UTC", "America/Los_Angeles", "Asia/Kolkata", "Europe/Berlin", "+05:45"};
    for (int i = 0; i < 2000; i++) {
      final PeriodBuckets buckets = new PeriodBuckets(IsoPeriod.parse(periods[random.nextInt(periods.length)]), null,
          ZoneId.of(zones[random.nextInt(zones.length)]));
      final long time = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
      final long floor = buckets.floor(time);
      final long next = buckets.next(floor);
      assertTrue(floor <= time && time < next, () -> "seed=" + seed + " period=" + buckets.period() + " zone="
          + buckets.zone() + " time=" + time + " floor=" + floor + " next=" + next);
      assertEquals(floor, buckets.floor(floor), () -> "seed=" + seed + ": floor is not idempotent at " + time);
    }
  }
}
