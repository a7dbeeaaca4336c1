package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A join of {@code left} and {@code right} on the expression {@code condition}; right-hand columns
 * are renamed with {@code rightPrefix}.
 *
 * @param leftFilter an optional filter applied to the left side before joining
 */
public record JoinDataSource(
    DataSource left, DataSource right, String rightPrefix, String condition, JoinType joinType, Filter leftFilter)
    implements DataSource {

  /** The join types. */
  public enum JoinType { INNER, LEFT, RIGHT, FULL }

  public JoinDataSource {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(rightPrefix, "rightPrefix");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(joinType, "joinType");
  }

  static JoinDataSource parse(FieldReader reader) {
    final DataSource left = reader.required("left", DataSource::parse);
    final DataSource right = reader.required("right", DataSource::parse);
    final String prefix = reader.requiredName("rightPrefix");
    if ("__time".startsWith(prefix)) {
      throw reader.invalid("rightPrefix", "cannot be a prefix of the time column __time, got \"" + prefix + "\"");
    }
    final String condition = reader.requiredExpression("condition");
    final String typeText = reader.requiredString("joinType");
    final JoinType joinType;
    try {
      joinType = JoinType.valueOf(typeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw reader.invalid("joinType", "unknown join type '" + typeText + "'; supported: INNER, LEFT, RIGHT, FULL");
    }
    return new JoinDataSource(left, right, prefix, condition, joinType, reader.optional("leftFilter", Filter::parse));
  }

  @Override
  public Set<String> tableNames() {
    final Set<String> names = new LinkedHashSet<>(left.tableNames());
    names.addAll(right.tableNames());
    return names;
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("join");
    node.set("left", left.toJson());
    node.set("right", right.toJson());
    node.put("rightPrefix", rightPrefix);
    node.put("condition", condition);
    node.put("joinType", joinType.name());
    if (leftFilter != null) {
      node.set("leftFilter", leftFilter.toJson());
    }
    return node;
  }
}
