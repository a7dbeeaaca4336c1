package io.nemeton.segment.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampParserTest {
  private static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static long bytes(TimestampParser parser, String text) {
    final byte[] padded = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    final long fromBytes = parser.parse(padded, 2, padded.length - 4);
    assertEquals(fromBytes, parser.parse(text), "byte and String paths agree on \"" + text + "\"");
    return fromBytes;
  }

  @Test
  void isoShapes() {
    final TimestampParser iso = TimestampParser.forFormat("iso");
    assertEquals(ms("2013-08-31T01:02:33Z"), bytes(iso, "2013-08-31T01:02:33Z"));
    assertEquals(ms("2013-08-31T01:02:33.123Z"), bytes(iso, "2013-08-31T01:02:33.123Z"));
    assertEquals(ms("2013-08-31T01:02:33.123Z"), bytes(iso, "2013-08-31T01:02:33.123456789Z"));
    assertEquals(ms("2013-08-31T01:02:33.100Z"), bytes(iso, "2013-08-31T01:02:33.1"));
    assertEquals(ms("2013-08-31T08:02:33Z"), bytes(iso, "2013-08-31T01:02:33-07:00"));
    assertEquals(ms("2013-08-31T08:02:33Z"), bytes(iso, "2013-08-31T01:02:33-0700"));
    assertEquals(ms("2013-08-31T08:02:33Z"), bytes(iso, "2013-08-31T01:02:33-07"));
    assertEquals(ms("2013-08-31T01:02:00Z"), bytes(iso, "2013-08-31T01:02"));
    assertEquals(ms("2013-08-31T01:00:00Z"), bytes(iso, "2013-08-31T01"));
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(iso, "2013-08-31"));
    assertEquals(ms("2013-08-01T00:00:00Z"), bytes(iso, "2013-08"));
    assertEquals(ms("2013-01-01T00:00:00Z"), bytes(iso, "2013"));
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(iso, "2013-243"));
    // 2013-W35-6 is Saturday 2013-08-31
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(iso, "2013-W35-6"));
    assertEquals(ms("2013-08-26T00:00:00Z"), bytes(iso, "2013-W35"));
    assertEquals(ms("1969-12-31T23:59:59.999Z"), bytes(iso, "1969-12-31T23:59:59.999Z"));
    for (String bad : new String[] {"", "2013-13-01", "2013-02-29", "2013-08-31T24:00:00Z", "2013-08-31 01:02:03",
        "2013-08-31T01:02:03X", "abc", "2013-08-31T01:02:03.Z", "20130831", "1442018818771x"}) {
      assertEquals(TimestampParser.INVALID, bytes(iso, bad), bad);
    }
    assertEquals(ms("2012-02-29T00:00:00Z"), bytes(iso, "2012-02-29"));
  }

  @Test
  void isoMatchesJavaTimeOnRandomInstants() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final TimestampParser iso = TimestampParser.forFormat("iso");
    final DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    for (int i = 0; i < 5000; i++) {
      final long t = random.nextLong(ms("0001-01-01T00:00:00Z"), ms("9999-12-31T23:59:59Z"));
      final ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18, 19) * 1800);
      final String text = OffsetDateTime.ofInstant(Instant.ofEpochMilli(t), offset).format(withOffset);
      assertEquals(t, bytes(iso, text), "seed=" + seed + " text=" + text);
      assertEquals(Instant.ofEpochMilli(t).toString().replace("Z", ""),
          Instant.ofEpochMilli(bytes(iso, IsoTimestamps.format(t))).toString().replace("Z", ""));
    }
  }

  @Test
  void autoReadsDigitsAsMillisAndAllowsSpace() {
    final TimestampParser auto = TimestampParser.forFormat(null);
    assertEquals("auto", auto.format());
    assertEquals(1442018818771L, bytes(auto, "1442018818771"));
    assertEquals(-5L, bytes(auto, "-5"));
    assertEquals(ms("2013-08-31T01:02:33Z"), bytes(auto, "2013-08-31 01:02:33"));
    assertEquals(ms("2013-08-31T01:02:33Z"), bytes(auto, "2013-08-31T01:02:33Z"));
    assertEquals(1442018818771L, auto.fromLong(1442018818771L));
    assertEquals(1442018818771L, auto.fromDouble(1442018818771.0));
    assertTrue(auto.readsNumbers());
  }

  @Test
  void numericUnits() {
    assertEquals(1442018818000L, bytes(TimestampParser.forFormat("posix"), "1442018818"));
    assertEquals(1442018818500L, bytes(TimestampParser.forFormat("posix"), "1442018818.5"));
    assertEquals(1442018818771L, bytes(TimestampParser.forFormat("millis"), "1442018818771"));
    assertEquals(1442018818771L, bytes(TimestampParser.forFormat("micro"), "1442018818771123"));
    assertEquals(1442018818771L, bytes(TimestampParser.forFormat("nano"), "1442018818771123456"));
    assertEquals(1442018818250L, bytes(TimestampParser.forFormat("ruby"), "1442018818.25"));
    assertEquals(1442018818000L, TimestampParser.forFormat("posix").fromLong(1442018818L));
    assertEquals(TimestampParser.INVALID, TimestampParser.forFormat("posix").fromLong(Long.MAX_VALUE / 10));
    assertEquals(TimestampParser.INVALID, bytes(TimestampParser.forFormat("millis"), "12ab"));
    assertEquals(TimestampParser.INVALID, bytes(TimestampParser.forFormat("millis"), ""));
  }

  @Test
  void jodaPatterns() {
    assertEquals(ms("2013-08-31T01:02:33Z"), bytes(TimestampParser.forFormat("yyyy-MM-dd HH:mm:ss"), "2013-08-31 01:02:33"));
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(TimestampParser.forFormat("MM/dd/yyyy"), "08/31/2013"));
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(TimestampParser.forFormat("M/d/yyyy"), "8/31/2013"));
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(TimestampParser.forFormat("yyyyMMdd"), "20130831"));
    assertEquals(ms("2013-08-31T01:02:33.123Z"),
        bytes(TimestampParser.forFormat("yyyyMMddHHmmssSSS"), "20130831010233123"));
    assertEquals(ms("2013-08-31T08:02:33Z"),
        bytes(TimestampParser.forFormat("dd/MMM/yyyy:HH:mm:ss Z"), "31/Aug/2013:01:02:33 -0700"));
    assertEquals(ms("2013-08-31T08:02:33.456Z"),
        bytes(TimestampParser.forFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ"), "2013-08-31T01:02:33.456-07:00"));
    assertEquals(ms("2013-08-31T01:02:33Z"),
        bytes(TimestampParser.forFormat("EEE MMM dd HH:mm:ss Z yyyy"), "Sat Aug 31 01:02:33 +0000 2013"));
    assertEquals(ms("2013-08-31T13:02:00Z"), bytes(TimestampParser.forFormat("yyyy-MM-dd hh:mm a"), "2013-08-31 01:02 PM"));
    assertEquals(ms("2013-08-31T00:00:00Z"), bytes(TimestampParser.forFormat("yyyy-MM-dd'T'"), "2013-08-31T"));
    assertEquals(ms("1970-01-01T01:02:03Z"), bytes(TimestampParser.forFormat("HH:mm:ss"), "01:02:03"));
    assertEquals(TimestampParser.INVALID, bytes(TimestampParser.forFormat("yyyy-MM-dd"), "2013/08/31"));
    final IllegalArgumentException century =
        assertThrows(IllegalArgumentException.class, () -> TimestampParser.forFormat("CC-yy"));
    assertTrue(century.getMessage().contains("century"), century.getMessage());
    final IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> TimestampParser.forFormat("yyyy-QQ"));
    assertTrue(unknown.getMessage().contains("'Q'"), unknown.getMessage());
  }

  @Test
  void periodsAndIntervals() {
    assertEquals("P1D", IsoPeriod.parse("P1D").toString());
    assertEquals("PT1H30M", IsoPeriod.parse("PT1H30M").toString());
    assertEquals(750, IsoPeriod.parse("PT0.750S").timeMillis());
    assertEquals("P1Y2M3W4DT5H6M7S", IsoPeriod.parse("P1Y2M3W4DT5H6M7S").toString());
    for (String bad : new String[] {"P", "PT", "1D", "P1H", "PT1D", "P1D1Y", "P0D", "PT1.5555S"}) {
      assertThrows(IllegalArgumentException.class, () -> IsoPeriod.parse(bad), bad);
    }
    final TimeInterval day = TimeInterval.parse("2013-08-31/2013-09-01");
    assertEquals(ms("2013-08-31T00:00:00Z"), day.startMs());
    assertEquals(ms("2013-09-01T00:00:00Z"), day.endMs());
    assertEquals("2013-08-31T00:00:00.000Z/2013-09-01T00:00:00.000Z", day.toString());
    assertEquals(day, TimeInterval.parse("2013-08-31/P1D"));
    assertEquals(day, TimeInterval.parse("P1D/2013-09-01"));
    assertEquals(day, TimeInterval.parse("2013-08-31T00:00:00+00:00/2013-09-01T00:00:00Z"));
    final IllegalArgumentException reversed =
        assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("2013-09-01/2013-08-31"));
    assertTrue(reversed.getMessage().contains("before"), reversed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("yesterday/today"));
  }
}
