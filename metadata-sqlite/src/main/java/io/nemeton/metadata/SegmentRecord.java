package io.nemeton.metadata;

/**
 * A segment as stored. Immutable.
 *
 * @param startMs inclusive interval start, epoch ms
 * @param endMs exclusive interval end, epoch ms
 * @param used false once the segment was marked unused (datasource deleted, interval dropped);
 *     unused segments stay until deleted so they can be killed or marked used again
 * @param createdMs when it was published, epoch ms
 * @param usedStatusLastUpdatedMs when {@code used} last changed (or the publish time)
 */
public record SegmentRecord(String id, String dataSource, long startMs, long endMs,
    String version, int partition, String payloadJson, boolean used, long createdMs,
    long usedStatusLastUpdatedMs) {

  /** True when this segment's interval overlaps {@code [otherStartMs, otherEndMs)}. */
  public boolean overlaps(long otherStartMs, long otherEndMs) {
    return startMs < otherEndMs && otherStartMs < endMs;
  }
}
