package io.nemeton.transport;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.nemeton.transport.frame.ErrorFrame;
import io.nemeton.transport.frame.FrameException;
import io.nemeton.transport.frame.FrameHeader;
import io.nemeton.transport.frame.FrameLayout;
import io.nemeton.transport.frame.FrameReader;
import io.nemeton.transport.frame.FrameType;
import io.nemeton.transport.frame.FrameWriter;
import io.nemeton.transport.frame.WelcomeFrame;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;

/**
 * The client's duty cycle: runs commands from sending threads (new calls, new and closed
 * connections), polls the response stream (a bounded number of fragments per cycle), reassembles
 * chunked results and hands them to listeners, and on a short timer fails calls past their deadline
 * (sending CANCEL), sends heartbeats and closes connections whose server went silent or away.
 * A duty cycle runs under a lock, on the client's agent thread or on a thread waiting for its own
 * answer ({@link QueryCall#await}); the state is only touched inside one, so one thread at a time.
 */
final class ClientAgent implements Agent {
  private static final System.Logger LOG = System.getLogger(ClientAgent.class.getName());
  private static final int FRAGMENT_LIMIT = 32;
  private static final long TIMER_PERIOD_MS = 5;

  private final QueryClient client;
  private final QueryClientConfig config;
  private final Subscription responses;
  private final ConcurrentLinkedQueue<Runnable> commands;
  private final FrameHeader header;
  private final FrameReader reader = new FrameReader();
  private final FrameWriter writer;
  private final ExpandableArrayBuffer sendBuffer = new ExpandableArrayBuffer(256);
  private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
  private final Long2ObjectHashMap<QueryCall> calls = new Long2ObjectHashMap<>();
  private final Long2ObjectHashMap<ServerConnection> connectionsById = new Long2ObjectHashMap<>();
  private final Int2ObjectHashMap<ServerConnection> connectionsBySession = new Int2ObjectHashMap<>();
  private final ArrayList<ServerConnection> closing = new ArrayList<>();
  private long nextTimerMs;
  /**
   * Held for a duty cycle: the agent thread runs them, and so may a thread waiting for its own
   * answer ({@link QueryCall#await}), which saves the hand-off to a parked agent.
   */
  private final ReentrantLock duty = new ReentrantLock();
  private boolean stopped;
  private final HotIdleStrategy idle;

  ClientAgent(QueryClient client, QueryClientConfig config, Subscription responses,
      ConcurrentLinkedQueue<Runnable> commands, HotIdleStrategy idle) {
    this.idle = idle;
    this.client = client;
    this.config = config;
    this.responses = responses;
    this.commands = commands;
    this.header = new FrameHeader(config.limits());
    this.writer = new FrameWriter(config.limits());
  }

  @Override
  public String roleName() {
    return "query-client-" + config.clientName();
  }

  @Override
  public int doWork() {
    if (!duty.tryLock()) {
      return 0; // a waiting sender is running the cycle
    }
    try {
      if (stopped) {
        return 0;
      }
      final int work = dutyCycle();
      idle.peerless(connectionsById.isEmpty() && commands.isEmpty()); // the agent's own idle strategy: its thread only
      return work;
    } finally {
      duty.unlock();
    }
  }

  /** One duty cycle run by a waiting sender: the work done, or -1 when another thread runs one now. */
  int help() {
    if (!duty.tryLock()) {
      return -1;
    }
    try {
      return stopped ? -1 : dutyCycle();
    } finally {
      duty.unlock();
    }
  }

  /** Runs the commands queued after the agent stopped, so that no call is left waiting. */
  void runCommandsAfterStop() {
    duty.lock();
    try {
      runCommands();
    } finally {
      duty.unlock();
    }
  }

  private int dutyCycle() {
    int work = runCommands();
    work += responses.poll(assembler, FRAGMENT_LIMIT);
    final long nowMs = System.currentTimeMillis();
    if (nowMs >= nextTimerMs) {
      nextTimerMs = nowMs + TIMER_PERIOD_MS;
      work += onTimer(nowMs);
    }
    return work;
  }

  int runCommands() {
    int work = 0;
    Runnable command;
    while ((command = commands.poll()) != null) {
      command.run();
      work++;
    }
    return work;
  }

  void addCall(QueryCall call) {
    final String closed = call.connection().closedReason;
    if (closed != null) {
      call.finish(call.connection().interrupted("connection to " + call.connection().describe() + " is closed: " + closed));
    } else if (!call.isDone()) {
      calls.put(call.requestId(), call);
    }
  }

  void addConnection(ServerConnection connection) {
    connectionsById.put(connection.connectionId(), connection);
  }

