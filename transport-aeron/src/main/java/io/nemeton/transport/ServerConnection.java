package io.nemeton.transport;

import io.aeron.Publication;
import io.nemeton.transport.frame.FrameType;
import io.nemeton.transport.frame.WelcomeFrame;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * A client's open connection to one {@link QueryServer}, made by {@link QueryClient#connect}.
 * Sends queries; the answers come back through the client's agent. Once closed (by the caller, by
 * the server saying goodbye, or because the server went silent) every call in flight fails with
 * {@code "Query interrupted"} and new sends fail at once; connect again to continue.
 *
 * <p>Thread-safe: any number of threads may send at once. The timing fields belong to the agent.
 */
public final class ServerConnection implements AutoCloseable {
  private final QueryClient client;
  private final long connectionId;
  private final String channel;
  private final int streamId;
  final FramePublication publication;
  final CompletableFuture<WelcomeFrame> welcome = new CompletableFuture<>();
  volatile String closedReason;
  volatile String serverName = "?";
  int responseSessionId;
  boolean welcomed;
  long lastHeardMs;
  long lastSentMs;
  long timeoutMs;

  ServerConnection(QueryClient client, long connectionId, String channel, int streamId, FramePublication publication) {
    this.client = client;
    this.connectionId = connectionId;
    this.channel = channel;
    this.streamId = streamId;
    this.publication = publication;
  }

  public String channel() {
    return channel;
  }

  public int streamId() {
    return streamId;
  }

  /** The name the server gave in its WELCOME. */
  public String serverName() {
    return serverName;
  }

  public boolean isOpen() {
    return closedReason == null;
  }

  QueryClient client() {
    return client;
  }

  long connectionId() {
    return connectionId;
  }

  /**
   * Sends a query and collects every partial result. Cancelling the returned future cancels the
   * query on the server.
   *
   * @see #stream
   */
  public CompletableFuture<List<byte[]>> send(byte[] query, List<String> segmentIds, long deadlineEpochMs) {
    final ResultCollector collector = new ResultCollector();
    final QueryCall call = stream(query, segmentIds, deadlineEpochMs, collector);
    final CompletableFuture<List<byte[]>> future = collector.future();
    future.whenComplete((results, error) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    return future;
  }

  /**
   * Sends a query whose partial results stream to {@code listener}. The calling thread offers the
   * QUERY frame itself and, while the server's stream is back-pressured, waits (parking) up to the
   * deadline. The call fails with {@code "Query timeout"} when the deadline passes before the last
   * result, and a CANCEL goes to the server.
   *
   * @param query the query, UTF-8 JSON by convention (opaque to the transport)
   * @param segmentIds the segments to run it on (may be empty)
   * @param deadlineEpochMs wall-clock deadline in epoch milliseconds
   * @throws IllegalArgumentException when the query breaks the frame limits or does not fit one
   *     message of the channel
   */
  public QueryCall stream(byte[] query, List<String> segmentIds, long deadlineEpochMs, PartialResultListener listener) {
    if (query == null || segmentIds == null || listener == null) {
      throw new IllegalArgumentException("query, segmentIds and listener are required (query=" + (query == null ? "null" : "set")
          + " segmentIds=" + segmentIds + " listener=" + listener + ")");
    }
    if (deadlineEpochMs <= 0) {
      throw new IllegalArgumentException("deadlineEpochMs=" + deadlineEpochMs + " must be > 0");
    }
    final QueryClient.SendScratch scratch = client.scratch();
    final long requestId = client.nextRequestId();
    final int length = scratch.writer.writeQuery(scratch.buffer, 0, requestId, deadlineEpochMs, query, segmentIds);
    if (length > publication.maxMessageLength()) {
      throw new IllegalArgumentException("query frame bytes=" + length + " exceeds the largest message bytes="
          + publication.maxMessageLength() + " of channel=" + channel + " (segments=" + segmentIds.size() + ")");
    }
    final long nowMs = System.currentTimeMillis();
    final QueryCall call = new QueryCall(requestId, this, listener, deadlineEpochMs, nowMs);
    final String closed = closedReason;
    if (closed != null) {
      call.finish(interrupted("connection to " + describe() + " is closed: " + closed));
      return call;
    }
    if (deadlineEpochMs <= nowMs) {
      call.finish(client.timeout(call, nowMs));
      return call;
    }
    client.register(call);
    offerQuery(call, scratch.buffer, length, scratch.idle);
    return call;
  }

  private void offerQuery(QueryCall call, ExpandableArrayBuffer buffer, int length, IdleStrategy idle) {
    while (!call.isDone()) {
      final long result = publication.offer(buffer, 0, length);
      if (result > 0) {
        idle.reset();
        return;
      }
      if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION) {
        final long nowMs = System.currentTimeMillis();
        if (nowMs >= call.deadlineEpochMs()) {
          call.finish(client.timeout(call, nowMs));
          return;
        }
        idle.idle();
      } else {
        call.finish(interrupted("cannot send request id=" + call.requestId() + " to " + describe() + ": "
            + Publication.errorString(result)));
        return;
      }
    }
    idle.reset();
  }

  /** Best effort: a few attempts, never waiting; the server also cancels on its own at the deadline. */
  void sendCancel(long requestId) {
    final QueryClient.SendScratch scratch = client.scratch();
    final int length = scratch.writer.writeEmpty(scratch.buffer, 0, FrameType.CANCEL, requestId);
    for (int attempt = 0; attempt < 3; attempt++) {
      if (publication.offer(scratch.buffer, 0, length) > 0) {
        return;
      }
    }
  }

  /** Says goodbye, fails the calls in flight with {@code "Query interrupted"} and closes the stream. */
  @Override
  public void close() {
    client.closeConnection(this, "closed by the client");
  }

  QueryException interrupted(String message) {
    return new QueryException(QueryErrorCodes.QUERY_INTERRUPTED, message);
  }

  String describe() {
    return "server=" + serverName + " channel=" + channel + " stream=" + streamId;
  }
}
