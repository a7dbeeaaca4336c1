package io.nemeton.node.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.time.IsoInstant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesTest {
  private static final long DAY = 86_400_000L;
  private static final long NOW = IsoInstant.parse("2020-06-15T12:00:00Z");

  @Test
  void parsesEveryTypeWithDruidDefaults() {
    final List<Rule> rules = Rules.parse("[{\"type\":\"loadByPeriod\",\"period\":\"P1M\",\"tieredReplicants\":{\"hot\":2}},"
        + "{\"type\":\"loadByInterval\",\"interval\":\"2020-01-01/2020-02-01\"},"
        + "{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":1}},"
        + "{\"type\":\"dropByPeriod\",\"period\":\"P1D\",\"includeFuture\":false},"
        + "{\"type\":\"dropBeforeByPeriod\",\"period\":\"P1Y\"},"
        + "{\"type\":\"dropByInterval\",\"interval\":\"2019-01-01/2020-01-01\"},{\"type\":\"dropForever\"}]");
    assertEquals(7, rules.size());
    assertEquals(Map.of("hot", 2), rules.get(0).tieredReplicants());
    assertEquals(Map.of("_default_tier", 2), rules.get(1).tieredReplicants(), "Druid's default replicants");
    assertTrue(rules.get(2).isLoad());
    assertFalse(rules.get(3).isLoad());
    assertFalse(rules.get(3).includeFuture());
    assertTrue(rules.get(4).tieredReplicants().isEmpty());
  }

  @Test
  void badRulesNameThePositionFieldAndValue() {
    assertEquals("rules[1].type: 'loadSometimes' is not a rule type; expected one of [dropBeforeByPeriod,"
        + " dropByInterval, dropByPeriod, dropForever, loadByInterval, loadByPeriod, loadForever]",
        assertThrows(IllegalArgumentException.class,
            () -> Rules.parse("[{\"type\":\"dropForever\"},{\"type\":\"loadSometimes\"}]")).getMessage());
    assertEquals("rules[0].period is required for type loadByPeriod, got null",
        assertThrows(IllegalArgumentException.class, () -> Rules.parse("[{\"type\":\"loadByPeriod\"}]")).getMessage());
    assertEquals("rules[0].tieredReplicants.hot: -1 must be an integer in [0, 1000]",
        assertThrows(IllegalArgumentException.class,
            () -> Rules.parse("[{\"type\":\"loadForever\",\"tieredReplicants\":{\"hot\":-1}}]")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Rules.parse("{\"type\":\"dropForever\"}")).getMessage().startsWith("rules must be a JSON array"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Rules.parse("[{\"type\":\"dropByInterval\",\"interval\":\"2020-02-01/2020-01-01\"}]"))
        .getMessage().startsWith("rules[0].interval: "));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Rules.parse("[")).getMessage()
        .startsWith("rules are not JSON"));
  }

  @Test
  void periodRulesMatchAsDruidDoes() {
    final Rule loadMonth = Rules.parse("[{\"type\":\"loadByPeriod\",\"period\":\"P30D\"}]").get(0);
    final Rule loadMonthPast = Rules.parse("[{\"type\":\"loadByPeriod\",\"period\":\"P30D\",\"includeFuture\":false}]").get(0);
    final long monthAgo = NOW - 30 * DAY;
    assertTrue(loadMonth.appliesTo(monthAgo - DAY / 2, monthAgo + DAY / 2, NOW), "overlaps the window's start");
    assertFalse(loadMonth.appliesTo(monthAgo - DAY, monthAgo, NOW), "ends where the window starts");
    assertTrue(loadMonth.appliesTo(NOW + DAY, NOW + 2 * DAY, NOW), "future included by default");
    assertFalse(loadMonthPast.appliesTo(NOW + DAY, NOW + 2 * DAY, NOW));

    final Rule dropDay = Rules.parse("[{\"type\":\"dropByPeriod\",\"period\":\"P1D\",\"includeFuture\":false}]").get(0);
    assertTrue(dropDay.appliesTo(NOW - DAY / 2, NOW, NOW));
    assertFalse(dropDay.appliesTo(NOW - 2 * DAY, NOW, NOW), "only partly inside");
    final Rule dropBefore = Rules.parse("[{\"type\":\"dropBeforeByPeriod\",\"period\":\"P1D\"}]").get(0);
    assertTrue(dropBefore.appliesTo(NOW - 3 * DAY, NOW - DAY, NOW));
    assertFalse(dropBefore.appliesTo(NOW - 3 * DAY, NOW - DAY + 1, NOW));
  }

  @Test
  void intervalRulesLoadOnOverlapAndDropOnContainment() {
    final List<Rule> rules = Rules.parse("[{\"type\":\"loadByInterval\",\"interval\":\"2020-01-01/2020-01-03\"},"
        + "{\"type\":\"dropByInterval\",\"interval\":\"2020-01-01/2020-01-03\"}]");
    final long start = IsoInstant.parse("2020-01-02T00:00:00Z");
    assertTrue(rules.get(0).appliesTo(start, start + 2 * DAY, NOW));
    assertFalse(rules.get(1).appliesTo(start, start + 2 * DAY, NOW));
    assertTrue(rules.get(1).appliesTo(start, start + DAY, NOW));
    assertEquals(rules.get(0), Rules.firstApplying(rules, start, start + DAY, NOW));
    assertEquals(null, Rules.firstApplying(rules, start + 5 * DAY, start + 6 * DAY, NOW));
  }
}
