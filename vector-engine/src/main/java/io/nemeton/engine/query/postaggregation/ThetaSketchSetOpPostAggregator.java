package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.ThetaSketchAggregator;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** UNION, INTERSECT or NOT (set difference, left to right) of theta sketches. */
public record ThetaSketchSetOpPostAggregator(String name, Operation func, List<PostAggregator> fields, int size)
    implements PostAggregator {

  /** The set operations. */
  public enum Operation { UNION, INTERSECT, NOT }

  public ThetaSketchSetOpPostAggregator {
    Objects.requireNonNull(func, "func");
    fields = List.copyOf(fields);
  }

  static ThetaSketchSetOpPostAggregator parse(FieldReader reader) {
    final String funcText = reader.requiredString("func");
    final Operation func;
    try {
      func = Operation.valueOf(funcText);
    } catch (IllegalArgumentException e) {
      throw reader.invalid("func", "unknown set operation '" + funcText + "'; supported: UNION, INTERSECT, NOT");
    }
    final List<PostAggregator> fields = reader.requiredList("fields", PostAggregator::parse);
    PostAggregator.checkAtLeastTwo(reader, fields);
    return new ThetaSketchSetOpPostAggregator(reader.optionalString("name"), func, fields,
        ThetaSketchAggregator.checkSize(reader, "size"));
  }

  @Override
  public Set<String> dependentFields() {
    return PostAggregator.dependentFieldsOf(fields);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("thetaSketchSetOp", name);
    node.put("func", func.name());
    node.set("fields", PostAggregator.toJsonArray(fields));
    node.put("size", size);
    return node;
  }
}
