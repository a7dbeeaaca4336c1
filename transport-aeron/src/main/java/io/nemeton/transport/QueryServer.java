package io.nemeton.transport;

import io.aeron.Aeron;
import io.aeron.Subscription;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.AgentRunner;

/**
 * Serves the binary query protocol on one Aeron channel: clients say HELLO with their response
 * channel, send QUERY frames, and receive PARTIAL frames and one last frame or an ERROR. Each query
 * runs on a bounded pool of worker threads through the {@link QueryHandler}; one agent thread
 * (bounded duty cycle, parks when idle) does all the protocol work. See {@code PROTOCOL.md}.
 *
 * <p>Thread-safe. {@link #close()} ends the requests in flight with {@code "Query interrupted"},
 * says GOODBYE to the clients, waits for the workers (up to 5 s) and releases its Aeron resources.
 */
public final class QueryServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(QueryServer.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final QueryServerConfig config;
  private final Aeron aeron;
  private final Subscription subscription;
  private final String resolvedChannel;
  private final ServerCounters counters = new ServerCounters();
  private final AgentRunner runner;
  private final Doorbell doorbell;
  private boolean closed;

  private QueryServer(QueryServerConfig config, QueryHandler handler) {
    this.config = config;
    this.aeron = AeronClients.connect(config.aeronDirectory(), "query server " + config.serverName());
    Doorbell opened = null;
    try {
      this.subscription = aeron.addSubscription(config.channel(), config.streamId());
      this.resolvedChannel = AeronClients.resolveChannel(subscription, config.channel());
      final BlockingQueue<Runnable> queue = config.queueCapacity() == 0
          ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(config.queueCapacity());
      final ThreadPoolExecutor workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 0,
          TimeUnit.MILLISECONDS, queue, named("nemeton-query-worker-" + config.serverName()),
          new ThreadPoolExecutor.AbortPolicy());
      opened = HotIdleStrategy.DOORBELLS && FramePublication.isIpc(config.channel())
          ? Doorbell.open(config.aeronDirectory(), config.streamId()) : null;
      this.doorbell = opened;
      final HotIdleStrategy idle = MediaDrivers.idle(TimeUnit.MICROSECONDS.toNanos(config.maxParkMicros()))
          .withDoorbell(doorbell, null);
      final ServerAgent agent = new ServerAgent(config, aeron, subscription, workers, handler, counters, idle);
      this.runner = new AgentRunner(idle,
          error -> LOG.log(Level.ERROR, "query server " + config.serverName() + " agent failed: " + error, error),
          null, agent);
      AgentRunner.startOnThread(runner, named("nemeton-query-server-" + config.serverName()));
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      aeron.close();
      throw e;
    }
  }

  /**
   * Starts serving. The channel may use port 0 ({@code aeron:udp?endpoint=127.0.0.1:0}) to take a
   * free port; {@link #channel()} then gives the one taken.
   *
   * @throws TransportException when the media driver cannot be reached or the channel not opened
   */
  public static QueryServer start(QueryServerConfig config, QueryHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("query server " + config.serverName() + ": handler is null");
    }
    return new QueryServer(config, handler);
  }

  /** The channel clients connect to (with the real port when the config asked for port 0). */
  public String channel() {
    return resolvedChannel;
  }

  public int streamId() {
    return config.streamId();
  }

  public QueryServerConfig config() {
    return config;
  }

  public QueryServerStats stats() {
    return counters.snapshot();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    runner.close();
    if (doorbell != null) {
      doorbell.close();
    }
    subscription.close();
    aeron.close();
  }

  private static ThreadFactory named(String prefix) {
    return runnable -> {
      final Thread thread = new Thread(runnable, prefix + "-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
