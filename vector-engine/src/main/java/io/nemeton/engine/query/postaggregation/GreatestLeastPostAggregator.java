package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The greatest or least of {@code fields}, as a double or long, ignoring nulls. */
public record GreatestLeastPostAggregator(Kind kind, String name, List<PostAggregator> fields)
    implements PostAggregator {

  /** The four types. */
  public enum Kind {
    DOUBLE_GREATEST("doubleGreatest", ValueType.DOUBLE, true),
    DOUBLE_LEAST("doubleLeast", ValueType.DOUBLE, false),
    LONG_GREATEST("longGreatest", ValueType.LONG, true),
    LONG_LEAST("longLeast", ValueType.LONG, false);

    private final String jsonName;
    private final ValueType type;
    private final boolean greatest;

    Kind(String jsonName, ValueType type, boolean greatest) {
      this.jsonName = jsonName;
      this.type = type;
      this.greatest = greatest;
    }

    public String jsonName() {
      return jsonName;
    }

    public ValueType type() {
      return type;
    }

    public boolean greatest() {
      return greatest;
    }

    static Kind fromJsonName(String name) {
      for (Kind kind : values()) {
        if (kind.jsonName.equals(name)) {
          return kind;
        }
      }
      return null;
    }
  }

  public GreatestLeastPostAggregator {
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
  }

  @Override
  public Set<String> dependentFields() {
    return PostAggregator.dependentFieldsOf(fields);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header(kind.jsonName(), name);
    node.set("fields", PostAggregator.toJsonArray(fields));
    return node;
  }
}
