package io.nemeton.perf.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {

  /** Hands out prepared ratios per attempt and records which queries each attempt asked for. */
  private static final class ScriptedRatios implements RegressionCheck.RatioSource {
    private final List<Map<String, Double>> attempts;
    final List<List<String>> asked = new ArrayList<>();

    ScriptedRatios(List<Map<String, Double>> attempts) {
      this.attempts = attempts;
    }

    @Override
    public Map<String, Double> measure(List<String> ids) {
      asked.add(List.copyOf(ids));
      return attempts.get(asked.size() - 1);
    }
  }

  private static Map<String, Double> ratios(Object... idsAndRatios) {
    final Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < idsAndRatios.length; i += 2) {
      map.put((String) idsAndRatios[i], (Double) idsAndRatios[i + 1]);
    }
    return map;
  }

  @Test
  void withinTheLimitPassesWithoutReMeasuring() throws Exception {
    final ScriptedRatios source = new ScriptedRatios(List.of(ratios("q2", 1.6, "q4", 0.76)));
    final List<RegressionCheck.Verdict> verdicts = RegressionCheck.run(ratios("q2", 2.0, "q4", 1.0), source);
    assertEquals(List.of(List.of("q2", "q4")), source.asked);
    assertTrue(verdicts.get(0).passed() && verdicts.get(1).passed());
    assertEquals("ok   q2: baseline ratio=2.00 measured=1.60 limit=1.50 (baseline minus 25%)",
        verdicts.get(0).describe());
  }

  @Test
  void aDropIsReMeasuredAndPassesWhenOneMeasurementIsWithinTheLimit() throws Exception {
    final ScriptedRatios source = new ScriptedRatios(List.of(
        ratios("q2", 1.0, "q4", 1.0), ratios("q2", 1.2), ratios("q2", 1.9)));
    final List<RegressionCheck.Verdict> verdicts = RegressionCheck.run(ratios("q2", 2.0, "q4", 1.0), source);
    assertEquals(List.of(List.of("q2", "q4"), List.of("q2"), List.of("q2")), source.asked);
    assertTrue(verdicts.get(0).passed());
    assertEquals(List.of(1.0, 1.2, 1.9), verdicts.get(0).measured());
    assertEquals("ok   q2: baseline ratio=2.00 measured=1.00,1.20,1.90 limit=1.50 (baseline minus 25%): "
        + "passed on re-measurement", verdicts.get(0).describe());
  }

  @Test
  void threeMeasurementsBelowTheLimitFail() throws Exception {
    final ScriptedRatios source = new ScriptedRatios(List.of(
        ratios("q5", 0.1, "q6", 0.3), ratios("q5", 0.12), ratios("q5", 0.11)));
    final List<RegressionCheck.Verdict> verdicts = RegressionCheck.run(ratios("q5", 0.2, "q6", 0.3), source);
    assertFalse(verdicts.get(0).passed());
    assertTrue(verdicts.get(1).passed());
    assertEquals("FAIL q5: baseline ratio=0.200 measured=0.100,0.120,0.110 limit=0.150 (baseline minus 25%): "
        + "below the limit in all 3 measurements", verdicts.get(0).describe());
  }

  @Test
  void theLimitIsAQuarterBelowTheBaseline() {
    assertEquals(0.75, RegressionCheck.limit(1.0), 1e-15);
    assertEquals(3.0, RegressionCheck.limit(4.0), 1e-15);
  }
}
