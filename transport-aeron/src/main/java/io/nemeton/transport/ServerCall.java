package io.nemeton.transport;

import io.aeron.Publication;
import io.nemeton.transport.frame.FrameLayout;
import io.nemeton.transport.frame.FrameWriter;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One request on a server: runs the handler on a worker thread and is the {@link ResultSink} it
 * writes to. Results go out in chunks of at most the connection's chunk size, sent from where the
 * caller's bytes lie (header and sequence from a small prefix buffer, Aeron's two-buffer offer).
 * Used by one worker thread; the cancellation flag in the request is the only shared state.
 */
final class ServerCall implements ResultSink, Runnable {
  private static final System.Logger LOG = System.getLogger(ServerCall.class.getName());
  private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

  private final ServerConnectionState connection;
  private final QueryRequest request;
  private final QueryHandler handler;
  private final ServerCounters counters;
  private final FrameWriter writer;
  private final IdleStrategy idle;
  private final ExpandableArrayBuffer prefix = new ExpandableArrayBuffer(FrameWriter.PARTIAL_PREFIX_LENGTH);
  private final UnsafeBuffer arrayView = new UnsafeBuffer(new byte[0]);
  private int sequence;
  private boolean finished;
  /** Runs on the server's agent thread: frames the stream cannot take now are queued for the agent. */
  private boolean inline;
  private AtomicInteger running;

  ServerCall(ServerConnectionState connection, QueryRequest request, QueryHandler handler, ServerCounters counters,
      FrameWriter writer, IdleStrategy idle) {
    this.connection = connection;
    this.request = request;
    this.handler = handler;
    this.counters = counters;
    this.writer = writer;
    this.idle = idle;
  }

  QueryRequest request() {
    return request;
  }

  /** Counts this request in {@code counter} until it has finished (incremented now). */
  void countOn(AtomicInteger counter) {
    counter.incrementAndGet();
    running = counter;
  }

  /** Runs the request on the calling agent thread ({@link QueryHandler#answersInline}). */
  void runInline() {
    inline = true;
    run();
  }

  @Override
  public void run() {
    try {
      if (request.isCancelled()) {
        throw new QueryAbortedException(request.cancelReason(), "request id=" + request.requestId()
            + " stopped before it started: " + request.cancelReason());
      }
      handler.handle(request, this);
      if (!finished && request.isCancelled()) {
        onAborted(request.cancelReason()); // the handler saw the cancellation and stopped: that is its answer
      } else if (!finished) {
        finished = true;
        sendError(QueryErrorCodes.UNKNOWN_EXCEPTION, IllegalStateException.class.getName(), "query handler returned "
            + "without finishing request id=" + request.requestId() + " (call sendLast, complete or fail)");
      }
    } catch (QueryAbortedException aborted) {
      onAborted(aborted.reason());
    } catch (QueryException failure) {
      if (request.isCancelled()) {
        onAborted(request.cancelReason());
      } else {
        sendErrorQuietly(failure.errorCode(), failure.errorClass(), String.valueOf(failure.getMessage()));
      }
    } catch (Exception | Error failure) {
      if (request.isCancelled()) {
        LOG.log(Level.DEBUG, "query handler failed after " + request + " was cancelled", failure);
        onAborted(request.cancelReason());
      } else {
        LOG.log(Level.WARNING, "query handler failed on " + request + " from " + connection.describe(), failure);
        sendErrorQuietly(QueryErrorCodes.UNKNOWN_EXCEPTION, failure.getClass().getName(),
            String.valueOf(failure.getMessage()));
      }
    } finally {
      connection.calls.remove(request.requestId());
      if (running != null) {
        running.decrementAndGet();
      }
    }
  }

  /**
   * A stopped request needs no answer (the client cancelled or is gone; a closing server has
   * answered already) except when the server itself ended it at the deadline.
   */
  private void onAborted(CancelReason reason) {
    counters.queriesAborted.increment();
    if (reason == CancelReason.DEADLINE_PASSED && !connection.closed) {
      sendErrorQuietly(QueryErrorCodes.QUERY_TIMEOUT, QueryAbortedException.class.getName(), "request id="
          + request.requestId() + " passed its deadline epochMs=" + request.deadlineEpochMs() + " on the server");
    }
  }

  @Override
  public void sendPartial(DirectBuffer buffer, int offset, int length) {
    checkOpen();
    sendResult(buffer, offset, length, false);
  }

  @Override
  public void sendPartial(byte[] result) {
    arrayView.wrap(result);
    sendPartial(arrayView, 0, result.length);
  }

  @Override
  public void sendLast(DirectBuffer buffer, int offset, int length) {
    checkOpen();
    finished = true;
    sendResult(buffer, offset, length, true);
    counters.queriesCompleted.increment();
  }

  @Override
  public void sendLast(byte[] result) {
    arrayView.wrap(result);
    sendLast(arrayView, 0, result.length);
  }

  @Override
  public void complete() {
    checkOpen();
    finished = true;
    writer.writePartialPrefix(prefix, request.requestId(), FrameLayout.FLAG_LAST | FrameLayout.FLAG_END_ONLY,
        sequence++, EMPTY, 0, 0);
    offer(prefix, FrameWriter.PARTIAL_PREFIX_LENGTH, EMPTY, 0, 0, true);
    counters.queriesCompleted.increment();
  }

