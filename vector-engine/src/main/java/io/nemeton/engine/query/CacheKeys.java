package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Map;

/**
 * Builds query cache keys from the canonical JSON of a query: fields sorted, result-neutral context
 * keys dropped (also in subqueries). Stateless and thread-safe.
 */
final class CacheKeys {

  /** Bump when the key derivation changes, so old cache entries stop matching. */
  static final byte FORMAT_VERSION = 1;

  private CacheKeys() {}

  static byte[] resultKey(Query query) {
    return key(query, true);
  }

  static byte[] segmentKey(Query query) {
    return key(query, false);
  }

  private static byte[] key(Query query, boolean withIntervals) {
    final ObjectNode node = query.toJsonNode();
    if (!withIntervals) {
      node.remove("intervals");
    }
    stripNeutralContext(node);
    final byte[] digest = JsonTrees.canonicalDigest(node);
    final byte[] key = new byte[digest.length + 1];
    key[0] = FORMAT_VERSION;
    System.arraycopy(digest, 0, key, 1, digest.length);
    return key;
  }

  private static void stripNeutralContext(JsonNode node) {
    if (node.isObject()) {
      final ObjectNode object = (ObjectNode) node;
      if (object.has("queryType") && object.get("context") instanceof ObjectNode context) {
        for (String key : QueryContext.RESULT_NEUTRAL_KEYS) {
          context.remove(key);
        }
        if (context.isEmpty()) {
          object.remove("context");
        }
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        stripNeutralContext(field.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        stripNeutralContext(element);
      }
    }
  }
}