  private void onFragment(DirectBuffer buffer, int offset, int length, Header aeronHeader) {
    final int sessionId = aeronHeader.sessionId();
    final ServerConnection connection = connectionsBySession.get(sessionId);
    try {
      header.wrap(buffer, offset, length);
    } catch (FrameException e) {
      client.counters.framesRejected.increment();
      if (connection == null) {
        LOG.log(Level.WARNING, "malformed frame from unknown session=" + sessionId + ": " + e.getMessage());
      } else {
        // A frame of some request is lost, and which one cannot be known: fail them all now rather than at their deadlines.
        failCalls(connection, new QueryException(QueryErrorCodes.UNKNOWN_EXCEPTION, FrameException.class.getName(),
            connection.describe() + " sent a malformed frame: " + e.getMessage()));
      }
      return;
    }
    final long nowMs = System.currentTimeMillis();
    try {
      if (header.type() == FrameType.WELCOME) {
        onWelcome(sessionId, reader.readWelcome(header), nowMs);
        return;
      }
      if (connection == null) {
        client.counters.framesRejected.increment();
        LOG.log(Level.WARNING, "frame type=" + header.type() + " from session=" + sessionId + " before WELCOME: ignored");
        return;
      }
      connection.lastHeardMs = nowMs;
      switch (header.type()) {
        case PARTIAL -> onPartial(connection);
        case ERROR -> onError(connection, reader.readError(header));
        case HEARTBEAT -> reader.requireEmpty(header);
        case GOODBYE -> closeConnection(connection, "the server said goodbye");
        default -> throw new FrameException("frame type=" + header.type() + " is not accepted by a client");
      }
    } catch (FrameException e) {
      client.counters.framesRejected.increment();
      final QueryCall call = header.requestId() == 0 ? null : find(header.requestId());
      final String where = connection == null ? "session=" + sessionId : connection.describe();
      if (call != null && call.connection() == connection) {
        endCall(call, new QueryException(QueryErrorCodes.UNKNOWN_EXCEPTION, FrameException.class.getName(),
            where + " sent a malformed frame: " + e.getMessage()), true);
      } else {
        LOG.log(Level.WARNING, "malformed frame from " + where + ": " + e.getMessage());
      }
    }
  }

  private void onWelcome(int sessionId, WelcomeFrame welcome, long nowMs) {
    ServerConnection connection = connectionsById.get(welcome.connectionId());
    if (connection == null) {
      runCommands();
      connection = connectionsById.get(welcome.connectionId());
    }
    if (connection == null || connection.welcomed) {
      LOG.log(Level.DEBUG, "WELCOME for unknown or already open connection=" + welcome.connectionId() + ": ignored");
      return;
    }
    connection.welcomed = true;
    connection.responseSessionId = sessionId;
    connection.serverName = welcome.serverName();
    connection.lastHeardMs = nowMs;
    connection.lastSentMs = nowMs;
    connection.timeoutMs = Math.max(config.connectionTimeoutMs(), 3L * welcome.heartbeatIntervalMs());
    connectionsBySession.put(sessionId, connection);
    connection.welcome.complete(welcome);
  }

  private void onPartial(ServerConnection connection) {
    final int sequence = reader.readPartialSequence(header);
    final QueryCall call = find(header.requestId());
    if (call == null) {
      client.counters.lateFrames.increment(); // the call already ended (timeout, cancel): nothing waits for it
      return;
    }
    if (call.connection() != connection) {
      throw new FrameException("frame PARTIAL requestId=" + header.requestId() + " came from " + connection.describe()
          + " but was sent to " + call.connection().describe());
    }
    if (sequence != call.expectedSequence) {
      throw FrameException.field("PARTIAL sequence", sequence, "expected=" + call.expectedSequence);
    }
    call.expectedSequence++;
    final DirectBuffer buffer = header.buffer();
    final int chunkOffset = FrameReader.partialChunkOffset(header);
    final int chunkLength = FrameReader.partialChunkLength(header);
    if (header.hasFlag(FrameLayout.FLAG_END_ONLY)) {
      if (call.assembledBytes != 0) {
        throw new FrameException("frame PARTIAL END_ONLY arrived while a result of bytes=" + call.assembledBytes
            + " was still being put together");
      }
    } else if (header.hasFlag(FrameLayout.FLAG_CONTINUED) || call.assembledBytes != 0) {
      final long total = (long) call.assembledBytes + chunkLength;
      if (total > config.maxResultBytes()) {
        endCall(call, new QueryException(QueryErrorCodes.RESOURCE_LIMIT_EXCEEDED, "request id=" + call.requestId()
            + " partial result bytes=" + total + " exceeds limit=" + config.maxResultBytes() + " from "
            + connection.describe()), true);
        return;
      }
      if (call.assembly == null) {
        call.assembly = new ExpandableArrayBuffer(Math.max(chunkLength * 2, 4096));
      }
      call.assembly.putBytes(call.assembledBytes, buffer, chunkOffset, chunkLength);
      call.assembledBytes = (int) total;
      if (!header.hasFlag(FrameLayout.FLAG_CONTINUED)) {
        final int bytes = call.assembledBytes;
        call.assembledBytes = 0;
        if (!call.deliver(call.assembly, 0, bytes)) {
          calls.remove(call.requestId());
          return;
        }
      }
    } else if (!call.deliver(buffer, chunkOffset, chunkLength)) {
      calls.remove(call.requestId());
      return;
    }
    if (header.hasFlag(FrameLayout.FLAG_LAST)) {
      calls.remove(call.requestId());
      call.finish(null);
    }
  }

