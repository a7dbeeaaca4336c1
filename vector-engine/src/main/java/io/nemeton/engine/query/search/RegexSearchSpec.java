package io.nemeton.engine.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.RegexPatterns;

/** Matches values in which the Java regular expression {@code pattern} finds a match. */
public record RegexSearchSpec(String pattern) implements SearchQuerySpec {

  static RegexSearchSpec parse(FieldReader reader) {
    return new RegexSearchSpec(RegexPatterns.required(reader, "pattern"));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("regex");
    node.put("pattern", pattern);
    return node;
  }
}
