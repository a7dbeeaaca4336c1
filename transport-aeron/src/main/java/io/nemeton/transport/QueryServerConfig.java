package io.nemeton.transport;

import io.nemeton.transport.frame.FrameLimits;

/**
 * How a {@link QueryServer} listens and runs. Immutable; thread-safe. Start from {@link #of} and
 * change what differs with the {@code with*} methods.
 *
 * @param aeronDirectory the directory of the process's media driver
 * @param channel where queries arrive, e.g. {@code aeron:udp?endpoint=10.0.0.5:40123} (port 0 picks
 *     a free port; see {@link QueryServer#channel()}) or {@code aeron:ipc}
 * @param streamId Aeron stream id of that channel
 * @param serverName shown to clients and in error messages
 * @param workerThreads threads that run handlers
 * @param queueCapacity queries that may wait for a worker; past it a query is refused with
 *     {@code "Query capacity exceeded"}
 * @param heartbeatIntervalMs how often an idle connection says it is alive
 * @param connectionTimeoutMs silence after which a client is taken to be gone (at least three of
 *     its heartbeat intervals are always allowed)
 * @param deadlineGraceMs how long past a request's deadline the server keeps working on it before
 *     cancelling it itself, for clock skew between hosts and for the client's CANCEL to arrive first
 * @param maxParkMicros longest sleep of the idle agent thread
 * @param limits what incoming frames may carry
 */
public record QueryServerConfig(
    String aeronDirectory,
    String channel,
    int streamId,
    String serverName,
    int workerThreads,
    int queueCapacity,
    int heartbeatIntervalMs,
    int connectionTimeoutMs,
    long deadlineGraceMs,
    long maxParkMicros,
    FrameLimits limits) {

  public QueryServerConfig {
    if (aeronDirectory == null || channel == null || serverName == null || limits == null) {
      throw new IllegalArgumentException("query server config: aeronDirectory, channel, serverName and limits are required");
    }
    if (!channel.startsWith("aeron:")) {
      throw new IllegalArgumentException("query server channel=" + channel + " must start with aeron:");
    }
    if (workerThreads < 1 || workerThreads > 1024) {
      throw new IllegalArgumentException("query server workerThreads=" + workerThreads + " limit=[1, 1024]");
    }
    if (queueCapacity < 0 || queueCapacity > 1_000_000) {
      throw new IllegalArgumentException("query server queueCapacity=" + queueCapacity + " limit=[0, 1000000]");
    }
    if (heartbeatIntervalMs < 1 || connectionTimeoutMs < 2 * heartbeatIntervalMs) {
      throw new IllegalArgumentException("query server heartbeatIntervalMs=" + heartbeatIntervalMs
          + " connectionTimeoutMs=" + connectionTimeoutMs + ": need interval >= 1 and timeout >= 2 x interval");
    }
    if (deadlineGraceMs < 0) {
      throw new IllegalArgumentException("query server deadlineGraceMs=" + deadlineGraceMs + " must be >= 0");
    }
    if (maxParkMicros < 1 || maxParkMicros > 1_000_000) {
      throw new IllegalArgumentException("query server maxParkMicros=" + maxParkMicros + " limit=[1, 1000000]");
    }
  }

  /** Defaults: a worker per core, 1024 queued, 1 s heartbeats, 10 s timeout, 1 s grace, 1 ms park. */
  public static QueryServerConfig of(String aeronDirectory, String channel, int streamId) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, "query-server",
        Runtime.getRuntime().availableProcessors(), 1024, 1000, 10_000, 1000, 1000, FrameLimits.DEFAULT);
  }

  public QueryServerConfig withServerName(String name) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, name, workerThreads, queueCapacity,
        heartbeatIntervalMs, connectionTimeoutMs, deadlineGraceMs, maxParkMicros, limits);
  }

  public QueryServerConfig withWorkers(int threads, int queue) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, serverName, threads, queue,
        heartbeatIntervalMs, connectionTimeoutMs, deadlineGraceMs, maxParkMicros, limits);
  }

  public QueryServerConfig withHeartbeat(int intervalMs, int timeoutMs) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, serverName, workerThreads, queueCapacity,
        intervalMs, timeoutMs, deadlineGraceMs, maxParkMicros, limits);
  }

  public QueryServerConfig withDeadlineGraceMs(long graceMs) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, serverName, workerThreads, queueCapacity,
        heartbeatIntervalMs, connectionTimeoutMs, graceMs, maxParkMicros, limits);
  }

  public QueryServerConfig withMaxParkMicros(long micros) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, serverName, workerThreads, queueCapacity,
        heartbeatIntervalMs, connectionTimeoutMs, deadlineGraceMs, micros, limits);
  }

  public QueryServerConfig withLimits(FrameLimits frameLimits) {
    return new QueryServerConfig(aeronDirectory, channel, streamId, serverName, workerThreads, queueCapacity,
        heartbeatIntervalMs, connectionTimeoutMs, deadlineGraceMs, maxParkMicros, frameLimits);
  }
}