  @Override
  public void fail(String errorCode, String errorClass, String message) {
    checkOpen();
    finished = true;
    sendError(errorCode, errorClass, message);
  }

  @Override
  public boolean isCancelled() {
    return request.isCancelled();
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("request id=" + request.requestId() + " already finished");
    }
    if (request.isCancelled()) {
      throw aborted(request.cancelReason());
    }
  }

  private void sendResult(DirectBuffer buffer, int offset, int length, boolean last) {
    final int chunkBytes = connection.chunkBytes;
    final long requestId = request.requestId();
    int position = 0;
    do {
      final int bytes = Math.min(chunkBytes, length - position);
      final boolean more = position + bytes < length;
      final int flags = more ? FrameLayout.FLAG_CONTINUED : (last ? FrameLayout.FLAG_LAST : 0);
      writer.writePartialPrefix(prefix, requestId, flags, sequence++, buffer, offset + position, bytes);
      offer(prefix, FrameWriter.PARTIAL_PREFIX_LENGTH, buffer, offset + position, bytes, true);
      position += bytes;
    } while (position < length);
  }

  private void sendError(String errorCode, String errorClass, String message) {
    counters.queriesFailed.increment();
    final int length = writer.writeError(prefix, 0, request.requestId(), errorCode, errorClass, message);
    offer(prefix, length, EMPTY, 0, 0, false);
  }

  private void sendErrorQuietly(String errorCode, String errorClass, String message) {
    if (finished) {
      return;
    }
    finished = true;
    try {
      sendError(errorCode, errorClass, message);
    } catch (QueryAbortedException gone) {
      LOG.log(Level.DEBUG, "could not report error on request id=" + request.requestId() + ": " + gone.getMessage());
    }
  }

  /**
   * Offers until the frame is accepted. Back-pressure and admin actions are waited out with the
   * idle strategy until the deadline; a closed or disconnected stream means the client is gone.
   */
  private void offer(DirectBuffer head, int headLength, DirectBuffer body, int bodyOffset, int bodyLength,
      boolean stopWhenCancelled) {
    final FramePublication publication = connection.response;
    if (inline) {
      offerInline(publication, head, headLength, body, bodyOffset, bodyLength, stopWhenCancelled);
      return;
    }
    final long deadlineMs = request.deadlineEpochMs();
    while (true) {
      if (stopWhenCancelled && request.isCancelled()) {
        throw aborted(request.cancelReason());
      }
      final long result = publication.offer(head, 0, headLength, body, bodyOffset, bodyLength);
      if (result > 0) {
        idle.reset();
        return;
      }
      if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION) {
        counters.backPressureRetries.increment();
        if (System.currentTimeMillis() > deadlineMs) {
          request.cancel(CancelReason.DEADLINE_PASSED);
          throw aborted(CancelReason.DEADLINE_PASSED);
        }
        idle.idle();
        continue;
      }
      if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED) {
        request.cancel(CancelReason.CLIENT_GONE);
        throw aborted(CancelReason.CLIENT_GONE);
      }
      throw new QueryAbortedException(CancelReason.CLIENT_GONE, "request id=" + request.requestId()
          + " cannot send on " + connection.describe() + ": " + Publication.errorString(result));
    }
  }

  /**
   * On the agent thread, never waits: a frame the stream refuses (back-pressure), or one behind
   * frames queued earlier, is copied to the connection's queue, which the agent sends in order
   * on its timer (and drops the connection if the client stops reading).
   */
  private void offerInline(FramePublication publication, DirectBuffer head, int headLength, DirectBuffer body,
      int bodyOffset, int bodyLength, boolean stopWhenCancelled) {
    if (stopWhenCancelled && request.isCancelled()) {
      throw aborted(request.cancelReason());
    }
    if (connection.pendingControl.isEmpty() && connection.welcomed) {
      final long result = publication.offer(head, 0, headLength, body, bodyOffset, bodyLength);
      if (result > 0) {
        return;
      }
      if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED) {
        request.cancel(CancelReason.CLIENT_GONE);
        throw aborted(CancelReason.CLIENT_GONE);
      }
      counters.backPressureRetries.increment();
    }
    final byte[] frame = new byte[headLength + bodyLength];
    head.getBytes(0, frame, 0, headLength);
    body.getBytes(bodyOffset, frame, headLength, bodyLength);
    connection.pendingControl.addLast(frame);
  }

  private QueryAbortedException aborted(CancelReason reason) {
    final String why = switch (reason) {
      case CANCELLED_BY_CLIENT -> "was cancelled by the client";
      case DEADLINE_PASSED -> "passed its deadline epochMs=" + request.deadlineEpochMs() + " on the server";
      case CLIENT_GONE -> "lost its client";
      case SERVER_CLOSING -> "was stopped because the server is closing";
    };
    return new QueryAbortedException(reason, "request id=" + request.requestId() + " " + why + " ("
        + connection.describe() + ")");
  }
}
