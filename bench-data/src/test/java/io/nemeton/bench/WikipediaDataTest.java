package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shape, correlation and cardinality checks over 40 k Wikipedia-like edits. */
class WikipediaDataTest {
  private static final long SEED = 42L;
  private static final int ROWS = 40_000;
  /** The fields of the Druid tutorial's wikiticker sample, in its order. */
  private static final List<String> FIELDS = List.of(
      "time", "channel", "cityName", "comment", "countryIsoCode", "countryName", "isAnonymous", "isMinor",
      "isNew", "isRobot", "isUnpatrolled", "metroCode", "namespace", "page", "regionIsoCode", "regionName",
      "user", "delta", "added", "deleted");
  private static final Set<String> OPTIONAL = Set.of("cityName", "countryIsoCode", "countryName", "metroCode", "regionIsoCode", "regionName");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<ObjectNode> edits;

  @BeforeAll
  static void generate() throws Exception {
    edits = new ArrayList<>();
    for (String line : Generated.wikipediaLines(ROWS, SEED, false)) {
      edits.add((ObjectNode) MAPPER.readTree(line));
    }
    assertEquals(ROWS, edits.size());
  }

  @Test
  void fieldsFollowTheSampleOrderAndOnlyGeographyIsMissing() {
    for (int i = 0; i < ROWS; i++) {
      final List<String> names = new ArrayList<>();
      edits.get(i).fieldNames().forEachRemaining(names::add);
      final List<String> expected = new ArrayList<>(FIELDS);
      expected.removeIf(name -> OPTIONAL.contains(name) && !names.contains(name));
      assertEquals(expected, names, "row=" + i);
    }
  }

  @Test
  void timesAreNonDecreasingOverTheDay() {
    final long dayStart = Instant.parse(WikipediaEditEncoder.DAY + "T00:00:00Z").toEpochMilli();
    long previous = -1;
    for (int i = 0; i < ROWS; i++) {
      final long millis = Instant.parse(edits.get(i).get("time").asText()).toEpochMilli() - dayStart;
      assertTrue(millis >= previous && millis < 86_400_000, "row=" + i + " millis=" + millis);
      previous = millis;
    }
    assertTrue(previous > 86_400_000 - 60_000, "last millis=" + previous);
  }

  @Test
  void fieldsAreCorrelatedLikeRealEdits() {
    int anonymous = 0;
    int robots = 0;
    for (int i = 0; i < ROWS; i++) {
      final JsonNode edit = edits.get(i);
      final boolean isAnonymous = edit.get("isAnonymous").booleanValue();
      final boolean isRobot = edit.get("isRobot").booleanValue();
      anonymous += isAnonymous ? 1 : 0;
      robots += isRobot ? 1 : 0;
      assertFalse(isAnonymous && isRobot, "row=" + i);
      assertEquals(isAnonymous, edit.has("countryIsoCode"), "row=" + i);
      assertEquals(isAnonymous, edit.has("countryName"), "row=" + i);
      assertEquals(isAnonymous, IPV4.matcher(edit.get("user").asText()).matches(), "row=" + i);
      if (edit.has("cityName") || edit.has("regionName")) {
        assertTrue(isAnonymous, "row=" + i);
      }
      if (edit.has("metroCode")) {
        assertEquals("US", edit.get("countryIsoCode").asText(), "row=" + i);
        assertTrue(edit.get("metroCode").isInt(), "row=" + i);
      }
      final long added = edit.get("added").longValue();
      final long deleted = edit.get("deleted").longValue();
      assertTrue(added >= 0 && deleted >= 0, "row=" + i);
      assertEquals(added - deleted, edit.get("delta").longValue(), "row=" + i);
      final String page = edit.get("page").asText();
      final String namespace = edit.get("namespace").asText();
      assertEquals(namespace.equals("Main"), !page.startsWith(namespace + ":"), "row=" + i + " page=" + page);
    }
    // The sample has 9.7% anonymous and 39% robot edits.
    assertTrue(anonymous > 0.08 * ROWS && anonymous < 0.115 * ROWS, "anonymous=" + anonymous);
    assertTrue(robots > 0.37 * ROWS && robots < 0.41 * ROWS, "robots=" + robots);
  }

  @Test
  void cardinalitiesResembleTheSample() {
    // Sample (39,244 rows): channel 51, namespace 265, page 35,143, user 10,531, comment 19,314, country 114.
    assertBetween("channel", 45, 51);
    assertBetween("namespace", 25, 32);
    assertBetween("page", 30_000, 40_000);
    assertBetween("user", 8_000, 25_000);
    assertBetween("comment", 8_000, 25_000);
    assertBetween("countryIsoCode", 50, 64);
    assertBetween("cityName", 800, 3_000);
  }

  @Test
  void explicitNullsWriteEveryFieldWithTheSameValues() throws Exception {
    final String[] lines = Generated.wikipediaLines(ROWS, SEED, true);
    for (int i = 0; i < ROWS; i++) {
      final ObjectNode withNulls = (ObjectNode) MAPPER.readTree(lines[i]);
      final List<String> names = new ArrayList<>();
      withNulls.fieldNames().forEachRemaining(names::add);
      assertEquals(FIELDS, names, "row=" + i);
      for (String field : FIELDS) {
        final JsonNode value = withNulls.get(field);
        if (value.isNull()) {
          assertFalse(edits.get(i).has(field), "row=" + i + " field=" + field);
        } else {
          assertEquals(edits.get(i).get(field), value, "row=" + i + " field=" + field);
        }
      }
    }
  }

  private static void assertBetween(String field, int min, int max) {
    final Set<JsonNode> values = new HashSet<>();
    for (JsonNode edit : edits) {
      if (edit.has(field)) {
        values.add(edit.get(field));
      }
    }
    assertTrue(values.size() >= min && values.size() <= max, field + " distinct=" + values.size() + " expected [" + min + ", " + max + "]");
  }
}
