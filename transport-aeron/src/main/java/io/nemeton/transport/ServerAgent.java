package io.nemeton.transport;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.nemeton.transport.frame.FrameException;
import io.nemeton.transport.frame.FrameHeader;
import io.nemeton.transport.frame.FrameLayout;
import io.nemeton.transport.frame.FrameReader;
import io.nemeton.transport.frame.FrameType;
import io.nemeton.transport.frame.FrameWriter;
import io.nemeton.transport.frame.HelloFrame;
import io.nemeton.transport.frame.QueryFrame;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The server's duty cycle: polls the request stream (a bounded number of fragments per cycle),
 * answers handshakes, hands queries to the worker pool, marks cancellations, and on a short timer
 * sends heartbeats, drops silent clients and cancels requests past their deadline. Its own replies
 * never block it: what back-pressure refuses waits in a per-connection queue for the next cycle.
 * Runs on the server's one agent thread; not thread-safe.
 */
final class ServerAgent implements Agent {
  private static final System.Logger LOG = System.getLogger(ServerAgent.class.getName());
  private static final int FRAGMENT_LIMIT = 32;
  private static final long TIMER_PERIOD_MS = 5;
  /** A client whose control frames pile up this deep is not reading: it is dropped. */
  private static final int MAX_PENDING_CONTROL = 4096;

  private final QueryServerConfig config;
  private final Aeron aeron;
  private final Subscription subscription;
  private final ExecutorService workers;
  private final QueryHandler handler;
  private final ServerCounters counters;
  private final FrameHeader header;
  private final FrameReader reader = new FrameReader();
  private final FrameWriter writer;
  private final ExpandableArrayBuffer sendBuffer = new ExpandableArrayBuffer(1024);
  private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
  private final Int2ObjectHashMap<ServerConnectionState> connections = new Int2ObjectHashMap<>();
  private final ArrayList<ServerConnectionState> dropped = new ArrayList<>();
  private long nextTimerMs;
  private final HotIdleStrategy idle;
  /** Requests handed to workers and not finished: inline answers only when none is, so load still spreads over the workers. */
  private final AtomicInteger onWorkers = new AtomicInteger();

  ServerAgent(QueryServerConfig config, Aeron aeron, Subscription subscription, ExecutorService workers,
      QueryHandler handler, ServerCounters counters, HotIdleStrategy idle) {
    this.idle = idle;
    this.config = config;
    this.aeron = aeron;
    this.subscription = subscription;
    this.workers = workers;
    this.handler = handler;
    this.counters = counters;
    this.header = new FrameHeader(config.limits());
    this.writer = new FrameWriter(config.limits());
  }

  @Override
  public String roleName() {
    return "query-server-" + config.serverName();
  }

  @Override
  public int doWork() {
    int work = subscription.poll(assembler, FRAGMENT_LIMIT);
    final long nowMs = System.currentTimeMillis();
    if (nowMs >= nextTimerMs) {
      nextTimerMs = nowMs + TIMER_PERIOD_MS;
      work += onTimer(nowMs);
    }
    idle.peerless(connections.isEmpty());
    return work;
  }

  private void onFragment(DirectBuffer buffer, int offset, int length, Header aeronHeader) {
    final int sessionId = aeronHeader.sessionId();
    final ServerConnectionState connection = connections.get(sessionId);
    try {
      header.wrap(buffer, offset, length);
    } catch (FrameException e) {
      reject(connection, sessionId, 0, e);
      return;
    }
    if (connection != null) {
      connection.lastHeardMs = System.currentTimeMillis();
    }
    try {
      final FrameType type = header.type();
      if (type == FrameType.HELLO) {
        onHello(sessionId, connection, reader.readHello(header));
      } else if (connection == null) {
        counters.framesRejected.increment();
        LOG.log(Level.WARNING, "frame type=" + type + " from session=" + sessionId + " before its HELLO: ignored");
      } else {
        switch (type) {
          case QUERY -> onQuery(connection, reader.readQuery(header));
          case CANCEL -> onCancel(connection, header.requestId());
          case HEARTBEAT -> reader.requireEmpty(header);
          case GOODBYE -> drop(connection, CancelReason.CLIENT_GONE, "client said goodbye");
          default -> reject(connection, sessionId, header.requestId(),
              new FrameException("frame type=" + type + " is not accepted by a server"));
        }
      }
    } catch (FrameException e) {
      reject(connection, sessionId, header.requestId(), e);
    }
  }

