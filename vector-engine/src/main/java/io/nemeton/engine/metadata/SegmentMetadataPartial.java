package io.nemeton.engine.metadata;

import io.nemeton.engine.run.PartialResult;
import java.util.List;
import java.util.Map;

/**
 * SegmentMetadata partial result: one analysis per segment (or one merged analysis), each a map in
 * Druid's answer shape. Owned by one thread while merged.
 */
public record SegmentMetadataPartial(List<Map<String, Object>> analyses) implements PartialResult {
}
