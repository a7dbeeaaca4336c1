package io.nemeton.node.cluster;

import io.nemeton.transport.EmbeddedMediaDriver;
import io.nemeton.transport.MediaDrivers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the processes of a local cluster under one data directory: a ZooKeeper server
 * and any number of role processes, each a {@code java} child of this process with Nemeton's JVM
 * flags and this process's class path, watching this process so it ends when this one does.
 *
 * <pre>
 * DIR/zookeeper/          zoo.cfg and the ZooKeeper server's data
 * DIR/cluster.properties  what every role reads (ZooKeeper address, data directory)
 * DIR/pids/ROLE-N.pid     each child's process id
 * DIR/logs/ROLE-N.log     each child's output
 * DIR/run/ROLE-N.ready    written by the child once it serves: its name and ports
 * DIR/nodes/NAME/         each role's own files; DIR/metadata.sqlite, DIR/deep-storage/ shared
 * DIR/aeron/              the shared media driver, when {@link #startSharedMediaDriver} started one
 * </pre>
 *
 * With a shared media driver (run in this process, so it outlives any child killed) every role
 * started afterwards gets {@code nemeton.transport.aeronDir}, and brokers reach historicals over
 * Aeron IPC; without one each child embeds its own driver and they talk over UDP.
 *
 * Thread-safe. {@link #close()} stops the children (TERM, then KILL after a grace period).
 */
public final class ClusterProcesses implements AutoCloseable {
  /** The JVM flags every process runs with (those of bin/nemeton). */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseParallelGC", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

  /** A started child. */
  public record Child(String label, Process process, Path readyFile) {
    /** The ports the child wrote to its ready file (empty before it is ready). */
    public Map<String, String> ready() throws IOException {
      final Map<String, String> out = new LinkedHashMap<>();
      if (Files.isRegularFile(readyFile)) {
        for (String line : Files.readAllLines(readyFile, StandardCharsets.UTF_8)) {
          final int eq = line.indexOf('=');
          if (eq > 0) {
            out.put(line.substring(0, eq), line.substring(eq + 1));
          }
        }
      }
      return out;
    }

    public int port(String name) throws IOException {
      final String port = ready().get(name);
      if (port == null) {
        throw new IllegalStateException(label + " has not announced port " + name + " (ready file " + readyFile + ")");
      }
      return Integer.parseInt(port);
    }
  }

  private final Path dir;
  private final String javaHeap;
  private final List<Child> children = new ArrayList<>();
  private Child zooKeeper;
  private String zooKeeperConnect;
  private EmbeddedMediaDriver sharedDriver;

  /** @param javaHeap the children's {@code -Xmx}, e.g. {@code 512m} */
  public ClusterProcesses(Path dir, String javaHeap) throws IOException {
    this.dir = Files.createDirectories(dir.toAbsolutePath());
    this.javaHeap = javaHeap;
    for (String sub : List.of("pids", "logs", "run", "zookeeper")) {
      Files.createDirectories(this.dir.resolve(sub));
    }
  }

  public Path directory() {
    return dir;
  }

  public String zooKeeperConnect() {
    return zooKeeperConnect;
  }

  /**
   * Starts the media driver the role processes started afterwards share (in {@code DIR/aeron}, in
   * this process; stopped by {@link #close()} after the children). Returns its directory.
   */
  public synchronized String startSharedMediaDriver() {
    if (sharedDriver == null) {
      sharedDriver = MediaDrivers.start(dir.resolve("aeron"), Engines.DRIVER);
    }
    return sharedDriver.directory();
  }

  /** Starts the ZooKeeper server on a free loopback port and waits until it accepts connections. */
  public synchronized Child startZooKeeper(long timeoutMs) throws Exception {
    final int port = freePort();
    final Path zkDir = dir.resolve("zookeeper");
    final Path config = zkDir.resolve("zoo.cfg");
    Files.writeString(config, "tickTime=500\ninitLimit=10\nsyncLimit=5\ndataDir=" + zkDir.resolve("data")
        + "\nclientPort=" + port + "\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n"
        + "minSessionTimeout=1000\nmaxSessionTimeout=30000\n", StandardCharsets.UTF_8);
    zooKeeperConnect = "127.0.0.1:" + port;
    zooKeeper = launchZooKeeper(config, port, timeoutMs);
    Files.writeString(dir.resolve("cluster.properties"), "nemeton.zookeeper.connect=" + zooKeeperConnect
        + "\nnemeton.dataDir=" + dir + "\n", StandardCharsets.UTF_8);
    return zooKeeper;
  }

  /** Kills the ZooKeeper server at once (SIGKILL); {@link #restartZooKeeper} brings it back. */
  public synchronized void stopZooKeeper() throws InterruptedException {
    if (zooKeeper == null) {
      throw new IllegalStateException("zookeeper was not started in " + dir);
    }
    children.remove(zooKeeper);
    kill(zooKeeper);
  }

  /** Starts ZooKeeper again on its port over its data (sessions younger than their timeout survive). */
  public synchronized Child restartZooKeeper(long timeoutMs) throws Exception {
    if (zooKeeperConnect == null || zooKeeper.process().isAlive()) {
      throw new IllegalStateException("zookeeper in " + dir + " is not stopped (connect=" + zooKeeperConnect + ")");
    }
    final int port = Integer.parseInt(zooKeeperConnect.substring(zooKeeperConnect.lastIndexOf(':') + 1));
    zooKeeper = launchZooKeeper(dir.resolve("zookeeper").resolve("zoo.cfg"), port, timeoutMs);
    return zooKeeper;
  }

  private Child launchZooKeeper(Path config, int port, long timeoutMs) throws Exception {
    final Child started = launch("zookeeper-0", List.of("zookeeper", "--config", config.toString()));
    final long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return started;
      } catch (IOException notYet) {
        if (!started.process().isAlive() || System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("zookeeper did not start on port " + port + " within " + timeoutMs
              + " ms (log: " + dir.resolve("logs/zookeeper-0.log") + ")");
        }
        Thread.sleep(50);
      }
    }
  }

  /**
   * Starts {@code role} number {@code n} with the cluster's properties and {@code extra} ones
   * ({@code key=value}); does not wait for it (see {@link #awaitReady}).
   */
  public synchronized Child start(NodeConfig.Role role, int n, List<String> extra) throws IOException {
    final String label = role.label() + "-" + n;
    final List<String> args = new ArrayList<>(List.of(role.label(), "--config", dir.resolve("cluster.properties").toString(),
        "--set", "nemeton.name=" + label));
    if (sharedDriver != null) {
      args.add("--set");
      args.add("nemeton.transport.aeronDir=" + sharedDriver.directory());
    }
    for (String pair : extra) {
      args.add("--set");
      args.add(pair);
    }
    return launch(label, args);
  }

  private Child launch(String label, List<String> mainArgs) throws IOException {
    final Path ready = dir.resolve("run").resolve(label + ".ready");
    Files.deleteIfExists(ready);
    final List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("-Xmx" + javaHeap);
    for (String flag : JVM_FLAGS) {
      if (!flag.isEmpty()) {
        command.add(flag);
      }
    }
    final String home = System.getProperty("nemeton.home");
    if (home != null) {
      command.add("-Dnemeton.home=" + home);
    }
    // Diagnostic switches (nemeton.debug.*) and transport tuning (nemeton.transport.*) reach every child.
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("nemeton.debug.") || name.startsWith("nemeton.transport.")) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.nemeton.node.Main");
    command.addAll(mainArgs);
    if (!label.startsWith("zookeeper")) {
      command.add("--ready-file");
      command.add(ready.toString());
    }
    command.add("--parent-pid");
    command.add(Long.toString(ProcessHandle.current().pid()));
    final Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs").resolve(label + ".log").toFile())).start();
    Files.writeString(dir.resolve("pids").resolve(label + ".pid"), process.pid() + "\n", StandardCharsets.UTF_8);
    final Child child = new Child(label, process, ready);
    children.add(child);
    return child;
  }

  /** Waits until every child wrote its ready file; fails naming a child that died or is late. */
  public void awaitReady(List<Child> waiting, long timeoutMs) throws Exception {
    final long deadline = System.currentTimeMillis() + timeoutMs;
    for (Child child : waiting) {
      while (!Files.isRegularFile(child.readyFile())) {
        if (!child.process().isAlive()) {
          throw new IllegalStateException(child.label() + " exited with " + child.process().exitValue()
              + " before it was ready (log: " + dir.resolve("logs").resolve(child.label() + ".log") + ")");
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(child.label() + " not ready within " + timeoutMs + " ms (log: "
              + dir.resolve("logs").resolve(child.label() + ".log") + ")");
        }
        Thread.sleep(50);
      }
    }
  }

  /** Kills a child at once (SIGKILL), as a crash would. */
  public void kill(Child child) throws InterruptedException {
    child.process().destroyForcibly();
    child.process().waitFor(10, TimeUnit.SECONDS);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops the role processes first, ZooKeeper last: TERM, up to 10 s, then KILL. */
  @Override
  public synchronized void close() {
    final List<Child> stopping = new ArrayList<>(children);
    stopping.remove(zooKeeper);
    for (Child child : stopping) {
      child.process().destroy();
    }
    for (Child child : stopping) {
      awaitOrKill(child);
    }
    if (zooKeeper != null) {
      zooKeeper.process().destroy();
      awaitOrKill(zooKeeper);
    }
    children.clear();
    if (sharedDriver != null) {
      sharedDriver.close();
      sharedDriver = null;
    }
  }

  private static void awaitOrKill(Child child) {
    try {
      if (!child.process().waitFor(10, TimeUnit.SECONDS)) {
        child.process().destroyForcibly();
        child.process().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      child.process().destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
