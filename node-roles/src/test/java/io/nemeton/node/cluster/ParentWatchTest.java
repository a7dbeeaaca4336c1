package io.nemeton.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A watched cluster child survives SIGINT (a terminal's Ctrl-C reaches the whole process group;
 * the parent stops its children in order), in a real child JVM.
 */
class ParentWatchTest {
  @Test
  void aWatchedChildIgnoresSigint() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
        "needs a kill command");
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    final Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        WatchedChild.class.getName())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
      assertEquals("ready", out.readLine());
      final Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
      assertEquals(0, kill.waitFor(), "kill -INT " + child.pid());
      in.write("ping\n");
      in.flush();
      assertEquals("pong", out.readLine(), "the child answers after SIGINT");
    }
    // end of input: the child exits 0 by itself (a JVM stopped by SIGINT exits 130)
    final boolean ended = child.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    assertEquals(true, ended, "child ended within 30 s");
    assertEquals(0, child.exitValue());
  }
}
