package io.nemeton.transport;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
   * nemeton.transport.awaitPollMicros}; by default 2 ms on hosts with more than 4 cores and 0 on
   * smaller ones (the caller sleeps on the doorbell as a guest instead, or parks). On two cores a caller polling for the answers
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
  /** Counting in the client's open calls: 0 not yet, 1 counted, 2 ended (uncounted, or never counted). */
  private final AtomicInteger openState = new AtomicInteger();
  private final List<QueryCall> alone = List.of(this);
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
   * The waiting thread does the client's work itself unless another thread already does: for up to
   * {@link #HELP_NS} it runs the client's duty cycle (polling the response stream, yielding between
   * empty polls); where that is 0 (small hosts) it sleeps on the client's doorbell as its guest
   * ({@link QueryClient#awaitAsGuest}) and reads the answers when rung. Either saves the wake-up of
   * the agent on a small query's path. Otherwise, and after polling, it parks until the call ends.
   *
   * @throws ExecutionException with the call's {@link QueryException} as the cause when it failed
   * @throws TimeoutException when it has not ended in time (the call goes on; cancel it if needed)
   */
  public void await(long timeoutMs) throws InterruptedException, ExecutionException, TimeoutException {
    final long startNs = System.nanoTime();
    if (!completion.isDone()) {
      if (HELP_NS > 0) {
        help(connection.client(), startNs);
      } else {
        connection.client().awaitAsGuest(alone, startNs + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
      }
    }
    final long leftNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs) - (System.nanoTime() - startNs);
    completion.get(Math.max(1, leftNs), TimeUnit.NANOSECONDS);
  }

  /**
   * Waits until every call of {@code calls} has ended or {@code timeoutMs} passed, and throws
   * nothing about how they ended: each call's {@link #await} (which then returns at once) or
   * {@link #completion} tells. Where {@link #await} would sleep on the client's doorbell, this
   * sleeps there until the last of the calls has ended, so a scatter's answers wake the one waiting
   * thread directly; otherwise it returns at once.
   */
  public static void awaitAll(List<QueryCall> calls, long timeoutMs) {
    if (calls.isEmpty() || HELP_NS > 0) {
      return;
    }
    final QueryClient client = calls.get(0).connection.client();
    for (int i = 1; i < calls.size(); i++) {
      if (calls.get(i).connection.client() != client) {
        return; // calls of several clients: each is waited for on its own
      }
    }
    client.awaitAsGuest(calls, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
  }

  /** Counts this call in its client's open calls, once and only while it has not ended; returns whether it did. */
  boolean countOpen() {
    return openState.compareAndSet(0, 1);
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
    final boolean counted = openState.getAndSet(2) == 1;
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
    if (counted) {
      connection.client().callEnded();
    }
    return true;
  }
}
