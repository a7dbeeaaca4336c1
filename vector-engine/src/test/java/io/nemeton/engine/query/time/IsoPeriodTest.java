package io.nemeton.engine.query.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoPeriodTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "P1D, P1D",
      "PT1H, PT1H",
      "p1w, P1W",
      "P1Y2M3W4DT5H6M7.008S, P1Y2M3W4DT5H6M7.008S",
      "PT0.5S, PT0.500S",
      "'PT1,25S', PT1.250S",
      "P0D, PT0S",
      "P-1D, P-1D",
      "PT36H, PT36H",
  })
  void parsesAndPrintsCanonically(String text, String canonical) {
    final IsoPeriod period = IsoPeriod.parse(text);
    assertEquals(canonical, period.toString());
    assertEquals(period, IsoPeriod.parse(period.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1D     | invalid ISO-8601 period '1D': must start with P",
      "P      | invalid ISO-8601 period 'P': must start with P",
      "PT     | invalid ISO-8601 period 'PT': no fields",
      "P1H    | invalid ISO-8601 period 'P1H': unexpected designator 'H'",
      "PT1D   | invalid ISO-8601 period 'PT1D': unexpected designator 'D'",
      "P1.5D  | invalid ISO-8601 period 'P1.5D': only seconds may have a fraction",
      "P1     | invalid ISO-8601 period 'P1': number without a designator at the end",
      "PD     | invalid ISO-8601 period 'PD': expected a number at position 1",
  })
  void refusesMalformedPeriods(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> IsoPeriod.parse(text)).getMessage());
  }

  @Test
  void calendarFieldsKeepWallClockAcrossDaylightSaving() {
    final ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
    // 2016-03-13 is the spring-forward day there: one day later is 23 hours later.
    final long start = IsoInstant.parse("2016-03-12T12:00:00", losAngeles);
    assertEquals(IsoInstant.parse("2016-03-13T12:00:00", losAngeles), IsoPeriod.parse("P1D").addTo(start, losAngeles, 1));
    assertEquals(start + 24 * 3_600_000L, IsoPeriod.parse("PT24H").addTo(start, losAngeles, 1));
    assertEquals(IsoInstant.parse("2016-01-31"), IsoPeriod.parse("P1M").addTo(IsoInstant.parse("2016-03-31"), ZoneId.of("UTC"), -2));
  }
}
