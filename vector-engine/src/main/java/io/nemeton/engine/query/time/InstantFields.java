package io.nemeton.engine.query.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Conversions between epoch milliseconds and java.time values. Stateless and thread-safe. */
final class InstantFields {

  private InstantFields() {}

  static ZonedDateTime zoned(long epochMs, ZoneId zone) {
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMs), zone);
  }

  static long millis(ZonedDateTime time) {
    return time.toInstant().toEpochMilli();
  }

  static ZoneId utc() {
    return ZoneOffset.UTC;
  }
}
