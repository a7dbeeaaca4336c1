package io.nemeton.transport;

import io.aeron.driver.MediaDriver;

/**
 * A running embedded media driver. {@link #close()} stops its threads and deletes its directory;
 * close it after every server and client that uses it. Thread-safe.
 */
public final class EmbeddedMediaDriver implements AutoCloseable {
  private final MediaDriver driver;
  private final String directory;

  EmbeddedMediaDriver(MediaDriver driver, String directory) {
    this.driver = driver;
    this.directory = directory;
  }

  /** The Aeron directory to hand to {@link QueryServerConfig} and {@link QueryClientConfig}. */
  public String directory() {
    return directory;
  }

  @Override
  public void close() {
    driver.close();
  }
}
