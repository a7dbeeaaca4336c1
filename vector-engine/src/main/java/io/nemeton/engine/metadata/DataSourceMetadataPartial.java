package io.nemeton.engine.metadata;

import io.nemeton.engine.run.PartialResult;

/** The latest row time seen, null when none. Immutable. */
public record DataSourceMetadataPartial(Long maxTimeMs) implements PartialResult {
}
