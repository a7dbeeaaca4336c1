package io.nemeton.engine.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property tests over generated queries of every type: parse, write and parse again gives an equal
 * query, stable text and the same cache key; and a hostile mutation of a valid query either parses
 * or fails with an {@link InvalidQueryException}, never with another exception.
 */
class RandomQueryRoundTripTest {

  private static final int QUERIES = 2000;

  @Test
  void generatedQueriesRoundTrip() {
    final long seed = System.nanoTime();
    final RandomQueries generator = new RandomQueries(seed);
    for (int i = 0; i < QUERIES; i++) {
      final String json = JsonTrees.write(generator.query());
      try {
        final Query first = QueryParser.parse(json);
        final String written = first.toJson();
        final Query second = QueryParser.parse(written);
        assertEquals(first, second, "round trip changed the query");
        assertEquals(first.hashCode(), second.hashCode());
        assertEquals(written, second.toJson(), "writing is not stable");
        assertArrayEquals(first.cacheKey(), second.cacheKey(), "cache key changed");
      } catch (RuntimeException | AssertionError e) {
        fail("seed=" + seed + " query #" + i + ": " + json + "\n" + e, e);
      }
    }
  }

  @Test
  void mutatedQueriesFailOnlyWithInvalidQueryException() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final RandomQueries generator = new RandomQueries(seed);
    int refused = 0;
    for (int i = 0; i < QUERIES; i++) {
      final ObjectNode query = generator.query();
      mutate(query, random);
      final String json = JsonTrees.write(query);
      try {
        QueryParser.parse(json).toJson();
      } catch (InvalidQueryException expected) {
        refused++;
      } catch (RuntimeException e) {
        fail("seed=" + seed + " mutated query #" + i + " failed with " + e + ": " + json, e);
      }
    }
    System.out.println("mutated queries refused with a field error: " + refused + " of " + QUERIES + " (seed=" + seed + ")");
  }

  /** Replaces, removes or retypes one random node of the tree. */
  private static void mutate(JsonNode root, SplittableRandom random) {
    final List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    final JsonNode target = containers.get(random.nextInt(containers.size()));
    final JsonNode replacement = hostile(random);
    if (target instanceof ObjectNode object && !object.isEmpty()) {
      final List<String> names = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        names.add(field.getKey());
      }
      final String name = names.get(random.nextInt(names.size()));
      if (random.nextInt(3) == 0) {
        object.remove(name);
      } else {
        object.set(name, replacement);
      }
    } else if (target instanceof ArrayNode array && !array.isEmpty()) {
      array.set(random.nextInt(array.size()), replacement);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (JsonNode child : node) {
        collect(child, containers);
      }
    }
  }

  private static JsonNode hostile(SplittableRandom random) {
    final JsonNodeFactory json = JsonNodeFactory.instance;
    return switch (random.nextInt(10)) {
      case 0 -> json.nullNode();
      case 1 -> json.textNode("");
      case 2 -> json.numberNode(-1);
      case 3 -> json.numberNode(Long.MAX_VALUE);
      case 4 -> json.numberNode(1.5e300);
      case 5 -> json.booleanNode(true);
      case 6 -> json.arrayNode();
      case 7 -> json.objectNode();
      case 8 -> json.textNode("P0D/2013");
      default -> json.objectNode().put("type", "selector");
    };
  }
}
