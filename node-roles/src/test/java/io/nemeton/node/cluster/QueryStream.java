package io.nemeton.node.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Client threads sending queries without pause until stopped, each answer judged by a check (an
 * error text, or null when right); the first wrong answer is kept. The check runs on the client's
 * thread, so a per-client check may keep state. Thread-safe.
 */
final class QueryStream implements AutoCloseable {
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicReference<String> wrong = new AtomicReference<>();
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean stopped;

  /** @param check a new check per client: answer → null when right, else what is wrong */
  QueryStream(int clientCount, Supplier<String> answer, Supplier<Function<String, String>> check) {
    for (int c = 0; c < clientCount; c++) {
      final Function<String, String> judge = check.get();
      final Thread client = new Thread(() -> {
        while (!stopped) {
          final String got = answer.get();
          final String problem = judge.apply(got);
          if (problem != null) {
            wrong.compareAndSet(null, "answer " + (answered.get() + 1) + ": " + problem);
          }
          answered.incrementAndGet();
        }
      }, "drill-client-" + c);
      client.setDaemon(true);
      client.start();
      clients.add(client);
    }
  }

  int answered() {
    return answered.get();
  }

  /** The first wrong answer, or null. */
  String wrong() {
    return wrong.get();
  }

  /** Waits until {@code more} further answers arrived; fails naming the count when late. */
  void awaitMore(int more, long timeoutMs) throws InterruptedException {
    final int target = answered.get() + more;
    DrillCluster.await(more + " more answers (now " + answered.get() + ")", timeoutMs, () -> answered.get() >= target);
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread client : clients) {
      client.join(90_000);
    }
  }
}
