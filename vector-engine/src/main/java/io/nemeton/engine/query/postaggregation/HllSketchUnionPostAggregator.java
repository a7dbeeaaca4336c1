package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.HllSketchAggregator;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The union of several HLL sketches, as a sketch of {@code lgK} and {@code tgtHllType}. */
public record HllSketchUnionPostAggregator(String name, List<PostAggregator> fields, int lgK, String tgtHllType)
    implements PostAggregator {

  public HllSketchUnionPostAggregator {
    fields = List.copyOf(fields);
    Objects.requireNonNull(tgtHllType, "tgtHllType");
  }

  static HllSketchUnionPostAggregator parse(FieldReader reader) {
    final List<PostAggregator> fields = reader.requiredList("fields", PostAggregator::parse);
    PostAggregator.checkAtLeastTwo(reader, fields);
    return new HllSketchUnionPostAggregator(reader.optionalString("name"), fields,
        HllSketchAggregator.checkLgK(reader, "lgK"), HllSketchAggregator.checkHllType(reader, "tgtHllType"));
  }

  @Override
  public Set<String> dependentFields() {
    return PostAggregator.dependentFieldsOf(fields);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("HLLSketchUnion", name);
    node.set("fields", PostAggregator.toJsonArray(fields));
    node.put("lgK", lgK);
    node.put("tgtHllType", tgtHllType);
    return node;
  }
}