  private void onHello(int sessionId, ServerConnectionState existing, HelloFrame hello) {
    if (existing != null) {
      if (existing.connectionId == hello.connectionId()) {
        existing.welcomed = false; // the client asked again: answer again
        return;
      }
      drop(existing, CancelReason.CLIENT_GONE, "session reused by connection=" + hello.connectionId());
    }
    final FramePublication response;
    try {
      response = FramePublication.of(aeron.addExclusivePublication(hello.responseChannel(), hello.responseStreamId()),
          config.aeronDirectory(), hello.responseChannel(), hello.responseStreamId());
    } catch (RuntimeException e) {
      counters.framesRejected.increment();
      LOG.log(Level.WARNING, "HELLO from client=" + hello.clientName() + " session=" + sessionId
          + " names a response channel=" + hello.responseChannel() + " stream=" + hello.responseStreamId()
          + " that cannot be used: " + e.getMessage());
      return;
    }
    final int maxPayload = Math.min(Math.min(config.limits().maxPayloadBytes(), hello.maxPayloadBytes()),
        response.maxMessageLength() - FrameLayout.HEADER_LENGTH);
    final long timeoutMs = Math.max(config.connectionTimeoutMs(), 3L * hello.heartbeatIntervalMs());
    final ServerConnectionState connection = new ServerConnectionState(sessionId, hello.connectionId(),
        hello.clientName(), response, maxPayload - FrameLayout.PARTIAL_SEQUENCE_LENGTH,
        timeoutMs, System.currentTimeMillis());
    connections.put(sessionId, connection);
    counters.connections.increment();
    LOG.log(Level.DEBUG, "HELLO: " + connection.describe());
  }

  private void onQuery(ServerConnectionState connection, QueryFrame query) {
    final long requestId = query.requestId();
    final long nowMs = System.currentTimeMillis();
    if (connection.calls.containsKey(requestId)) {
      replyError(connection, requestId, QueryErrorCodes.UNSUPPORTED_OPERATION, FrameException.class.getName(),
          "request id=" + requestId + " is already in flight on " + connection.describe());
      return;
    }
    if (query.deadlineEpochMs() <= nowMs) {
      replyError(connection, requestId, QueryErrorCodes.QUERY_TIMEOUT, QueryAbortedException.class.getName(),
          "request id=" + requestId + " arrived after its deadline epochMs=" + query.deadlineEpochMs() + " (now=" + nowMs
              + ") at server=" + config.serverName());
      return;
    }
    final QueryRequest request = new QueryRequest(requestId, query.deadlineEpochMs(), query.query(),
        query.segmentIds(), connection.clientName);
    final ServerCall call = new ServerCall(connection, request, handler, counters, new FrameWriter(config.limits()),
        MediaDrivers.idle(TimeUnit.MICROSECONDS.toNanos(config.maxParkMicros())));
    connection.calls.put(requestId, call);
    if (onWorkers.get() == 0 && answersInline(request)) {
      counters.queriesReceived.increment();
      call.runInline();
      return;
    }
    try {
      call.countOn(onWorkers);
      workers.execute(call);
      counters.queriesReceived.increment();
    } catch (RejectedExecutionException e) {
      onWorkers.decrementAndGet();
      connection.calls.remove(requestId);
      replyError(connection, requestId, QueryErrorCodes.QUERY_CAPACITY_EXCEEDED, RejectedExecutionException.class.getName(),
          "server=" + config.serverName() + " is busy: workers=" + config.workerThreads() + " and queue capacity="
              + config.queueCapacity() + " are all taken; request id=" + requestId + " refused");
    }
  }

