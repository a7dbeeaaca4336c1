package io.nemeton.node.timeline;

/**
 * The part {@code [startMs, endMs)} of a segment that a query reads: the segment's interval
 * clipped to the query and to where no higher version overshadows it.
 */
public record VisibleSegment(TimelineSegment segment, long startMs, long endMs) {}
