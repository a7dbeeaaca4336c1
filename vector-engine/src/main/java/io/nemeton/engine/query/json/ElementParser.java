package io.nemeton.engine.query.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one JSON value at a known path into a model object, or throws an error naming the path. */
@FunctionalInterface
public interface ElementParser<T> {
  T parse(JsonNode node, String path);
}
