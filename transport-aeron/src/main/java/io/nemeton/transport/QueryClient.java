package io.nemeton.transport;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.nemeton.transport.frame.FrameWriter;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;

/**
 * The client library of the binary query protocol: connects to one or more {@link QueryServer}s
 * and sends them queries whose partial results stream back. One response stream serves every
 * connection; one agent thread (bounded duty cycle, parks when idle) receives for all of them, and
 * a thread waiting in {@link QueryCall#await} may run that duty cycle itself meanwhile.
 *
 * <pre>{@code
 * try (EmbeddedMediaDriver driver = MediaDrivers.start(dir, MediaDriverOptions.DEFAULT);
 *      QueryClient client = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:ipc", 2001))) {
 *   ServerConnection server = client.connect("aeron:udp?endpoint=10.0.0.5:40123", 1001, 5_000);
 *   List<byte[]> partials = server.send(json, segmentIds, System.currentTimeMillis() + 30_000).get();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} fails every call in flight with {@code "Query interrupted"},
 * says GOODBYE to the servers and releases its Aeron resources.
 */
public final class QueryClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(QueryClient.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Counters of this client, read by tests and metrics. */
  static final class Counters {
    final LongAdder framesRejected = new LongAdder();
    final LongAdder lateFrames = new LongAdder();
    final LongAdder timeouts = new LongAdder();
  }

  /** Per sending thread: a writer and a buffer for QUERY and CANCEL frames, and a way to wait. */
  static final class SendScratch {
    final FrameWriter writer;
    final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    final IdleStrategy idle;

    SendScratch(QueryClientConfig config) {
      this.writer = new FrameWriter(config.limits());
      this.idle = MediaDrivers.idle(TimeUnit.MICROSECONDS.toNanos(config.maxParkMicros()));
    }
  }

  final Counters counters = new Counters();
  /** Threads polling for their own answer ({@link QueryCall#await}); while any does, the agent parks instead of sleeping on its doorbell. */
  final AtomicInteger pollers = new AtomicInteger();
  private final QueryClientConfig config;
  private final Aeron aeron;
  private final Subscription responses;
  private final String responseChannel;
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final ClientAgent agent;
  private final AgentRunner runner;
  private final Doorbell doorbell;
  private final ThreadLocal<SendScratch> scratch;
  private final AtomicLong requestIds = new AtomicLong();
  private final AtomicLong connectionIds = new AtomicLong();
  private volatile boolean closed;

  private QueryClient(QueryClientConfig config) {
    this.config = config;
    this.scratch = ThreadLocal.withInitial(() -> new SendScratch(config));
    this.aeron = AeronClients.connect(config.aeronDirectory(), "query client " + config.clientName());
    Doorbell opened = null;
    try {
      this.responses = aeron.addSubscription(config.responseChannel(), config.responseStreamId());
      this.responseChannel = AeronClients.resolveChannel(responses, config.responseChannel());
      opened = HotIdleStrategy.DOORBELLS && FramePublication.isIpc(config.responseChannel())
          ? Doorbell.open(config.aeronDirectory(), config.responseStreamId()) : null;
      this.doorbell = opened;
      final HotIdleStrategy idle = MediaDrivers.idle(TimeUnit.MICROSECONDS.toNanos(config.maxParkMicros()))
          .withDoorbell(doorbell, pollers);
      this.agent = new ClientAgent(this, config, responses, commands, idle);
      this.runner = new AgentRunner(idle,
          error -> LOG.log(Level.ERROR, "query client " + config.clientName() + " agent failed: " + error, error),
          null, agent);
      AgentRunner.startOnThread(runner, runnable -> {
        final Thread thread = new Thread(runnable, "nemeton-query-client-" + config.clientName() + "-"
            + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      aeron.close();
      throw e;
    }
  }

  /**
   * Starts a client: opens its response stream and its agent thread.
   *
   * @throws TransportException when the media driver cannot be reached or the channel not opened
   */
  public static QueryClient start(QueryClientConfig config) {
    return new QueryClient(config);
  }

  /** Where servers send answers (with the real port when the config asked for port 0). */
  public String responseChannel() {
    return responseChannel;
  }

  /**
   * Opens a connection to the server listening on {@code channel}/{@code streamId}: waits for the
   * stream to connect, says HELLO and waits for the WELCOME, all within {@code timeoutMs}.
   *
   * @throws TransportException when no server answers in time, naming the channel and the timeout
   */
  public ServerConnection connect(String channel, int streamId, long timeoutMs) {
    if (closed) {
      throw new TransportException("query client " + config.clientName() + " is closed");
    }
    if (channel == null || !channel.startsWith("aeron:") || timeoutMs <= 0) {
      throw new IllegalArgumentException("connect channel=" + channel + " timeoutMs=" + timeoutMs
          + ": need an aeron: channel and a timeout > 0");
    }
    final long giveUpMs = System.currentTimeMillis() + timeoutMs;
    final FramePublication publication;
    try {
      publication = FramePublication.of(aeron.addExclusivePublication(channel, streamId), config.aeronDirectory(),
          channel, streamId);
    } catch (RuntimeException e) {
      throw new TransportException("cannot open channel=" + channel + " stream=" + streamId + ": " + e.getMessage(), e);
    }
    final ServerConnection connection =
        new ServerConnection(this, connectionIds.incrementAndGet(), channel, streamId, publication);
    commands.add(() -> agent.addConnection(connection));
    wakeAgent(); // a client without connections parks its agent for up to PEERLESS_PARK_NS
    try {
      while (!publication.isConnected()) {
        if (System.currentTimeMillis() > giveUpMs) {
          throw new TransportException("no server is listening on channel=" + channel + " stream=" + streamId
              + " (waited timeoutMs=" + timeoutMs + ")");
        }
        AeronClients.sleepOneMillisecond();
      }
      final SendScratch send = scratch();
      final int length = send.writer.writeHello(send.buffer, 0, connection.connectionId(), config.responseStreamId(),
          config.heartbeatIntervalMs(), config.limits().maxPayloadBytes(), responseChannel, config.clientName());
      long result;
      while ((result = publication.offer(send.buffer, 0, length)) <= 0) {
        if (result == Publication.CLOSED || System.currentTimeMillis() > giveUpMs) {
          throw new TransportException("cannot say HELLO on channel=" + channel + " stream=" + streamId + ": "
              + Publication.errorString(result) + " (waited timeoutMs=" + timeoutMs + ")");
        }
        AeronClients.sleepOneMillisecond();
      }
      connection.welcome.get(Math.max(1, giveUpMs - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      return connection;
    } catch (TimeoutException e) {
      closeConnection(connection, "no WELCOME");
      throw new TransportException("the server on channel=" + channel + " stream=" + streamId
          + " did not answer HELLO within timeoutMs=" + timeoutMs + " (does it reach back to " + responseChannel + "?)");
    } catch (ExecutionException e) {
      closeConnection(connection, "no WELCOME");
      throw new TransportException("connection to channel=" + channel + " stream=" + streamId + " failed: "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeConnection(connection, "interrupted");
      throw new TransportException("interrupted while connecting to channel=" + channel, e);
    } catch (RuntimeException e) {
      closeConnection(connection, "connect failed");
      throw e;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    runner.close();
    synchronized (this) {
      // Commands queued after the agent stopped: run them here so that no call is left waiting.
      agent.onClose();
    }
    if (doorbell != null) {
      doorbell.close();
    }
    responses.close();
    aeron.close();
  }

  /** Wakes the agent if it sleeps on its doorbell (a waiting sender stops polling and leaves the rest to it). */
  /** Ends the agent's park or doorbell sleep now (after a command it should run soon). */
  private void wakeAgent() {
    nudgeAgent();
    final Thread thread = runner.thread();
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  void nudgeAgent() {
    if (doorbell != null && !closed) {
      doorbell.nudge();
    }
  }

  /** Runs one duty cycle on the calling thread: the work done, or -1 when another thread runs one or the client is closed. */
  int help() {
    return closed ? -1 : agent.help();
  }

  SendScratch scratch() {
    return scratch.get();
  }

  long nextRequestId() {
    return requestIds.incrementAndGet();
  }

  void register(QueryCall call) {
    commands.add(() -> agent.addCall(call));
    if (closed) {
      call.finish(call.connection().interrupted("request id=" + call.requestId() + " not sent: the client is closed"));
    }
  }

  void closeConnection(ServerConnection connection, String reason) {
    if (connection.closedReason == null) {
      connection.closedReason = reason;
    }
    commands.add(() -> agent.closeConnection(connection, reason));
    if (closed) {
      synchronized (this) {
        agent.runCommandsAfterStop();
      }
    }
  }

  QueryException timeout(QueryCall call, long nowMs) {
    return new QueryException(QueryErrorCodes.QUERY_TIMEOUT, "request id=" + call.requestId() + " to "
        + call.connection().describe() + " passed its deadline epochMs=" + call.deadlineEpochMs() + " after ms="
        + (nowMs - call.sentAtMs()) + " without its last result");
  }
}
