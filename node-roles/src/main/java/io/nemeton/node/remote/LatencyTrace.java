package io.nemeton.node.remote;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A diagnostic switch next to {@link LatencyStages}: one line per query with its timestamps
 * ({@link System#nanoTime()}, which is the host's monotonic clock on Linux, so the lines of a
 * broker and of its historicals can be joined by request id and compared). Off unless the JVM
 * runs with {@code -Dnemeton.debug.latencyTrace=FILE}; the lines are appended to {@code FILE.PID}
 * every {@code nemeton.debug.latencyPeriodMs} and at exit.
 *
 * <p>Broker lines: {@code B start dispatched parsed planned sent gathered merged written done
 * waitNs runNs switches calls} where calls are {@code requestId:node:sentNs:completedNs:byWaiter}
 * and waitNs/runNs/switches are the deltas of the worker thread's run-queue wait, run time and time
 * slices over the request ({@code /proc/thread-self/schedstat}). Historical lines: {@code H
 * requestId received started done}.
 *
 * <p>Thread-safe. Allocates per query when on (a diagnostic, not for production load).
 */
public final class LatencyTrace {
  private static final String FILE = System.getProperty("nemeton.debug.latencyTrace");
  /** Whether the switch is on in this JVM. */
  public static final boolean ENABLED = FILE != null && !FILE.isEmpty();
  private static final StringBuilder PENDING = new StringBuilder();
  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<RandomAccessFile> SCHEDSTAT = new ThreadLocal<>();

  static {
    if (ENABLED) {
      LatencyStages.everyPeriod("nemeton-latency-trace", LatencyTrace::flush);
      Runtime.getRuntime().addShutdownHook(new Thread(LatencyTrace::flush, "nemeton-latency-trace-exit"));
    }
  }

  private LatencyTrace() {}

  /** The timestamps of one broker query, kept on the thread that answers it. */
  private static final class Request {
    final long[] marks = new long[9];
    long[] sched0;
    final StringBuilder calls = new StringBuilder();

    Request(long startNs) {
      marks[0] = startNs;
      sched0 = schedstat();
    }
  }

  /** Broker: a query's HTTP request started at {@code startNs}; later marks go to this thread's line. */
  public static void begin(long startNs) {
    if (ENABLED) {
      final Request request = new Request(startNs);
      request.marks[1] = System.nanoTime();
      CURRENT.set(request);
    }
  }

  /** Broker: stage {@code index} (2 parsed, 3 planned, 4 sent, 5 gathered, 6 merged, 7 written) ended now. */
  public static void mark(int index) {
    if (ENABLED) {
      final Request request = CURRENT.get();
      if (request != null) {
        request.marks[index] = System.nanoTime();
      }
    }
  }

  /** Broker: this thread's query, to {@link #attach} on a thread that goes on with it; null when none or off. */
  public static Object current() {
    return ENABLED ? CURRENT.get() : null;
  }

  /** Broker: takes this thread's query off it ({@link #current}), to attach on the thread that answers it. */
  public static Object detach() {
    final Object request = current();
    if (request != null) {
      CURRENT.remove();
    }
    return request;
  }

  /**
   * Broker: later marks on this thread go to {@code query} (from {@link #current} or {@link
   * #detach}; null takes it off). The line's run-queue figures then cover this thread from here on.
   */
  public static void attach(Object query) {
    if (!ENABLED) {
      return;
    }
    if (query instanceof Request request) {
      if (CURRENT.get() != request) {
        request.sched0 = schedstat();
        CURRENT.set(request);
      }
    } else {
      CURRENT.remove();
    }
  }

  /** Broker: one sub-query's round trip. */
  public static void call(long requestId, String node, long sentNs, long completedNs, boolean byWaiter) {
    if (ENABLED) {
      final Request request = CURRENT.get();
      if (request != null) {
        request.calls.append(' ').append(requestId).append(':').append(node).append(':').append(sentNs).append(':')
            .append(completedNs).append(':').append(byWaiter ? 1 : 0);
      }
    }
  }

  /** Broker: the query's answer is written; appends its line. */
  public static void end() {
    if (!ENABLED) {
      return;
    }
    final Request request = CURRENT.get();
    CURRENT.remove();
    if (request == null) {
      return;
    }
    request.marks[8] = System.nanoTime();
    final long[] sched1 = schedstat();
    final StringBuilder line = new StringBuilder("B");
    for (long mark : request.marks) {
      line.append(' ').append(mark);
    }
    line.append(' ').append(sched1[1] - request.sched0[1]).append(' ').append(sched1[0] - request.sched0[0])
        .append(' ').append(sched1[2] - request.sched0[2]).append(request.calls).append('\n');
    synchronized (PENDING) {
      PENDING.append(line);
    }
  }

  /** Historical: request {@code requestId} was read at {@code receivedNs}, handled from {@code startedNs}, done now. */
  public static void historical(long requestId, long receivedNs, long startedNs) {
    if (ENABLED) {
      final String line = "H " + requestId + ' ' + receivedNs + ' ' + startedNs + ' ' + System.nanoTime() + '\n';
      synchronized (PENDING) {
        PENDING.append(line);
      }
    }
  }

  private static void flush() {
    final String text;
    synchronized (PENDING) {
      text = PENDING.toString();
      PENDING.setLength(0);
    }
    if (text.isEmpty()) {
      return;
    }
    try {
      Files.writeString(Path.of(FILE + "." + ProcessHandle.current().pid()), text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("latency trace: cannot append to " + FILE + ": " + e.getMessage());
    }
  }

  /** This thread's run time, run-queue wait (ns) and time slices; zeros where /proc has no schedstat. */
  private static long[] schedstat() {
    final long[] out = new long[3];
    try {
      RandomAccessFile file = SCHEDSTAT.get();
      if (file == null) {
        file = new RandomAccessFile("/proc/thread-self/schedstat", "r");
        SCHEDSTAT.set(file);
      }
      file.seek(0);
      final byte[] bytes = new byte[96];
      final int n = file.read(bytes);
      final String[] fields = new String(bytes, 0, Math.max(0, n), StandardCharsets.US_ASCII).trim().split(" ");
      for (int i = 0; i < 3 && i < fields.length; i++) {
        out[i] = Long.parseLong(fields[i]);
      }
    } catch (IOException | NumberFormatException e) {
      // no schedstat here: the line carries zeros
    }
    return out;
  }
}