  private boolean answersInline(QueryRequest request) {
    try {
      return handler.answersInline(request);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "query handler failed to tell whether request id=" + request.requestId()
          + " is small: it runs on a worker", e);
      return false;
    }
  }

  private void onCancel(ServerConnectionState connection, long requestId) {
    reader.requireEmpty(header);
    final ServerCall call = connection.calls.get(requestId);
    if (call != null && call.request().cancel(CancelReason.CANCELLED_BY_CLIENT)) {
      counters.cancelsReceived.increment();
    }
  }

  private void reject(ServerConnectionState connection, int sessionId, long requestId, FrameException e) {
    final long rejected = counters.framesRejected.sum();
    counters.framesRejected.increment();
    if (rejected < 100 || rejected % 1000 == 0) {
      LOG.log(Level.WARNING, "rejected frame #" + (rejected + 1) + " from session=" + sessionId
          + (connection == null ? " (no HELLO yet)" : " " + connection.describe()) + ": " + e.getMessage());
    }
    if (connection != null) {
      replyError(connection, requestId, QueryErrorCodes.UNKNOWN_EXCEPTION, FrameException.class.getName(), e.getMessage());
    }
  }

  private void replyError(ServerConnectionState connection, long requestId, String code, String errorClass,
      String message) {
    if (requestId != 0) {
      counters.queriesFailed.increment();
    }
    sendControl(connection, writer.writeError(sendBuffer, 0, requestId, code, errorClass, message));
  }

  /** Offers a frame from {@code sendBuffer}, or queues a copy behind earlier ones if it cannot go now. */
  private void sendControl(ServerConnectionState connection, int length) {
    if (connection.pendingControl.isEmpty() && connection.welcomed) {
      final long result = connection.response.offer(sendBuffer, 0, length);
      if (result > 0) {
        connection.lastSentMs = System.currentTimeMillis();
        return;
      }
      if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED) {
        return; // the timer finds the connection gone
      }
    }
    final byte[] copy = new byte[length];
    sendBuffer.getBytes(0, copy);
    connection.pendingControl.addLast(copy);
  }

  private int onTimer(long nowMs) {
    int work = 0;
    for (final ServerConnectionState connection : connections.values()) {
      if (!connection.welcomed) {
        work += welcome(connection, nowMs);
        continue;
      }
      work += flushControl(connection);
      if (connection.pendingControl.size() > MAX_PENDING_CONTROL) {
        dropped.add(connection);
      } else if (subscription.imageBySessionId(connection.sessionId) == null) {
        dropped.add(connection);
      } else if (nowMs - connection.lastHeardMs > connection.timeoutMs) {
        dropped.add(connection);
      } else if (nowMs - connection.lastSentMs >= config.heartbeatIntervalMs() && connection.pendingControl.isEmpty()) {
        sendControl(connection, writer.writeEmpty(sendBuffer, 0, FrameType.HEARTBEAT, 0));
      }
      for (final ServerCall call : connection.calls.values()) {
        final QueryRequest request = call.request();
        if (nowMs > request.deadlineEpochMs() + config.deadlineGraceMs()) {
          request.cancel(CancelReason.DEADLINE_PASSED);
        }
      }
    }
    for (int i = 0, n = dropped.size(); i < n; i++) {
      final ServerConnectionState connection = dropped.get(i);
      drop(connection, CancelReason.CLIENT_GONE, connection.pendingControl.size() > MAX_PENDING_CONTROL
          ? "client stopped reading: control frames queued=" + connection.pendingControl.size() + " limit=" + MAX_PENDING_CONTROL
          : "client silent for ms=" + (nowMs - connection.lastHeardMs) + " limit=" + connection.timeoutMs
              + " or its request stream is gone");
      work++;
    }
    dropped.clear();
    return work;
  }

  private int welcome(ServerConnectionState connection, long nowMs) {
    if (connection.response.isConnected()) {
      final int length = writer.writeWelcome(sendBuffer, 0, connection.connectionId,
          connection.chunkBytes + FrameLayout.PARTIAL_SEQUENCE_LENGTH,
          config.heartbeatIntervalMs(), config.serverName());
      if (connection.response.offer(sendBuffer, 0, length) > 0) {
        connection.welcomed = true;
        connection.lastSentMs = nowMs;
        return 1;
      }
    } else if (nowMs - connection.openedAtMs > connection.timeoutMs) {
      dropped.add(connection);
    }
    return 0;
  }

  private int flushControl(ServerConnectionState connection) {
    int sent = 0;
    byte[] frame;
    while ((frame = connection.pendingControl.peekFirst()) != null) {
      final long result = connection.response.offer(new UnsafeBuffer(frame), 0, frame.length);
      if (result <= 0) {
        break;
      }
      connection.pendingControl.removeFirst();
      connection.lastSentMs = System.currentTimeMillis();
      sent++;
    }
    return sent;
  }

  private void drop(ServerConnectionState connection, CancelReason reason, String why) {
    LOG.log(Level.INFO, "closing " + connection.describe() + ": " + why);
    connection.closed = true;
    for (final ServerCall call : connection.calls.values()) {
      call.request().cancel(reason);
    }
    connections.remove(connection.sessionId);
    counters.connections.decrement();
    connection.response.close();
  }

  /** Called on the agent thread as it stops: in-flight requests end with an error, clients hear goodbye. */
  @Override
  public void onClose() {
    for (final ServerConnectionState connection : connections.values()) {
      for (final ServerCall call : connection.calls.values()) {
        if (call.request().cancel(CancelReason.SERVER_CLOSING)) {
          final int length = writer.writeError(sendBuffer, 0, call.request().requestId(),
              QueryErrorCodes.QUERY_INTERRUPTED, QueryAbortedException.class.getName(),
              "server=" + config.serverName() + " closed while request id=" + call.request().requestId() + " was running");
          connection.response.offer(sendBuffer, 0, length);
        }
      }
      connection.response.offer(sendBuffer, 0, writer.writeEmpty(sendBuffer, 0, FrameType.GOODBYE, 0));
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "query workers of server=" + config.serverName() + " still running after 5 s: interrupting");
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    for (final ServerConnectionState connection : connections.values()) {
      connection.closed = true;
      connection.response.close();
    }
    connections.clear();
  }
}
