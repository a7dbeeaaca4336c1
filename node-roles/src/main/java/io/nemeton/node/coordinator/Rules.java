package io.nemeton.node.coordinator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.time.IsoPeriod;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Druid rule JSON (what the coordinator's rules endpoints take and the metadata store
 * keeps): an array of objects with {@code type} and, per type, {@code period} (+ {@code
 * includeFuture}), {@code interval}, {@code tieredReplicants}. A load rule without {@code
 * tieredReplicants} places {@link #DEFAULT_REPLICANTS} replicas in {@code _default_tier}, as
 * Druid does. Stateless and thread-safe.
 */
public final class Rules {
  public static final String DEFAULT_TIER = "_default_tier";
  public static final int DEFAULT_REPLICANTS = 2;
  public static final Set<String> TYPES = Set.of("loadForever", "loadByPeriod", "loadByInterval",
      "dropForever", "dropByPeriod", "dropBeforeByPeriod", "dropByInterval");
  /** Used when the metadata store holds no {@code _default} rules: one replica, forever. */
  public static final List<Rule> BUILT_IN_DEFAULT = List.of(
      new Rule("loadForever", null, false, null, Map.of(DEFAULT_TIER, 1)));
  private static final ObjectMapper JSON = new ObjectMapper();

  private Rules() {}

  /**
   * The rules in {@code json}.
   *
   * @throws IllegalArgumentException naming the rule's position, the field and the value
   */
  public static List<Rule> parse(String json) {
    final JsonNode root;
    try {
      root = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("rules are not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("rules must be a JSON array of rule objects, got "
          + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString().toLowerCase()));
    }
    final List<Rule> rules = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      rules.add(parseOne(root.get(i), "rules[" + i + "]"));
    }
    return List.copyOf(rules);
  }

  private static Rule parseOne(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be an object, got " + node);
    }
    final String type = node.path("type").asText("");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(where + ".type: '" + type + "' is not a rule type; expected one of "
          + new java.util.TreeSet<>(TYPES));
    }
    IsoPeriod period = null;
    Interval interval = null;
    if (type.endsWith("ByPeriod")) {
      final String text = requiredText(node, "period", where);
      try {
        period = IsoPeriod.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ".period: '" + text + "' " + e.getMessage(), e);
      }
      if (period.isZero()) {
        throw new IllegalArgumentException(where + ".period: '" + text + "' must not be zero");
      }
    } else if (type.endsWith("ByInterval")) {
      final String text = requiredText(node, "interval", where);
      try {
        interval = Interval.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ".interval: " + e.getMessage(), e);
      }
    }
    final boolean includeFuture = node.path("includeFuture").asBoolean(true);
    final Map<String, Integer> replicants = new LinkedHashMap<>();
    if (type.startsWith("load")) {
      final JsonNode tiers = node.get("tieredReplicants");
      if (tiers == null || tiers.isNull()) {
        replicants.put(DEFAULT_TIER, DEFAULT_REPLICANTS);
      } else if (!tiers.isObject()) {
        throw new IllegalArgumentException(where + ".tieredReplicants must be an object of tier to count, got " + tiers);
      } else {
        final Iterator<Map.Entry<String, JsonNode>> fields = tiers.properties().iterator();
        while (fields.hasNext()) {
          final Map.Entry<String, JsonNode> tier = fields.next();
          final JsonNode count = tier.getValue();
          if (!count.isIntegralNumber() || count.asLong() < 0 || count.asLong() > 1_000) {
            throw new IllegalArgumentException(where + ".tieredReplicants." + tier.getKey() + ": "
                + count + " must be an integer in [0, 1000]");
          }
          replicants.put(tier.getKey(), count.asInt());
        }
      }
    }
    return new Rule(type, period, includeFuture, interval, replicants);
  }

  private static String requiredText(JsonNode node, String field, String where) {
    final JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + "." + field + " is required for type "
          + node.path("type").asText() + ", got " + value);
    }
    return value.asText();
  }

  /** The first rule of {@code rules} that applies to {@code [startMs, endMs)}, or null. */
  public static Rule firstApplying(List<Rule> rules, long startMs, long endMs, long nowMs) {
    for (Rule rule : rules) {
      if (rule.appliesTo(startMs, endMs, nowMs)) {
        return rule;
      }
    }
    return null;
  }
}
