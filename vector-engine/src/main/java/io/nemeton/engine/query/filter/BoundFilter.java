package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * Legacy range: {@code lower <(=) dimension <(=) upper} under {@code ordering} (lexicographic,
 * numeric, alphanumeric, strlen, ...). At least one bound is set.
 */
public record BoundFilter(
    String dimension, String lower, String upper, boolean lowerStrict, boolean upperStrict,
    StringOrdering ordering, ExtractionFn extractionFn) implements Filter {

  public BoundFilter {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(ordering, "ordering");
  }

  static BoundFilter parse(FieldReader reader) {
    final String dimension = reader.requiredName("dimension");
    final String lower = reader.optionalString("lower");
    final String upper = reader.optionalString("upper");
    if (lower == null && upper == null) {
      throw reader.invalid("lower", "lower and upper cannot both be null");
    }
    StringOrdering ordering = reader.optional("ordering", StringOrdering::parse);
    if (ordering == null) {
      ordering = reader.booleanOr("alphaNumeric", false) ? StringOrdering.ALPHANUMERIC : StringOrdering.LEXICOGRAPHIC;
    }
    return new BoundFilter(dimension, lower, upper, reader.booleanOr("lowerStrict", false),
        reader.booleanOr("upperStrict", false), ordering, reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("bound");
    node.put("dimension", dimension);
    JsonTrees.putIfPresent(node, "lower", lower);
    JsonTrees.putIfPresent(node, "upper", upper);
    node.put("lowerStrict", lowerStrict);
    node.put("upperStrict", upperStrict);
    node.set("ordering", ordering.toJson());
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
