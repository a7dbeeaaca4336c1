package io.nemeton.node.http;

/**
 * Settings of the HTTP gateway, validated when built (each message names the setting, the value and
 * the rule). Immutable.
 *
 * @param host the address to listen on, e.g. {@code 127.0.0.1}
 * @param port the port; 0 picks a free one (tests)
 * @param ioThreads Undertow's non-blocking I/O threads
 * @param workerThreads threads answering requests (queries block on them), bounding concurrency
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 without being read
 */
public record GatewayConfig(String host, int port, int ioThreads, int workerThreads, long maxBodyBytes) {

  /** Druid's router port, which single-server clients expect. */
  public static final int DEFAULT_PORT = 8888;
  /** Large enough for an inline task spec of a few megabytes, small enough to bound memory per request. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  public GatewayConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("gateway host=\"" + host + "\" must be a host name or address");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("gateway port=" + port + " must be within 0..65535");
    }
    if (ioThreads < 1 || ioThreads > 1024) {
      throw new IllegalArgumentException("gateway ioThreads=" + ioThreads + " must be within 1..1024");
    }
    if (workerThreads < 1 || workerThreads > 10_000) {
      throw new IllegalArgumentException("gateway workerThreads=" + workerThreads + " must be within 1..10000");
    }
    if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("gateway maxBodyBytes=" + maxBodyBytes + " must be within 1024.."
          + (Integer.MAX_VALUE - 16));
    }
  }

  /** 127.0.0.1:8888, two I/O threads, 32 workers, 16 MiB bodies. */
  public static GatewayConfig defaults() {
    return new GatewayConfig("127.0.0.1", DEFAULT_PORT, 2, 32, DEFAULT_MAX_BODY_BYTES);
  }

  public GatewayConfig withPort(int newPort) {
    return new GatewayConfig(host, newPort, ioThreads, workerThreads, maxBodyBytes);
  }

  public GatewayConfig withMaxBodyBytes(long newMaxBodyBytes) {
    return new GatewayConfig(host, port, ioThreads, workerThreads, newMaxBodyBytes);
  }
}
