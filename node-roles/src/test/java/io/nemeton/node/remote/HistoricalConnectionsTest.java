package io.nemeton.node.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.nemeton.node.zookeeper.NodeAnnouncement;
import io.nemeton.transport.EmbeddedMediaDriver;
import io.nemeton.transport.MediaDriverOptions;
import io.nemeton.transport.MediaDrivers;
import io.nemeton.transport.QueryClient;
import io.nemeton.transport.QueryClientConfig;
import io.nemeton.transport.QueryHandler;
import io.nemeton.transport.QueryServer;
import io.nemeton.transport.QueryServerConfig;
import io.nemeton.transport.ServerConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's choice of route with real media drivers: a historical announcing the broker's
 * shared driver (same host, same driver id, an IPC stream) is reached over IPC, any other over UDP,
 * and a broker without an IPC client uses UDP for all.
 */
@Timeout(60)
class HistoricalConnectionsTest {
  @TempDir Path temp;

  @Test
  void sameDriverGoesOverIpcOthersOverUdp() throws Exception {
    final MediaDriverOptions small = MediaDriverOptions.DEFAULT.withTermBufferBytes(64 << 10, 64 << 10);
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), small);
        QueryServer udp = QueryServer.start(QueryServerConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0",
            HistoricalConnections.QUERY_STREAM_ID).withServerName("udp"), answer("udp"));
        QueryServer ipc = QueryServer.start(QueryServerConfig.of(driver.directory(), "aeron:ipc", 40_001)
            .withServerName("ipc"), answer("ipc"));
        QueryClient udpClient = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0", 2001));
        QueryClient ipcClient = QueryClient.start(QueryClientConfig.of(driver.directory(), "aeron:ipc", 40_002))) {
      final int udpPort = Integer.parseInt(udp.channel().substring(udp.channel().lastIndexOf(':') + 1));
      final int driverId = HistoricalConnections.driverId(driver.directory());
      final NodeAnnouncement shared = node("h1", "127.0.0.1", Map.of(HistoricalConnections.QUERY_PORT, udpPort,
          HistoricalConnections.QUERY_IPC_STREAM_PORT, 40_001, HistoricalConnections.DRIVER_PORT, driverId));
      final NodeAnnouncement otherDriver = node("h2", "127.0.0.1", Map.of(HistoricalConnections.QUERY_PORT, udpPort,
          HistoricalConnections.QUERY_IPC_STREAM_PORT, 40_001, HistoricalConnections.DRIVER_PORT, driverId % 65_535 + 1));
      final NodeAnnouncement udpOnly = node("h3", "127.0.0.1", Map.of(HistoricalConnections.QUERY_PORT, udpPort));

      final HistoricalConnections connections = new HistoricalConnections(udpClient, ipcClient, "127.0.0.1", driverId,
          5_000, 1_000);
      final ServerConnection toShared = connections.connection(shared);
      assertEquals("aeron:ipc", toShared.channel());
      assertEquals("ipc", ask(toShared));
      assertSame(toShared, connections.connection(shared));
      assertEquals("udp", ask(connections.connection(otherDriver)));
      assertEquals("udp", ask(connections.connection(udpOnly)));

      final HistoricalConnections udpAlways = new HistoricalConnections(udpClient, 5_000, 1_000);
      assertEquals("udp", ask(udpAlways.connection(shared)));
    }
  }

  @Test
  void driverIdsFitAnnouncedPorts() {
    for (String dir : List.of("", "/a", "/var/lib/nemeton/cluster/aeron", "x".repeat(300))) {
      final int id = HistoricalConnections.driverId(dir);
      assertEquals(true, id >= 1 && id <= 65_535, "driver id=" + id + " of " + dir);
    }
  }

  private static NodeAnnouncement node(String name, String host, Map<String, Integer> ports) {
    return new NodeAnnouncement(name, host, ports, "_default_tier", 1L << 30, 1L);
  }

  private static QueryHandler answer(String name) {
    return (request, sink) -> sink.sendLast(name.getBytes(StandardCharsets.UTF_8));
  }

  private static String ask(ServerConnection connection) throws Exception {
    final List<byte[]> results = connection.send("q".getBytes(StandardCharsets.UTF_8), List.of(),
        System.currentTimeMillis() + 10_000).get(10, TimeUnit.SECONDS);
    return new String(results.get(0), StandardCharsets.UTF_8);
  }
}
