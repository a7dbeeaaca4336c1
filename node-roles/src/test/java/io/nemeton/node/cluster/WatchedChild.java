package io.nemeton.node.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A child process for {@link ParentWatchTest}: watches its parent like a cluster child, says
 * "ready", answers each "ping" line with "pong", and exits 0 at the end of its input.
 */
public final class WatchedChild {
  private WatchedChild() {}

  public static void main(String[] args) throws Exception {
    ParentWatch.exitWhenGone(ProcessHandle.current().parent().orElseThrow().pid());
    final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("ping")) {
        System.out.println("pong");
        System.out.flush();
      }
    }
    System.exit(0);
  }
}
