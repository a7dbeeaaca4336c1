package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code dimension} equals any of {@code values}.
 *
 * @param values sorted (null first) and distinct, as Druid keeps them; may contain null
 */
public record InFilter(String dimension, List<String> values, ExtractionFn extractionFn) implements Filter {

  public InFilter {
    Objects.requireNonNull(dimension, "dimension");
    final TreeSet<String> sorted = new TreeSet<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
    sorted.addAll(values);
    values = Collections.unmodifiableList(new ArrayList<>(sorted));
  }

  static InFilter parse(FieldReader reader) {
    final String dimension = reader.requiredName("dimension");
    if (!reader.has("values")) {
      throw reader.missing("values");
    }
    return new InFilter(dimension, reader.nullableStringList("values"), reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("in");
    node.put("dimension", dimension);
    final ArrayNode array = node.putArray("values");
    for (String value : values) {
      array.add(value);
    }
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
