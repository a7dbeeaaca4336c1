package io.nemeton.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
  private static final Path HOME = Path.of("/opt/nemeton");

  @Test
  void defaultsPerRole() {
    final NodeConfig broker = NodeConfig.from(NodeConfig.Role.BROKER, Map.of(), HOME);
    assertEquals(8888, broker.port());
    assertEquals("broker-127.0.0.1-8888", broker.name());
    assertEquals(Path.of("/opt/nemeton/var/cluster/deep-storage"), broker.deepStorageDirectory());
    assertEquals("jdbc:sqlite:/opt/nemeton/var/cluster/metadata.sqlite", broker.metadata().connectUri());
    assertEquals(8081, NodeConfig.from(NodeConfig.Role.COORDINATOR, Map.of(), HOME).port());
    assertEquals(5, broker.coordinatorMaxMoves());
    assertEquals(0, NodeConfig.from(NodeConfig.Role.COORDINATOR, Map.of("nemeton.coordinator.maxMoves", "0"), HOME)
        .coordinatorMaxMoves());
    final NodeConfig historical = NodeConfig.from(NodeConfig.Role.HISTORICAL,
        Map.of("nemeton.name", "h1", "nemeton.dataDir", "/data"), HOME);
    assertEquals(Path.of("/data/nodes/h1"), historical.nodeDirectory());
    assertEquals(Path.of("/data/nodes/h1/task-work"), historical.indexer().workDirectory());
  }

  @Test
  void postgresqlAndIndexerKeys() {
    final NodeConfig config = NodeConfig.from(NodeConfig.Role.INDEXER, Map.of("nemeton.metadata.connectUri",
        "jdbc:postgresql://db:5432/nemeton", "nemeton.metadata.user", "druid", "nemeton.indexer.poolSize", "4"), HOME);
    assertEquals("druid", config.metadata().user());
    assertEquals(4, config.indexer().poolSize());
  }

  @Test
  void refusesByName() {
    assertEquals("nemeton.port=70000: must be between 0 and 65535", message(Map.of("nemeton.port", "70000")));
    assertEquals("nemeton.broker.cacheBytes=lots: must be a whole number between 0 and 4611686018427387903",
        message(Map.of("nemeton.broker.cacheBytes", "lots")));
    assertEquals("nemeton.query.simd=yes: must be true or false", message(Map.of("nemeton.query.simd", "yes")));
    assertEquals("nemeton.coordinator.maxMoves=20000: must be between 0 and 10000",
        message(Map.of("nemeton.coordinator.maxMoves", "20000")));
    assertTrue(message(Map.of("nemeton.zookeper.connect", "x")).startsWith("unknown property nemeton.zookeper.connect"));
    assertTrue(message(Map.of("nemeton.metadata.connectUri", "mysql://x"))
        .startsWith("nemeton.metadata.connectUri=mysql://x: "));
    assertEquals("nemeton.name=a/b: must not contain / nor start with .", message(Map.of("nemeton.name", "a/b")));
  }

  private static String message(Map<String, String> properties) {
    return assertThrows(IllegalArgumentException.class,
        () -> NodeConfig.from(NodeConfig.Role.BROKER, properties, HOME)).getMessage();
  }
}
