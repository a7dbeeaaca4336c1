package io.nemeton.perf.cluster;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time the JIT compiler threads of a set of JVMs have used so far, read from Linux's
 * {@code /proc/PID/task/TID/stat} (threads named {@code C1 CompilerThre…} and {@code C2
 * CompilerThre…}). A latency benchmark warms up until this stops growing, so that it measures the
 * compiled code rather than the compiler competing for the cores. Elsewhere (no {@code /proc}) it
 * reads 0 and the warm-up falls back to its fixed length. Not thread-safe; allocates per call.
 */
final class CompilerActivity {
  private static final Path PROC = Path.of("/proc");
  /** Linux reports thread times in clock ticks of 10 ms on every common configuration. */
  private static final long MILLIS_PER_TICK = 10;

  private CompilerActivity() {}

  static boolean available() {
    return Files.isDirectory(PROC.resolve("self").resolve("task"));
  }

  /** Milliseconds of CPU the compiler threads of {@code pids} have used (processes gone count 0). */
  static long compilerMillis(List<Long> pids) {
    long ticks = 0;
    for (long pid : pids) {
      final Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
      try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
        for (Path thread : threads) {
          ticks += compilerTicks(thread);
        }
      } catch (IOException e) {
        // the process ended or /proc is not there: nothing to count
      }
    }
    return ticks * MILLIS_PER_TICK;
  }

  private static long compilerTicks(Path thread) {
    try {
      final String name = Files.readString(thread.resolve("comm")).strip();
      if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
        return 0;
      }
      // fields after the parenthesised name: state is the 3rd field of stat, utime the 14th, stime the 15th
      final String stat = Files.readString(thread.resolve("stat"));
      final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
