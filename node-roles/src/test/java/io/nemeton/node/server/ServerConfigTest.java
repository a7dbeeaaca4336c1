package io.nemeton.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  private static final Path HOME = Path.of("/opt/nemeton");

  private static String refused(Map<String, String> properties) {
    return assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(properties, HOME)).getMessage();
  }

  @Test
  void defaultsAreTheQuickstartOnes() {
    final ServerConfig config = ServerConfig.from(Map.of(), HOME);
    assertEquals("127.0.0.1", config.host());
    assertEquals(8888, config.port());
    assertEquals(Path.of("/opt/nemeton/var"), config.dataDirectory());
    assertTrue(config.loadSample());
    assertEquals(16L * 1024 * 1024, config.httpMaxBodyBytes());
  }

  @Test
  void valuesAreReadAndPathsResolvedAgainstHome() {
    final ServerConfig config = ServerConfig.from(Map.of("nemeton.port", "9999", "nemeton.dataDir", "/tmp/x",
        "nemeton.sample", "false", "nemeton.indexer.inputDirectory", "data", "java.home", "ignored"), HOME);
    assertEquals(9999, config.port());
    assertEquals(Path.of("/tmp/x"), config.dataDirectory());
    assertFalse(config.loadSample());
    assertEquals(Path.of("/opt/nemeton/data"), config.indexerInputDirectory());
  }

  @Test
  void everyBadValueIsNamedWithItsRule() {
    assertEquals("nemeton.port=http: must be a whole number between 0 and 65535",
        refused(Map.of("nemeton.port", "http")));
    assertEquals("nemeton.port=70000: must be between 0 and 65535", refused(Map.of("nemeton.port", "70000")));
    assertEquals("nemeton.sample=yes: must be true or false", refused(Map.of("nemeton.sample", "yes")));
    assertEquals("nemeton.host=\"\": must not be empty", refused(Map.of("nemeton.host", " ")));
    assertEquals("nemeton.indexer.poolSize=0: must be between 1 and 64", refused(Map.of("nemeton.indexer.poolSize", "0")));
  }

  @Test
  void unknownNemetonPropertiesAreRefusedByName() {
    final String message = refused(Map.of("nemeton.prot", "8888"));
    assertTrue(message.startsWith("unknown property nemeton.prot (known: nemeton.host, nemeton.port,"), message);
  }
}
