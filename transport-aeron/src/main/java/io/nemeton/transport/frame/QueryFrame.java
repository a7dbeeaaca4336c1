package io.nemeton.transport.frame;

import java.util.List;

/**
 * A decoded QUERY. The query bytes are opaque to the transport (UTF-8 JSON by convention).
 *
 * <pre>
 * payload: deadlineEpochMs int64 | queryLength int32 | query bytes
 *          | segmentCount int32 | segmentCount x (segmentId str16)
 * </pre>
 *
 * <p>Owns its arrays (copied out of the receive buffer); the segment list is unmodifiable.
 */
public record QueryFrame(long requestId, long deadlineEpochMs, byte[] query, List<String> segmentIds) {}
