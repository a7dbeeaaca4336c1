package io.nemeton.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One query as a server received it, handed to a {@link QueryHandler}. The fields are immutable;
 * the cancellation state is set by the server's agent (CANCEL frame, deadline, client gone, server
 * closing) and read by the handler. Thread-safe.
 */
public final class QueryRequest {
  private final long requestId;
  private final long deadlineEpochMs;
  private final byte[] query;
  private final List<String> segmentIds;
  private final String clientName;
  private final AtomicReference<CancelReason> cancelReason = new AtomicReference<>();
  private final long receivedAtNanos = System.nanoTime();

  /**
   * @param query the query bytes (UTF-8 JSON by convention); kept, not copied: do not modify
   * @param segmentIds unmodifiable list of segment ids to run on
   */
  public QueryRequest(long requestId, long deadlineEpochMs, byte[] query, List<String> segmentIds, String clientName) {
    this.requestId = requestId;
    this.deadlineEpochMs = deadlineEpochMs;
    this.query = query;
    this.segmentIds = segmentIds;
    this.clientName = clientName;
  }

  /** Unique among the in-flight requests of one client connection. */
  public long requestId() {
    return requestId;
  }

  /** Wall-clock instant (epoch ms) by which the client wants the last result. */
  public long deadlineEpochMs() {
    return deadlineEpochMs;
  }

  /** The query bytes as sent; the array is shared, do not modify it. */
  public byte[] query() {
    return query;
  }

  public String queryText() {
    return new String(query, StandardCharsets.UTF_8);
  }

  public List<String> segmentIds() {
    return segmentIds;
  }

  /** The name the client gave in its HELLO. */
  public String clientName() {
    return clientName;
  }

  /** {@link System#nanoTime()} when the server's agent took the request off the wire (for timing the hand-off). */
  public long receivedAtNanos() {
    return receivedAtNanos;
  }

  public boolean isCancelled() {
    return cancelReason.get() != null;
  }

  /** Why the request was cancelled, or null while it is not. */
  public CancelReason cancelReason() {
    return cancelReason.get();
  }

  /** Marks the request cancelled; the first reason wins. Returns whether this call cancelled it. */
  boolean cancel(CancelReason reason) {
    return cancelReason.compareAndSet(null, reason);
  }

  @Override
  public String toString() {
    return "QueryRequest[id=" + requestId + " client=" + clientName + " segments=" + segmentIds.size()
        + " deadlineEpochMs=" + deadlineEpochMs + "]";
  }
}
