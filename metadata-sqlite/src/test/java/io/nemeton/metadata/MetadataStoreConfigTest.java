package io.nemeton.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetadataStoreConfigTest {
  private static String rejected(String uri, long timeoutMs) {
    MetadataStoreException error = assertThrows(MetadataStoreException.class,
        () -> new MetadataStoreConfig(uri, null, null, timeoutMs));
    assertEquals(MetadataErrorCode.INVALID_INPUT, error.code());
    return error.getMessage();
  }

  @Test
  void namesThePropertyAndTheValue() {
    assertEquals("metadata store config: connectUri='null' must start with jdbc:sqlite: or"
        + " jdbc:postgresql:", rejected(null, 1000));
    assertEquals("metadata store config: connectUri='jdbc:mysql://h/db' must start with"
        + " jdbc:sqlite: or jdbc:postgresql:", rejected("jdbc:mysql://h/db", 1000));
    assertTrue(rejected("jdbc:sqlite:", 1000).startsWith(
        "metadata store config: connectUri='jdbc:sqlite:' must name a database file"));
    assertTrue(rejected("jdbc:sqlite::memory:", 1000).contains("in-memory"));
    assertEquals("metadata store config: connectUri='jdbc:postgresql:db' must look like"
        + " jdbc:postgresql://host:port/database", rejected("jdbc:postgresql:db", 1000));
    assertEquals("metadata store config: timeoutMs='0' must be in [1, 600000]",
        rejected("jdbc:sqlite:/tmp/x.db", 0));
    assertEquals("metadata store config: timeoutMs='600001' must be in [1, 600000]",
        rejected("jdbc:sqlite:/tmp/x.db", 600_001));
  }

  @Test
  void sqliteConfigPointsAtAnAbsoluteFile() {
    MetadataStoreConfig config = MetadataStoreConfig.sqlite(Path.of("var/metadata.db"));
    assertTrue(config.isSqlite());
    assertTrue(config.sqliteFile().isAbsolute());
    assertEquals(Path.of("var/metadata.db").toAbsolutePath(), config.sqliteFile());
    assertEquals(MetadataStoreConfig.DEFAULT_TIMEOUT_MS, config.timeoutMs());
    assertEquals(50, config.withTimeoutMs(50).timeoutMs());
  }

  @Test
  void postgresConfigHidesThePassword() {
    MetadataStoreConfig config = new MetadataStoreConfig(
        "jdbc:postgresql://127.0.0.1:5432/druid", "druid", "diurd", 5000);
    assertFalse(config.isSqlite());
    assertFalse(config.toString().contains("diurd"), config.toString());
    assertTrue(config.toString().contains("password=<hidden>"), config.toString());
    assertThrows(IllegalStateException.class, config::sqliteFile);
  }
}