  private void onError(ServerConnection connection, ErrorFrame error) {
    if (error.requestId() == 0) {
      LOG.log(Level.WARNING, connection.describe() + " reported a connection error " + error.errorCode() + " ("
          + error.errorClass() + "): " + error.message());
      return;
    }
    final QueryCall call = find(error.requestId());
    if (call == null) {
      client.counters.lateFrames.increment();
    } else if (call.connection() == connection) {
      endCall(call, new QueryException(error.errorCode(), error.errorClass(), error.message()), false);
    }
  }

  /** The call for a request id, running pending commands first if it is not known yet. */
  private QueryCall find(long requestId) {
    QueryCall call = calls.get(requestId);
    if (call == null && runCommands() > 0) {
      call = calls.get(requestId);
    }
    return call;
  }

  private void endCall(QueryCall call, QueryException error, boolean cancelOnServer) {
    calls.remove(call.requestId());
    if (call.finish(error) && cancelOnServer) {
      call.connection().sendCancel(call.requestId());
    }
  }

  private int onTimer(long nowMs) {
    int work = 0;
    final Iterator<QueryCall> iterator = calls.values().iterator();
    while (iterator.hasNext()) {
      final QueryCall call = iterator.next();
      if (call.isDone()) {
        iterator.remove();
      } else if (nowMs >= call.deadlineEpochMs()) {
        iterator.remove();
        client.counters.timeouts.increment();
        if (call.finish(client.timeout(call, nowMs))) {
          call.connection().sendCancel(call.requestId());
        }
        work++;
      }
    }
    for (final ServerConnection connection : connectionsById.values()) {
      if (!connection.welcomed || connection.closedReason != null) {
        continue;
      }
      if (responses.imageBySessionId(connection.responseSessionId) == null) {
        connection.closedReason = "the response stream from the server is gone";
        closing.add(connection);
      } else if (nowMs - connection.lastHeardMs > connection.timeoutMs) {
        connection.closedReason = "the server was silent for ms=" + (nowMs - connection.lastHeardMs) + " limit="
            + connection.timeoutMs;
        closing.add(connection);
      } else if (nowMs - connection.lastSentMs >= config.heartbeatIntervalMs()) {
        connection.publication.offer(sendBuffer, 0, writer.writeEmpty(sendBuffer, 0, FrameType.HEARTBEAT, 0));
        connection.lastSentMs = nowMs;
      }
    }
    for (int i = 0, n = closing.size(); i < n; i++) {
      closeConnection(closing.get(i), closing.get(i).closedReason);
      work++;
    }
    closing.clear();
    return work;
  }

  /** Fails the connection's calls with {@code "Query interrupted"}, says goodbye, forgets it. */
  void closeConnection(ServerConnection connection, String reason) {
    if (connection.closedReason == null) {
      connection.closedReason = reason;
    }
    if (connectionsById.remove(connection.connectionId()) == null) {
      return;
    }
    LOG.log(Level.INFO, "closing connection to " + connection.describe() + ": " + connection.closedReason);
    if (connection.welcomed) {
      connectionsBySession.remove(connection.responseSessionId);
    }
    failCalls(connection, connection.interrupted("connection to " + connection.describe() + " closed while the request "
        + "was in flight: " + connection.closedReason));
    connection.publication.offer(sendBuffer, 0, writer.writeEmpty(sendBuffer, 0, FrameType.GOODBYE, 0));
    connection.publication.close();
    connection.welcome.completeExceptionally(new TransportException(connection.closedReason));
  }

  private void failCalls(ServerConnection connection, QueryException error) {
    final Iterator<QueryCall> iterator = calls.values().iterator();
    while (iterator.hasNext()) {
      final QueryCall call = iterator.next();
      if (call.connection() == connection) {
        iterator.remove();
        call.finish(error);
      }
    }
  }

  /** On the agent thread as it stops: everything still open ends. */
  @Override
  public void onClose() {
    duty.lock();
    try {
      stopped = true;
      closeAll();
    } finally {
      duty.unlock();
    }
  }

  private void closeAll() {
    runCommands();
    final ArrayList<ServerConnection> open = new ArrayList<>(connectionsById.values());
    for (final ServerConnection connection : open) {
      closeConnection(connection, "the client closed");
    }
    for (final QueryCall call : calls.values()) {
      call.finish(call.connection().interrupted("request id=" + call.requestId() + " ended: the client closed"));
    }
    calls.clear();
  }
}
