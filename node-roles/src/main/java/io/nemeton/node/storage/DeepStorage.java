package io.nemeton.node.storage;

import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where published segment files live for good: indexer tasks push finished files here before they
 * publish them, historicals pull them into their local cache. A location is Druid's {@code
 * loadSpec} map, stored in the segment's payload. Implementations are thread-safe.
 */
public interface DeepStorage {

  /**
   * Copies {@code segmentFile} into deep storage under a name derived from {@code info}, completely
   * or not at all (a crash leaves no partial file under the final name). Returns the loadSpec.
   */
  Map<String, Object> push(Path segmentFile, SegmentInfo info) throws IOException;

  /** Copies the segment at {@code loadSpec} to {@code target} (overwritten if present). */
  void pull(Map<String, Object> loadSpec, Path target) throws IOException;

  /** Removes the segment at {@code loadSpec}; a missing one is not an error. */
  void delete(Map<String, Object> loadSpec) throws IOException;
}
