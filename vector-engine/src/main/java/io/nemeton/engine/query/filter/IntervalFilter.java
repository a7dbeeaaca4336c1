package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.QueryIntervals;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Values (usually {@code __time}, as epoch milliseconds) inside any of {@code intervals}. */
public record IntervalFilter(String dimension, QueryIntervals intervals, ExtractionFn extractionFn)
    implements Filter {

  public IntervalFilter {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(intervals, "intervals");
  }

  static IntervalFilter parse(FieldReader reader) {
    return new IntervalFilter(reader.requiredName("dimension"), reader.required("intervals", QueryIntervals::parse),
        reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("interval");
    node.put("dimension", dimension);
    node.set("intervals", intervals.toJson());
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
