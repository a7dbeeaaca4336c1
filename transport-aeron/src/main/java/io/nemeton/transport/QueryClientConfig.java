package io.nemeton.transport;

import io.nemeton.transport.frame.FrameLimits;

/**
 * How a {@link QueryClient} receives answers. Immutable; thread-safe. Start from {@link #of}.
 *
 * @param aeronDirectory the directory of the process's media driver
 * @param responseChannel where servers send answers to this client: {@code
 *     aeron:udp?endpoint=<this host>:<port>} (port 0 picks a free port) or {@code aeron:ipc}
 * @param responseStreamId Aeron stream id of the response channel; with {@code aeron:ipc} every
 *     client of one host needs its own
 * @param clientName shown to servers and in error messages
 * @param heartbeatIntervalMs how often an idle connection says it is alive
 * @param connectionTimeoutMs silence after which a server is taken to be gone and its requests fail
 *     (at least three of the server's heartbeat intervals are always allowed)
 * @param maxResultBytes largest single partial result accepted (after reassembly)
 * @param maxParkMicros longest sleep of the idle agent thread
 * @param limits what incoming frames may carry
 */
public record QueryClientConfig(
    String aeronDirectory,
    String responseChannel,
    int responseStreamId,
    String clientName,
    int heartbeatIntervalMs,
    int connectionTimeoutMs,
    int maxResultBytes,
    long maxParkMicros,
    FrameLimits limits) {

  public QueryClientConfig {
    if (aeronDirectory == null || responseChannel == null || clientName == null || limits == null) {
      throw new IllegalArgumentException("query client config: aeronDirectory, responseChannel, clientName and limits are required");
    }
    if (!responseChannel.startsWith("aeron:")) {
      throw new IllegalArgumentException("query client responseChannel=" + responseChannel + " must start with aeron:");
    }
    if (heartbeatIntervalMs < 1 || connectionTimeoutMs < 2 * heartbeatIntervalMs) {
      throw new IllegalArgumentException("query client heartbeatIntervalMs=" + heartbeatIntervalMs
          + " connectionTimeoutMs=" + connectionTimeoutMs + ": need interval >= 1 and timeout >= 2 x interval");
    }
    if (maxResultBytes < 1) {
      throw new IllegalArgumentException("query client maxResultBytes=" + maxResultBytes + " must be > 0");
    }
    if (maxParkMicros < 1 || maxParkMicros > 1_000_000) {
      throw new IllegalArgumentException("query client maxParkMicros=" + maxParkMicros + " limit=[1, 1000000]");
    }
  }

  /** Defaults: 1 s heartbeats, 10 s timeout, 512 MiB results, 1 ms park. */
  public static QueryClientConfig of(String aeronDirectory, String responseChannel, int responseStreamId) {
    return new QueryClientConfig(aeronDirectory, responseChannel, responseStreamId, "query-client", 1000, 10_000,
        512 << 20, 1000, FrameLimits.DEFAULT);
  }

  public QueryClientConfig withClientName(String name) {
    return new QueryClientConfig(aeronDirectory, responseChannel, responseStreamId, name, heartbeatIntervalMs,
        connectionTimeoutMs, maxResultBytes, maxParkMicros, limits);
  }

  public QueryClientConfig withHeartbeat(int intervalMs, int timeoutMs) {
    return new QueryClientConfig(aeronDirectory, responseChannel, responseStreamId, clientName, intervalMs, timeoutMs,
        maxResultBytes, maxParkMicros, limits);
  }

  public QueryClientConfig withMaxResultBytes(int bytes) {
    return new QueryClientConfig(aeronDirectory, responseChannel, responseStreamId, clientName, heartbeatIntervalMs,
        connectionTimeoutMs, bytes, maxParkMicros, limits);
  }

  public QueryClientConfig withMaxParkMicros(long micros) {
    return new QueryClientConfig(aeronDirectory, responseChannel, responseStreamId, clientName, heartbeatIntervalMs,
        connectionTimeoutMs, maxResultBytes, micros, limits);
  }

  public QueryClientConfig withLimits(FrameLimits frameLimits) {
    return new QueryClientConfig(aeronDirectory, responseChannel, responseStreamId, clientName, heartbeatIntervalMs,
        connectionTimeoutMs, maxResultBytes, maxParkMicros, frameLimits);
  }
}
