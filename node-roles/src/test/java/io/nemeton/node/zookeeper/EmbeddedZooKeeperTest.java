package io.nemeton.node.zookeeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperTest {
  @TempDir Path dir;

  @Test
  void dataSurvivesARestartOnTheSamePort() throws Exception {
    final byte[] data = "kept".getBytes(StandardCharsets.UTF_8);
    final int port;
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dir, 0);
        CuratorFramework client = ZooKeeperClients.connect(server.connectString(), 10_000)) {
      port = server.port();
      client.create().creatingParentsIfNeeded().forPath("/nemeton/test", data);
    }
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dir, port);
        CuratorFramework client = ZooKeeperClients.connect(server.connectString(), 10_000)) {
      assertEquals("127.0.0.1:" + port, server.connectString());
      assertArrayEquals(data, client.getData().forPath("/nemeton/test"));
    }
  }

  @Test
  void badPortIsRefusedByName() {
    assertEquals("zookeeper port=70000 must be in [0, 65535]", assertThrows(IllegalArgumentException.class,
        () -> EmbeddedZooKeeper.start(dir, 70_000)).getMessage());
  }

  @Test
  void namesAreOnePathElement() {
    assertEquals("wiki_2020-01-01T00:00:00.000Z_v1", ZooKeeperPaths.encode("wiki_2020-01-01T00:00:00.000Z_v1"));
    assertEquals("a%2Fb%25c", ZooKeeperPaths.encode("a/b%c"));
    assertEquals("a/b%c", ZooKeeperPaths.decode(ZooKeeperPaths.encode("a/b%c")));
    assertEquals("/nemeton/loadQueue/h%2F1/s", ZooKeeperPaths.instruction("h/1", "s"));
  }
}
