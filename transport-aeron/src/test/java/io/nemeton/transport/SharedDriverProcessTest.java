package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one media driver talking over IPC: the driver runs in this process (as
 * {@code nemeton cluster} runs it for its children), one server runs here and one in a child JVM.
 * A kill -9 of the child fails only the calls to it, with {@code "Query interrupted"}; the driver,
 * the other server and the client keep working, and a new child serves on the same driver.
 */
@Timeout(120)
class SharedDriverProcessTest {
  @TempDir Path temp;

  @Test
  void killingOneProcessSparesTheOthersOnTheSharedDriver() throws Exception {
    final List<Process> children = new ArrayList<>();
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), TransportHarness.SMALL_TERMS);
        QueryServer local = QueryServer.start(QueryServerConfig.of(driver.directory(), "aeron:ipc", 3001)
            .withServerName("local").withHeartbeat(100, 500), (request, sink) -> {
              sink.sendPartial(("local:" + request.segmentIds().get(0)).getBytes(StandardCharsets.UTF_8));
              sink.complete();
            });
        QueryClient client = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:ipc", 4001)
            .withClientName("broker").withHeartbeat(100, 500))) {
      MediaDrivers.requireActive(driver.directory(), 1_000);
      children.add(startChild(driver.directory(), 3002, "child-1"));
      final ServerConnection toLocal = client.connect("aeron:ipc", 3001, 10_000);
      final ServerConnection toChild = client.connect("aeron:ipc", 3002, 30_000);
      for (int round = 0; round < 50; round++) {
        assertEquals("local:s" + round, answer(toLocal, "s" + round));
        assertEquals("child-1:s" + round, answer(toChild, "s" + round));
      }

      final QueryCall hanging = toChild.stream(bytes("hang"), List.of(), deadlineInMs(60_000), new ResultCollector());
      children.get(0).destroyForcibly(); // SIGKILL: no goodbye, no cleanup
      children.get(0).waitFor(10, TimeUnit.SECONDS);
      final ExecutionException lost = assertThrows(ExecutionException.class, () -> hanging.await(30_000));
      assertEquals(QueryErrorCodes.QUERY_INTERRUPTED, ((QueryException) lost.getCause()).errorCode());

      for (int round = 0; round < 20; round++) {
        assertEquals("local:t" + round, answer(toLocal, "t" + round));
      }
      try (QueryClient another = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:ipc", 4002))) {
        assertEquals("local:u", answer(another.connect("aeron:ipc", 3001, 10_000), "u"));
      }
      children.add(startChild(driver.directory(), 3003, "child-2"));
      assertEquals("child-2:v", answer(client.connect("aeron:ipc", 3003, 30_000), "v"));
      assertTrue(toLocal.isOpen());
    } finally {
      for (Process child : children) {
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String answer(ServerConnection connection, String segment) throws Exception {
    final ResultCollector results = new ResultCollector();
    connection.stream(bytes("q"), List.of(segment), deadlineInMs(10_000), results).await(10_000);
    return new String(results.future().get(1, TimeUnit.SECONDS).get(0), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Process startChild(String directory, int stream, String name) throws Exception {
    final String java = ProcessHandle.current().info().command().orElseThrow();
    final Process child = new ProcessBuilder(java, "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), SharedDriverServerMain.class.getName(), directory,
        Integer.toString(stream), name).redirectErrorStream(true).start();
    final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("ready")) {
      // start-up output
    }
    if (line == null) {
      throw new IllegalStateException("server process " + name + " exited before it was ready: " + child.waitFor());
    }
    // Keep draining so that the child never blocks on a full pipe.
    final Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discarded
        }
      } catch (java.io.IOException ignored) {
        // the child ended
      }
    }, "drain-" + name);
    drain.setDaemon(true);
    drain.start();
    return child;
  }
}
