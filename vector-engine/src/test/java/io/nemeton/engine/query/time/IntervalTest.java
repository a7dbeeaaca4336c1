package io.nemeton.engine.query.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2013-01-01/2013-01-08                                | 2013-01-01T00:00:00.000Z/2013-01-08T00:00:00.000Z",
      "2013-01-01T00:00:00.000/2013-01-08T00:00:00.000      | 2013-01-01T00:00:00.000Z/2013-01-08T00:00:00.000Z",
      "2013-08-31T00:00/2013-09-01T00:00                    | 2013-08-31T00:00:00.000Z/2013-09-01T00:00:00.000Z",
      "2016-06-27T00Z/P1D                                   | 2016-06-27T00:00:00.000Z/2016-06-28T00:00:00.000Z",
      "P1D/2016-06-28                                       | 2016-06-27T00:00:00.000Z/2016-06-28T00:00:00.000Z",
      "2016-06-27/PT36H                                     | 2016-06-27T00:00:00.000Z/2016-06-28T12:00:00.000Z",
      "P1M/2016-03-31                                       | 2016-02-29T00:00:00.000Z/2016-03-31T00:00:00.000Z",
      "1000/3000                                            | 1000-01-01T00:00:00.000Z/3000-01-01T00:00:00.000Z",
      "0000-01-01T00:00:00.000/3000-01-01T00:00:00.000      | 0000-01-01T00:00:00.000Z/3000-01-01T00:00:00.000Z",
      "2013-01-01T15:10:10.090/2013-01-03T19:30:01.090      | 2013-01-01T15:10:10.090Z/2013-01-03T19:30:01.090Z",
      "2013-01-01T08:00:00-08:00/2013-01-02T00:00:00+0100   | 2013-01-01T16:00:00.000Z/2013-01-01T23:00:00.000Z",
      "2013-01/2013-02                                      | 2013-01-01T00:00:00.000Z/2013-02-01T00:00:00.000Z",
      "2013-032/2013-W06-2                                  | 2013-02-01T00:00:00.000Z/2013-02-05T00:00:00.000Z",
      "2013-01-01T00:00:00.123456Z/2013-01-01T00:00:01Z     | 2013-01-01T00:00:00.123Z/2013-01-01T00:00:01.000Z",
      "-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z | -146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z",
  })
  void parsesEveryFormDruidAccepts(String text, String canonical) {
    final Interval interval = Interval.parse(text);
    assertEquals(canonical, interval.toString());
    assertEquals(interval, Interval.parse(interval.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2013-01-01                  | invalid interval '2013-01-01': expected exactly one '/' between start and end",
      "2013-01-01/2013/2014        | invalid interval '2013-01-01/2013/2014': expected exactly one '/' between start and end",
      "P1D/P2D                     | invalid interval 'P1D/P2D': start and end cannot both be periods",
      "2013-01-08/2013-01-01       | invalid interval '2013-01-08/2013-01-01': interval end 2013-01-01T00:00:00.000Z is before its start 2013-01-08T00:00:00.000Z",
      "2013-13-01/2014             | invalid interval '2013-13-01/2014': invalid ISO-8601 instant '2013-13-01': Invalid value for MonthOfYear (valid values 1 - 12): 13",
      "2013-01-01T25:00/2014       | invalid interval '2013-01-01T25:00/2014': invalid ISO-8601 instant '2013-01-01T25:00': Invalid value for HourOfDay (valid values 0 - 23): 25",
      "abc/2014                    | invalid interval 'abc/2014': invalid ISO-8601 instant 'abc': expected a year of 1 to 9 digits at position 0",
      "2013-01-01x/2014            | invalid interval '2013-01-01x/2014': invalid ISO-8601 instant '2013-01-01x': unexpected character 'x' at position 10",
      "2013-01-01/P1X              | invalid interval '2013-01-01/P1X': invalid ISO-8601 period 'P1X': unexpected designator 'X'",
  })
  void refusesMalformedIntervalsNamingTheText(String text, String message) {
    final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Interval.parse(text));
    assertEquals(message, error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2013-08-31T01:02:33Z         | 1377910953000",
      "1970-01-01T00:00:00.001+00:00 | 1",
      "1969-12-31T23:59:59.999Z     | -1",
      "2016-06-27T00Z               | 1466985600000",
      "2016-06-27T09+09             | 1466985600000",
  })
  void instantsParseToEpochMillis(String text, long epochMs) {
    assertEquals(epochMs, IsoInstant.parse(text));
  }

  @org.junit.jupiter.api.Test
  void eternityIsDruidsMinAndMaxInstant() {
    assertEquals("-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z", Interval.ETERNITY.toString());
    assertEquals("2013-08-31T09:02:33.000+08:00", IsoInstant.format(1377910953000L, java.time.ZoneId.of("Asia/Shanghai")));
  }
}
