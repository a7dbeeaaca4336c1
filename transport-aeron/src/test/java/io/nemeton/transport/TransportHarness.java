package io.nemeton.transport;

import io.aeron.driver.ThreadingMode;
import java.nio.file.Path;

/**
 * A media driver, a query server and a connected client over IPC or UDP on loopback, with small
 * terms (64 KiB, so 8 KiB messages) so that chunking and back-pressure happen with little data.
 */
final class TransportHarness implements AutoCloseable {
  enum Transport {
    IPC("aeron:ipc", "aeron:ipc"),
    UDP("aeron:udp?endpoint=127.0.0.1:0", "aeron:udp?endpoint=127.0.0.1:0");

    final String serverChannel;
    final String clientChannel;

    Transport(String serverChannel, String clientChannel) {
      this.serverChannel = serverChannel;
      this.clientChannel = clientChannel;
    }
  }

  static final int SERVER_STREAM = 1001;
  static final int CLIENT_STREAM = 2001;
  static final MediaDriverOptions SMALL_TERMS =
      MediaDriverOptions.DEFAULT.withThreading(ThreadingMode.SHARED).withTermBufferBytes(64 << 10, 64 << 10);

  final EmbeddedMediaDriver driver;
  final QueryServer server;
  final QueryClient client;
  final ServerConnection connection;

  TransportHarness(Path directory, Transport transport, QueryHandler handler) {
    this(directory, transport, handler, config -> config, config -> config);
  }

  TransportHarness(Path directory, Transport transport, QueryHandler handler,
      java.util.function.UnaryOperator<QueryServerConfig> serverTuning,
      java.util.function.UnaryOperator<QueryClientConfig> clientTuning) {
    driver = MediaDrivers.start(directory.resolve("aeron"), SMALL_TERMS);
    QueryServer startedServer = null;
    QueryClient startedClient = null;
    try {
      startedServer = QueryServer.start(serverTuning.apply(
          QueryServerConfig.of(driver.directory(), transport.serverChannel, SERVER_STREAM)
              .withServerName("test-server").withWorkers(4, 64)), handler);
      startedClient = QueryClient.start(clientTuning.apply(
          QueryClientConfig.of(driver.directory(), transport.clientChannel, CLIENT_STREAM).withClientName("test-client")));
      connection = startedClient.connect(startedServer.channel(), SERVER_STREAM, 10_000);
    } catch (RuntimeException | Error e) {
      closeQuietly(startedClient);
      closeQuietly(startedServer);
      driver.close();
      throw e;
    }
    server = startedServer;
    client = startedClient;
  }

  static long deadlineInMs(long ms) {
    return System.currentTimeMillis() + ms;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // already failing
      }
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
    driver.close();
  }
}
