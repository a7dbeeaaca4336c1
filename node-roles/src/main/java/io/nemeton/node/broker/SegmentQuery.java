package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;

/**
 * One visible segment a query reads and the query to run on it: the client's query, or a copy
 * narrowed to the segment's visible part when a higher version covers the rest. Immutable.
 */
public record SegmentQuery(String segmentId, Query query) {}
