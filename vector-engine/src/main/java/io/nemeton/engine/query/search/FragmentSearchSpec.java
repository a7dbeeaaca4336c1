package io.nemeton.engine.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Matches values containing every one of {@code values}. */
public record FragmentSearchSpec(List<String> values, boolean caseSensitive) implements SearchQuerySpec {

  public FragmentSearchSpec {
    values = List.copyOf(values);
  }

  static FragmentSearchSpec parse(FieldReader reader) {
    if (!reader.has("values")) {
      throw reader.missing("values");
    }
    return new FragmentSearchSpec(reader.stringList("values"), reader.booleanOr("case_sensitive", false));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("fragment");
    node.set("values", JsonTrees.strings(values));
    node.put("case_sensitive", caseSensitive);
    return node;
  }
}
