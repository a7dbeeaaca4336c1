package io.nemeton.segment.ingest.spec;

import java.util.List;

/**
 * JSON flattening: the {@code fields} computed from each record, plus (with {@code
 * useFieldDiscovery}, the default) every top-level field holding a scalar or a list of scalars.
 */
public record FlattenSpec(boolean useFieldDiscovery, List<FlattenField> fields) {
  public FlattenSpec {
    fields = List.copyOf(fields);
  }

  /** True when records are read as they are, without computed fields. */
  public boolean isIdentity() {
    return useFieldDiscovery && fields.isEmpty();
  }
}
