package io.nemeton.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Runs test work on several platform threads started together; the first failure is rethrown. */
public final class TestThreads {
  private TestThreads() {
  }

  /** The work of one thread; {@code failed} turns true once any thread failed, so others can stop. */
  @FunctionalInterface
  public interface Body {
    void run(int thread, BooleanSupplier failed) throws Exception;
  }

  /** Runs {@code body} on {@code count} new threads released at once, and waits for all of them. */
  public static void atOnce(int count, Body body) throws InterruptedException {
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final CountDownLatch start = new CountDownLatch(1);
    final List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      final int thread = t;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
          body.run(thread, () -> failure.get() != null);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }
}
