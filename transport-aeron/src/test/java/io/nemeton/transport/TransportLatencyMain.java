package io.nemeton.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: round-trip latency of a small query (one small partial result) through a real
 * driver, sequentially (p50/p99/p99.9), then throughput with 16 sending threads. Run with the test
 * class path: {@code TransportLatencyMain [IPC|UDP] [rounds] [maxParkMicros]}.
 */
public final class TransportLatencyMain {
  private TransportLatencyMain() {}

  public static void main(String[] args) throws Exception {
    TransportHarness.Transport transport = TransportHarness.Transport.valueOf(args.length > 0 ? args[0] : "IPC");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    long parkMicros = args.length > 2 ? Long.parseLong(args[2]) : 1000;
    byte[] query = new byte[200];
    byte[] result = new byte[200];
    Path temp = Files.createTempDirectory("nemeton-latency");
    MediaDriverOptions options = new MediaDriverOptions(io.aeron.driver.ThreadingMode.SHARED, 1 << 20, 1 << 20, parkMicros);
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), options);
        QueryServer server = QueryServer.start(withPark(QueryServerConfig.of(driver.directory(), transport.serverChannel, 1001)
            .withWorkers(2, 4096), parkMicros), (request, sink) -> sink.sendLast(result));
        QueryClient client = QueryClient.start(new QueryClientConfig(driver.directory(), transport.clientChannel, 2001,
            "bench", 1000, 10_000, 1 << 20, parkMicros, io.nemeton.transport.frame.FrameLimits.DEFAULT))) {
      ServerConnection connection = client.connect(server.channel(), 1001, 5_000);
      long[] nanos = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        connection.send(query, List.of("segment"), System.currentTimeMillis() + 10_000).get();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos, rounds / 2, rounds); // second half only: the first half warms up
      long[] measured = Arrays.copyOfRange(nanos, rounds / 2, rounds);
      System.out.printf("%s park=%dus sequential round trip: p50=%d us p99=%d us p99.9=%d us (n=%d)%n", transport,
          parkMicros, measured[measured.length / 2] / 1000, measured[(int) (measured.length * 0.99)] / 1000,
          measured[(int) (measured.length * 0.999)] / 1000, measured.length);

      int threads = 16;
      AtomicLong done = new AtomicLong();
      long endAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      CompletableFuture<?>[] senders = new CompletableFuture<?>[threads];
      for (int t = 0; t < threads; t++) {
        senders[t] = CompletableFuture.runAsync(() -> {
          while (System.nanoTime() < endAt) {
            connection.send(query, List.of("segment"), System.currentTimeMillis() + 10_000).join();
            done.incrementAndGet();
          }
        }, runnable -> new Thread(runnable).start());
      }
      CompletableFuture.allOf(senders).get();
      System.out.printf("%s 16 threads: %d queries/s%n", transport, done.get() / 3);
    }
  }

  private static QueryServerConfig withPark(QueryServerConfig config, long parkMicros) {
    return new QueryServerConfig(config.aeronDirectory(), config.channel(), config.streamId(), config.serverName(),
        config.workerThreads(), config.queueCapacity(), config.heartbeatIntervalMs(), config.connectionTimeoutMs(),
        config.deadlineGraceMs(), parkMicros, config.limits());
  }
}
