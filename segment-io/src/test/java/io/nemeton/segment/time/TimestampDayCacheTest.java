package io.nemeton.segment.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The day cache against the parser it fronts, over values that share days, break, and change shape. */
class TimestampDayCacheTest {
  private static final String[] ODD = {
    "2026-01-01T24:00:00.000Z", "2026-01-01T23:60:00.000Z", "2026-01-01T23:59:60.000Z", "2026-01-01T2x:00:00.000Z",
    "2026-01-01T10:00:00.000+", "2026-01-01T10:00:00+01:00", "2026-01-01 10:00:00.000Z", "2026-02-30T10:00:00.000Z",
    "2026-W01-3T10:00:00.000Z", "2026-001T10:00:00.000Z", "2026-01-01T10:00:00.1234Z", "2026-01-01T10:00Z",
    "1767225600000", "2026-01-01T10:00:00,000Z", "2026-01-01T10-00:00.000Z", "\0\0\0\0\0\0\0\0\0\0\0\0:00:00.000Z"
  };

  @Test
  void agreesWithTheParserItFronts() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (String format : new String[] {"iso", "auto", "millis", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"}) {
      final TimestampParser parser = TimestampParser.forFormat(format);
      final TimestampDayCache cache = new TimestampDayCache(parser);
      long day = random.nextLong(-1000, 30_000);
      for (int i = 0; i < 20_000; i++) {
        if (random.nextInt(500) == 0) {
          day = random.nextLong(-1000, 30_000);
        }
        String text;
        if (random.nextInt(30) == 0) {
          text = ODD[random.nextInt(ODD.length)];
        } else {
          text = IsoTimestamps.format(day * 86_400_000L + random.nextLong(0, 86_400_000L));
          if (random.nextInt(5) == 0) {
            text = text.substring(0, 19) + "Z";
          }
          if (random.nextInt(40) == 0) {
            // one byte of the time part broken
            final char[] chars = text.toCharArray();
            chars[random.nextInt(11, chars.length)] = (char) random.nextInt(32, 127);
            text = new String(chars);
          }
        }
        final byte[] value = text.getBytes(StandardCharsets.ISO_8859_1);
        final int before = random.nextInt(3);
        final int after = random.nextInt(6);
        final byte[] padded = new byte[before + value.length + after];
        System.arraycopy(value, 0, padded, before, value.length);
        assertEquals(parser.parse(padded, before, value.length), cache.parse(padded, before, value.length),
            "seed=" + seed + " format=" + format + " value=" + text);
      }
    }
  }
}
