package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.driver.ThreadingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Closing everything leaves no thread, no mapping and no driver directory behind. */
@Timeout(60)
class ResourceTest {
  @TempDir Path temp;

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  private long mappingsUnder(Path directory) throws IOException {
    String prefix = directory.toAbsolutePath().toString();
    try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
      return lines.filter(line -> line.contains(prefix)).count();
    }
  }

  @Test
  void closingLeavesNothingBehind() throws Exception {
    Set<Thread> before = liveThreads();
    Path aeronDirectory = temp.resolve("aeron");
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.UDP, (r, s) -> s.sendLast(r.query()))) {
      assertEquals(1, harness.connection.send(new byte[] {'x'}, List.of(), deadlineInMs(10_000)).get(10, TimeUnit.SECONDS).size());
      assertTrue(mappingsUnder(aeronDirectory) > 0, "the driver maps its files");
    }
    FailureTest.awaitCondition(() -> {
      Set<Thread> extra = liveThreads();
      extra.removeAll(before);
      extra.removeIf(thread -> !thread.isAlive());
      return extra.isEmpty();
    });
    assertEquals(0, mappingsUnder(aeronDirectory), "mappings left under " + aeronDirectory);
    assertFalse(Files.exists(aeronDirectory), "driver directory left behind");
  }

  @Test
  void dedicatedThreadingStartsAndStops() throws Exception {
    Set<Thread> before = liveThreads();
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("dedicated"),
        TransportHarness.SMALL_TERMS.withThreading(ThreadingMode.DEDICATED))) {
      Set<String> names = liveThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
          .collect(Collectors.toSet());
      assertTrue(names.containsAll(Set.of("driver-conductor", "sender", "receiver")), names.toString());
      assertTrue(Files.isDirectory(Path.of(driver.directory())));
    }
    FailureTest.awaitCondition(() -> {
      Set<Thread> extra = liveThreads();
      extra.removeAll(before);
      extra.removeIf(thread -> !thread.isAlive());
      return extra.isEmpty();
    });
  }

  @Test
  void aSecondDriverOnALiveDirectoryIsRefused() {
    Path directory = temp.resolve("shared");
    try (EmbeddedMediaDriver first = MediaDrivers.start(directory, TransportHarness.SMALL_TERMS)) {
      TransportException e = assertThrows(TransportException.class,
          () -> MediaDrivers.start(directory, TransportHarness.SMALL_TERMS));
      assertTrue(e.getMessage().startsWith("media driver could not start in directory=" + directory.toAbsolutePath()),
          e.getMessage());
      assertTrue(Files.isDirectory(Path.of(first.directory())));
    }
  }

  @Test
  void optionsAreValidated() {
    assertEquals("media driver termBufferBytes=1000 must be a power of two in [65536, 1073741824]",
        assertThrows(IllegalArgumentException.class,
            () -> MediaDriverOptions.DEFAULT.withTermBufferBytes(1000, 1 << 16)).getMessage());
    assertEquals("query server workerThreads=0 limit=[1, 1024]",
        assertThrows(IllegalArgumentException.class,
            () -> QueryServerConfig.of("/tmp/x", "aeron:ipc", 1).withWorkers(0, 1)).getMessage());
    assertEquals("query client responseChannel=udp://x must start with aeron:",
        assertThrows(IllegalArgumentException.class, () -> QueryClientConfig.of("/tmp/x", "udp://x", 1)).getMessage());
  }
}
