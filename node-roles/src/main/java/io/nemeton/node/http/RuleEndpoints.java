package io.nemeton.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.metadata.AuditEntry;
import io.nemeton.metadata.AuditInfo;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.RuleSet;
import io.nemeton.metadata.RuleStore;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's rule paths: {@code GET rules} (every datasource's rules, {@code _default}
 * included), {@code GET rules/{ds}} ({@code ?full} appends the default rules), {@code POST
 * rules/{ds}} (a JSON array, audited with {@code X-Druid-Author}, {@code X-Druid-Comment} and the
 * client address), and the audit history, {@code GET rules/history} and {@code GET
 * rules/{ds}/history} ({@code ?count=N} or {@code ?interval=}; by default the last week).
 * Rules live in the metadata store, which is read directly. Stateless apart from the store.
 */
final class RuleEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = CoordinatorEndpoints.BASE + "/rules";
  private static final long DEFAULT_HISTORY_MS = 7L * 24 * 3600 * 1000;
  private static final int MAX_HISTORY = 10_000;

  private RuleEndpoints() {}

  static void register(Router router, MetadataStore metadata, Runnable rulesChanged) {
    final RuleStore rules = metadata.rules();
    router.add("GET", BASE, request -> {
      final ObjectNode body = JSON.createObjectNode();
      for (RuleSet set : rules.allRules()) {
        body.set(set.dataSource(), parse(set.rulesJson()));
      }
      return HttpAnswer.rawJson(200, JSON.writeValueAsString(body));
    });
    router.add("GET", BASE + "/history", request -> history(rules, null, request));
    router.add("GET", BASE + "/{ds}", request -> {
      final String name = request.pathParameter("ds");
      final ArrayNode body = JSON.createArrayNode();
      rules.rules(name).ifPresent(set -> body.addAll((ArrayNode) parse(set.rulesJson())));
      if (request.hasQueryParameter("full") && !name.equals(RuleStore.DEFAULT_RULES_KEY)) {
        final Optional<RuleSet> defaults = rules.rules(RuleStore.DEFAULT_RULES_KEY);
        defaults.ifPresent(set -> body.addAll((ArrayNode) parse(set.rulesJson())));
      }
      return HttpAnswer.rawJson(200, JSON.writeValueAsString(body));
    });
    router.add("POST", BASE + "/{ds}", request -> {
      final String name = request.pathParameter("ds");
      final String text = request.bodyText();
      final JsonNode parsed;
      try {
        parsed = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw HttpError.badRequest("rules of " + name + ": malformed JSON: " + e.getOriginalMessage());
      }
      if (parsed == null || !parsed.isArray()) {
        throw HttpError.badRequest("rules of " + name + ": expected a JSON array of rules, got "
            + (parsed == null || parsed.isMissingNode() ? "an empty body" : parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      }
      for (int i = 0; i < parsed.size(); i++) {
        if (!parsed.get(i).isObject() || !parsed.get(i).path("type").isTextual()) {
          throw HttpError.badRequest("rules of " + name + ": rule [" + i + "] must be an object with a \"type\"");
        }
      }
      rules.setRules(name, JSON.writeValueAsString(parsed), new AuditInfo(request.header("X-Druid-Author"),
          request.header("X-Druid-Comment"), request.remoteAddress()));
      rulesChanged.run();
      return HttpAnswer.empty(200);
    });
    router.add("GET", BASE + "/{ds}/history", request -> history(rules, request.pathParameter("ds"), request));
  }

  private static HttpAnswer history(RuleStore rules, String dataSource, HttpRequest request) throws Exception {
    final String count = request.queryParameter("count");
    final String interval = request.queryParameter("interval");
    long sinceMs = System.currentTimeMillis() - DEFAULT_HISTORY_MS;
    int limit = MAX_HISTORY;
    if (count != null) {
      try {
        limit = Integer.parseInt(count);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_HISTORY) {
        throw HttpError.badRequest("count=" + count + " must be a whole number within 1.." + MAX_HISTORY);
      }
      sinceMs = Long.MIN_VALUE;
    } else if (interval != null) {
      try {
        sinceMs = Interval.parse(interval).startMs();
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("interval=" + interval + ": " + e.getMessage());
      }
    }
    final List<AuditEntry> entries = rules.history(dataSource, sinceMs, limit);
    final ArrayNode body = JSON.createArrayNode();
    for (AuditEntry entry : entries) {
      final ObjectNode item = body.addObject();
      item.put("key", entry.key());
      item.put("type", entry.type());
      final ObjectNode info = item.putObject("auditInfo");
      info.put("author", entry.info().author());
      info.put("comment", entry.info().comment());
      info.put("ip", entry.info().remoteAddress());
      item.put("payload", entry.payloadJson());
      item.put("auditTime", IsoInstant.format(entry.auditTimeMs()));
    }
    return HttpAnswer.rawJson(200, JSON.writeValueAsString(body));
  }

  private static JsonNode parse(String rulesJson) {
    try {
      return JSON.readTree(rulesJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rules are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
