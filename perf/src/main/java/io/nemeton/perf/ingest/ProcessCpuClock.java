package io.nemeton.perf.ingest;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of the whole process (all threads: the measured work, GC and JIT compilers), in
 * nanoseconds. On a shared machine wall time mostly measures the scheduler; CPU time measures the
 * work, so rows per CPU second is the rate one core would sustain. Thread-safe, allocation-free
 * after the first call.
 */
final class ProcessCpuClock {
  private static final com.sun.management.OperatingSystemMXBean SYSTEM = system();

  private ProcessCpuClock() {}

  /** Process CPU time in nanoseconds; only differences between two calls mean anything. */
  static long nanos() {
    final long nanos = SYSTEM.getProcessCpuTime();
    if (nanos < 0) {
      throw new IllegalStateException("process CPU time unsupported on this JVM: getProcessCpuTime()=" + nanos);
    }
    return nanos;
  }

  private static com.sun.management.OperatingSystemMXBean system() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean) {
      return bean;
    }
    throw new IllegalStateException("this JVM has no com.sun.management.OperatingSystemMXBean: process CPU time unavailable");
  }
}
