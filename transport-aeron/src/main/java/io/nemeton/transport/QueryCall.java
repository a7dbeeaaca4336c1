package io.nemeton.transport;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * One query sent by a {@link QueryClient}: its request id, its completion, and a way to cancel it.
 * The call ends exactly once (last result, error, timeout, cancellation or lost server); whatever
 * arrives later is ignored. Thread-safe; the reassembly state belongs to the client's agent thread.
 */
public final class QueryCall {
  private static final System.Logger LOG = System.getLogger(QueryCall.class.getName());

  /**
   * How long {@link #await} polls on the caller's thread before it parks, from {@code
   * nemeton.transport.awaitPollMicros}; by default 2 ms on hosts with more than 4 cores and 0 (park at
   * once, the agent wakes the caller) on smaller ones. On two cores a caller polling for the answers
   * of three servers takes a core those servers need: a broker → 3 historicals query's p99 measured
   * 0.82–0.84 ms without the polling and 1.01 ms with it, at the same p50 and throughput
   * (perf/RESULTS.md, cluster).
   */
  static final long HELP_NS = 1_000L * Long.getLong("nemeton.transport.awaitPollMicros",
      Runtime.getRuntime().availableProcessors() > 4 ? 2_000 : 0);
  private static final int HELP_SPINS = 50;

  private final long requestId;
  private final ServerConnection connection;
  private final PartialResultListener listener;
  private final long deadlineEpochMs;
  private final long sentAtMs;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  int expectedSequence;
  ExpandableArrayBuffer assembly;
  int assembledBytes;

  QueryCall(long requestId, ServerConnection connection, PartialResultListener listener, long deadlineEpochMs,
      long sentAtMs) {
    this.requestId = requestId;
    this.connection = connection;
    this.listener = listener;
    this.deadlineEpochMs = deadlineEpochMs;
    this.sentAtMs = sentAtMs;
  }

  public long requestId() {
    return requestId;
  }

  public long deadlineEpochMs() {
    return deadlineEpochMs;
  }

  /** Completes when the last result was delivered, or exceptionally with a {@link QueryException}. */
  public CompletableFuture<Void> completion() {
    return completion;
  }

  /**
   * Waits for the call to end, at most {@code timeoutMs}, and returns normally when it succeeded.
   * For up to {@link #HELP_NS} the calling thread runs the client's duty cycle itself (polling
   * the response stream, yielding between empty polls) unless another thread is already doing so,
   * then it parks until the client's agent ends the call. This saves the wake-up of a parked agent
   * on a small query's path; at most one waiting thread per client polls at a time.
   *
   * @throws ExecutionException with the call's {@link QueryException} as the cause when it failed
   * @throws TimeoutException when it has not ended in time (the call goes on; cancel it if needed)
   */
  public void await(long timeoutMs) throws InterruptedException, ExecutionException, TimeoutException {
    final long startNs = System.nanoTime();
    if (HELP_NS > 0 && !completion.isDone()) {
      help(connection.client(), startNs);
    }
    final long leftNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs) - (System.nanoTime() - startNs);
    completion.get(Math.max(1, leftNs), TimeUnit.NANOSECONDS);
  }

  /** Runs the client's duty cycle on this thread until the call ends or {@link #HELP_NS} passed. */
  private void help(QueryClient client, long startNs) {
    int idle = 0;
    client.pollers.incrementAndGet(); // while it polls, the agent does not sleep on its doorbell (no rings to wake it for nothing)
    try {
      while (!completion.isDone() && System.nanoTime() - startNs < HELP_NS) {
        final int work = client.help();
        if (work < 0) {
          break;
        }
        if (work > 0) {
          idle = 0;
        } else if (++idle > HELP_SPINS) {
          Thread.yield();
        } else {
          Thread.onSpinWait();
        }
      }
    } finally {
      client.pollers.decrementAndGet();
    }
    if (!completion.isDone()) {
      client.nudgeAgent(); // it may have gone to sleep while this thread held the duty cycle
    }
  }

  public boolean isDone() {
    return finished.get();
  }

  /** Ends the call with {@code "Query cancelled"} and tells the server to stop; no-op once done. */
  public void cancel() {
    if (finish(new QueryException(QueryErrorCodes.QUERY_CANCELLED,
        "request id=" + requestId + " to " + connection.describe() + " was cancelled by its caller"))) {
      connection.sendCancel(requestId);
    }
  }

  ServerConnection connection() {
    return connection;
  }

  long sentAtMs() {
    return sentAtMs;
  }

  /** Hands one partial result to the listener (agent thread); a failing listener fails the call. */
  boolean deliver(DirectBuffer buffer, int offset, int length) {
    if (finished.get()) {
      return false;
    }
    try {
      listener.onPartial(buffer, offset, length);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "result listener of request id=" + requestId + " failed", e);
      if (finish(new QueryException(QueryErrorCodes.UNKNOWN_EXCEPTION, e.getClass().getName(),
          "result listener of request id=" + requestId + " failed: " + e.getMessage()))) {
        connection.sendCancel(requestId);
      }
      return false;
    }
  }

  /** Ends the call: successfully when {@code error} is null. Returns whether this call ended it. */
  boolean finish(QueryException error) {
    if (!finished.compareAndSet(false, true)) {
      return false;
    }
    assembly = null;
    try {
      if (error == null) {
        listener.onComplete();
      } else {
        listener.onError(error);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "result listener of request id=" + requestId + " failed on completion", e);
    }
    if (error == null) {
      completion.complete(null);
    } else {
      completion.completeExceptionally(error);
    }
    return true;
  }
}
