package io.nemeton.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared suite on a real PostgreSQL server started for this class on loopback (see
 * {@link PostgresServer}), each test in its own schema. Skipped, with the reason printed, when
 * no server binary is installed or one cannot be started here.
 */
class PostgresMetadataStoreTest extends MetadataStoreContractTest {
  private static PostgresServer server;
  private static String skipReason;

  @BeforeAll
  static void startServer() throws Exception {
    Optional<Path> binaries = PostgresServer.findBinaries();
    if (binaries.isEmpty()) {
      skip("no PostgreSQL server binaries under " + PostgresServer.INSTALL_ROOT + "/*/bin"
          + " (Debian's postgresql package installs them)");
      return;
    }
    try {
      server = PostgresServer.start(binaries.get());
    } catch (IllegalStateException e) {
      skip("a PostgreSQL server could not be started here: " + e.getMessage());
      return;
    }
    System.err.println("PostgresMetadataStoreTest: running against PostgreSQL from "
        + binaries.get() + " on 127.0.0.1:" + server.port());
  }

  /**
   * Records why the tests cannot run; each test then aborts with it. (Aborting here instead would
   * make Surefire count no tests at all, which hides the skip.)
   */
  private static void skip(String reason) {
    skipReason = "PostgreSQL tests SKIPPED: " + reason;
    System.err.println("PostgresMetadataStoreTest: " + skipReason);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  MetadataStoreConfig newConfig() throws Exception {
    Assumptions.assumeTrue(server != null, () -> skipReason);
    return server.newSchemaConfig();
  }

  @Test
  void aStoppedServerIsUnavailableAndTheNextCallAfterARestartWorks() throws Exception {
    store.segments().publish(SegmentPublish.of("wiki", List.of(segment("wiki", 0, "v1", 0))));
    server.stop();
    try {
      MetadataStoreException error = assertThrows(MetadataStoreException.class,
          () -> store.segments().allUsedSegments());
      assertTrue(error instanceof MetadataStoreUnavailableException, error.toString());
      assertTrue(error.getMessage().contains("operation=allUsedSegments: database unavailable"),
          error.getMessage());
    } finally {
      server.startServer();
    }
    assertEquals(1, store.segments().allUsedSegments().size());
  }

  @Test
  void aPortWithNoServerIsUnavailableAtOpen() {
    MetadataStoreConfig nowhere = new MetadataStoreConfig(
        "jdbc:postgresql://127.0.0.1:1/postgres", PostgresServer.USER, "secret", 2_000);
    MetadataStoreException error = assertThrows(MetadataStoreException.class,
        () -> MetadataStore.open(nowhere, clock));
    assertTrue(error.isUnavailable(), error.toString());
    assertTrue(error.getMessage().startsWith("metadata store uri=jdbc:postgresql://127.0.0.1:1/"
        + "postgres operation=migrateSchema: database unavailable"), error.getMessage());
    assertTrue(!error.getMessage().contains("secret"), error.getMessage());
  }
}
