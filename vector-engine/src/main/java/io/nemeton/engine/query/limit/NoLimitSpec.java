package io.nemeton.engine.query.limit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** No sorting or limit. */
public record NoLimitSpec() implements LimitSpec {

  public static final NoLimitSpec INSTANCE = new NoLimitSpec();

  @Override
  public ObjectNode toJson() {
    return null;
  }
}
