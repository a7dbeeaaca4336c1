package io.nemeton.engine.metadata;

import io.nemeton.engine.run.PartialResult;

/**
 * The earliest and latest matching row times seen, null when none. Immutable.
 */
public record TimeBoundaryPartial(Long minTimeMs, Long maxTimeMs) implements PartialResult {
}
