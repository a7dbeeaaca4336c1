package io.nemeton.node.zookeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A real ZooKeeper server running inside this JVM (Curator's in-process server), for single-server
 * mode and tests. It listens on 127.0.0.1 and keeps its data under a given directory, so znodes
 * written before a restart are there after it (ephemeral ones until their old session expires).
 *
 * <p>Thread-safe for {@link #connectString()}; {@link #close()} once.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
  /** ZooKeeper's tick; session timeouts are negotiated between 2 and 20 ticks. */
  private static final int TICK_MS = 500;
  private static final int MAX_CLIENT_CONNECTIONS = 200;

  private final TestingServer server;
  private final Path dataDir;

  private EmbeddedZooKeeper(TestingServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /**
   * Starts a server on {@code port} (0 picks a free one) with its data under {@code dataDir}
   * (created when missing, kept on close).
   *
   * @throws IOException when the directory cannot be made or the server cannot listen
   */
  public static EmbeddedZooKeeper start(Path dataDir, int port) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("zookeeper port=" + port + " must be in [0, 65535]");
    }
    final Path dir = Files.createDirectories(dataDir).toAbsolutePath();
    limitConnections();
    final InstanceSpec spec = new InstanceSpec(dir.toFile(), port == 0 ? -1 : port, -1, -1, false, 1,
        TICK_MS, MAX_CLIENT_CONNECTIONS, null, "127.0.0.1");
    try {
      final TestingServer server = new TestingServer(spec, true);
      return new EmbeddedZooKeeper(server, dir);
    } catch (IOException e) {
      throw new IOException("zookeeper: cannot start on 127.0.0.1:" + port + " with data " + dir
          + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IOException("zookeeper: cannot start on 127.0.0.1:" + port + " with data " + dir
          + ": " + e, e);
    }
  }

  /** {@code 127.0.0.1:port}, for {@link ZooKeeperClients#connect}. */
  public String connectString() {
    return server.getConnectString();
  }

  public int port() {
    return server.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server; its data stays on disk. */
  @Override
  public void close() throws IOException {
    server.close();
  }

  @Override
  public String toString() {
    return "EmbeddedZooKeeper[" + connectString() + ", data=" + dataDir + "]";
  }

  /**
   * Sets ZooKeeper's process-wide connection limit ({@code zookeeper.maxCnxns}, a system property
   * it reads at start) unless the operator set it: unset, the server warns at every start that it
   * has none.
   */
  public static void limitConnections() {
    if (System.getProperty("zookeeper.maxCnxns") == null) {
      System.setProperty("zookeeper.maxCnxns", "10000");
    }
  }
}
