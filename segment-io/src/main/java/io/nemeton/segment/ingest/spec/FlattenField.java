package io.nemeton.segment.ingest.spec;

import java.util.Objects;

/**
 * One {@code flattenSpec.fields[]} entry: {@code root} copies the top-level field {@code name};
 * {@code path} evaluates the JSONPath {@code expr} (see the module README for the subset).
 */
public record FlattenField(String name, boolean path, String expression) {
  public FlattenField {
    Objects.requireNonNull(name, "name");
  }
}
