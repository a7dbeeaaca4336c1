package io.nemeton.perf.codecs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntSupplier;

/**
 * {@link IdMatchBenchmark}'s kernels timed by this thread's CPU time, best of several rounds, in
 * nanoseconds per row: on a shared machine JMH's wall time loses whole time slices to other
 * processes, CPU time does not (caches and SMT siblings are still shared). Run: {@code java
 * --add-modules=jdk.incubator.vector -cp perf/target/nemeton-perf.jar
 * io.nemeton.perf.codecs.IdMatchCpuTimeCheck [widths...]}.
 */
public final class IdMatchCpuTimeCheck {
  private static final int ROUNDS = 7;
  private static final int WARMUP_ROUNDS = 3;
  private static final long ROUND_ROWS = 100_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private IdMatchCpuTimeCheck() {}

  public static void main(String[] args) {
    final String[] widths = args.length > 0 ? args : new String[] {"4", "7", "10", "14", "20"};
    System.out.printf("%-24s %6s %12s%n", "kernel", "width", "ns/row");
    for (String width : widths) {
      final IdMatchBenchmark state = new IdMatchBenchmark();
      state.width = Integer.parseInt(width);
      state.encode();
      try {
        report("blockVector", state.width, state::blockVector);
        report("blockScalar", state.width, state::blockScalar);
        report("chunkVector", state.width, state::chunkVector);
        report("chunkScalar", state.width, state::chunkScalar);
        report("decodeThenCompare", state.width, state::decodeThenCompare);
        report("chunkDecodeThenCompare", state.width, state::chunkDecodeThenCompare);
      } finally {
        state.release();
      }
    }
  }

  private static void report(String name, int width, IntSupplier kernel) {
    final long runs = Math.max(1, ROUND_ROWS / IdMatchBenchmark.ROWS);
    double best = Double.MAX_VALUE;
    long sink = 0;
    for (int round = 0; round < ROUNDS + WARMUP_ROUNDS; round++) {
      final long start = THREADS.getCurrentThreadCpuTime();
      for (long i = 0; i < runs; i++) {
        sink += kernel.getAsInt();
      }
      final long elapsedNanos = THREADS.getCurrentThreadCpuTime() - start;
      if (round >= WARMUP_ROUNDS) {
        best = Math.min(best, (double) elapsedNanos / (runs * IdMatchBenchmark.ROWS));
      }
    }
    System.out.printf("%-24s %6d %12.4f   (matched %d)%n", name, width, best, sink / (runs * (ROUNDS + WARMUP_ROUNDS)));
  }
}
