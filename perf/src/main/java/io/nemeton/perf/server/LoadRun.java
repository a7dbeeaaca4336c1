package io.nemeton.perf.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Closed-loop load: {@code clients} threads, each with its own {@link HttpClient} or {@link
 * PlainHttpClient} (so its own HTTP/1.1 keep-alive connection), posting one query back to back
 * until the time is up. Each
 * thread records its latencies in its own array; they are merged and sorted once at the end.
 * Not thread-safe itself; one run at a time.
 */
public final class LoadRun {
  /** What one run measured; latencies in microseconds. */
  public record Result(long requests, long errors, double seconds, long p50Micros, long p99Micros, long maxMicros) {
    public double perSecond() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,9.0f req/s  p50 %,7.2f ms  p99 %,7.2f ms  max %,8.2f ms  (%,d requests, %d errors)",
          perSecond(), p50Micros / 1e3, p99Micros / 1e3, maxMicros / 1e3, requests, errors);
    }
  }

  private LoadRun() {}

  public static Result run(URI uri, String body, int clients, long millis) throws InterruptedException {
    return run(uri, body, clients, millis, false);
  }

  /**
   * As {@link #run(URI, String, int, long)}; with {@code plainSockets} each client thread uses a
   * {@link PlainHttpClient} (one blocking socket, no hand-offs between threads) instead of the JDK's
   * {@code HttpClient}.
   */
  public static Result run(URI uri, String body, int clients, long millis, boolean plainSockets)
      throws InterruptedException {
    final HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    final List<Worker> workers = new ArrayList<>(clients);
    final CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < clients; i++) {
      final Worker worker = new Worker(request, start, plainSockets ? uri : null, body);
      workers.add(worker);
      worker.thread.start();
    }
    final long begin = System.nanoTime();
    final long end = begin + millis * 1_000_000L;
    for (Worker worker : workers) {
      worker.endNs = end;
    }
    start.countDown();
    for (Worker worker : workers) {
      worker.thread.join();
    }
    final double seconds = (System.nanoTime() - begin) / 1e9;
    int total = 0;
    long errors = 0;
    for (Worker worker : workers) {
      total += worker.count;
      errors += worker.errors;
    }
    final long[] all = new long[total];
    int at = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, all, at, worker.count);
      at += worker.count;
    }
    Arrays.sort(all);
    return new Result(total, errors, seconds, percentile(all, 0.50), percentile(all, 0.99),
        total == 0 ? 0 : all[total - 1] / 1000);
  }

  private static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1000;
  }

  /** One client thread and its latencies (nanoseconds). */
  private static final class Worker implements Runnable {
    private final HttpRequest request;
    private final CountDownLatch start;
    private final URI plainUri;
    private final String body;
    final Thread thread = new Thread(this, "load-client");
    volatile long endNs;
    long[] latencies = new long[1 << 16];
    int count;
    long errors;

    Worker(HttpRequest request, CountDownLatch start, URI plainUri, String body) {
      this.request = request;
      this.start = start;
      this.plainUri = plainUri;
      this.body = body;
    }

    @Override
    public void run() {
      if (plainUri != null) {
        runPlain();
        return;
      }
      final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try {
        start.await();
        final long end = endNs;
        while (System.nanoTime() < end) {
          final long t0 = System.nanoTime();
          final HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          record(System.nanoTime() - t0, response.statusCode());
        }
      } catch (Exception e) {
        errors++;
        System.err.println("client stopped: " + e);
      } finally {
        client.close();
      }
    }

    private void runPlain() {
      try (PlainHttpClient client = new PlainHttpClient(plainUri, body)) {
        start.await();
        final long end = endNs;
        while (System.nanoTime() < end) {
          final long t0 = System.nanoTime();
          final int status = client.post();
          record(System.nanoTime() - t0, status);
        }
      } catch (Exception e) {
        errors++;
        System.err.println("client stopped: " + e);
      }
    }

    private void record(long elapsedNs, int status) {
      if (status != 200) {
        errors++;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = elapsedNs;
    }
  }
}
