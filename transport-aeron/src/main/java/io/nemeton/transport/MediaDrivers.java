package io.nemeton.transport;

import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.driver.exceptions.ActiveDriverException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Starts the one embedded Aeron media driver a process needs; servers and clients of that process
 * connect to it through its directory. Thread-safe (stateless).
 */
public final class MediaDrivers {
  private static final System.Logger LOG = System.getLogger(MediaDrivers.class.getName());

  private MediaDrivers() {}

  /**
   * Starts a driver whose files live in {@code directory} (created; removed again on close). A
   * stale directory left by a dead driver is replaced; one in use by a live driver is refused.
   *
   * @throws TransportException when the driver cannot start, naming the directory
   */
  public static EmbeddedMediaDriver start(Path directory, MediaDriverOptions options) {
    final String name = directory.toAbsolutePath().toString();
    final MediaDriver.Context context = new MediaDriver.Context()
        .aeronDirectoryName(name)
        .dirDeleteOnStart(false)
        .dirDeleteOnShutdown(true)
        .warnIfDirectoryExists(false)
        .threadingMode(options.threading())
        .publicationTermBufferLength(options.termBufferBytes())
        .ipcTermBufferLength(options.ipcTermBufferBytes())
        .termBufferSparseFile(true)
        .errorHandler(error -> LOG.log(Level.WARNING, "media driver at " + name + ": " + error, error));
    final long maxParkNs = TimeUnit.MICROSECONDS.toNanos(options.maxParkMicros());
    if (options.threading() == ThreadingMode.SHARED) {
      context.sharedIdleStrategy(idle(maxParkNs));
    } else {
      context.conductorIdleStrategy(idle(maxParkNs))
          .senderIdleStrategy(idle(maxParkNs))
          .receiverIdleStrategy(idle(maxParkNs))
          .sharedNetworkIdleStrategy(idle(maxParkNs));
    }
    try {
      return new EmbeddedMediaDriver(MediaDriver.launch(context), name);
    } catch (ActiveDriverException e) {
      // The directory belongs to a live driver: closing the context must not delete it.
      context.dirDeleteOnShutdown(false);
      context.close();
      throw new TransportException("media driver could not start in directory=" + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      context.close();
      throw new TransportException("media driver could not start in directory=" + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that a live media driver serves {@code directory} (one another process started, for
   * clients and servers of several processes to share, and so to talk over IPC).
   *
   * @throws TransportException naming the directory when no driver answers within {@code timeoutMs}
   */
  public static void requireActive(String directory, long timeoutMs) {
    if (directory == null || timeoutMs < 1) {
      throw new IllegalArgumentException("media driver directory=" + directory + " timeoutMs=" + timeoutMs
          + ": need a directory and a timeout >= 1");
    }
    if (!CommonContext.isDriverActive(new java.io.File(directory), timeoutMs, message -> { })) {
      throw new TransportException("no live media driver in directory=" + directory + " (waited timeoutMs="
          + timeoutMs + "); start the process that runs it first");
    }
  }

  /**
   * Spins briefly, yields, parks shortly while traffic is recent, then for up to {@code maxParkNs}:
   * no core burns while idle ({@link HotIdleStrategy}).
   */
  static HotIdleStrategy idle(long maxParkNs) {
    return HotIdleStrategy.withMaxPark(maxParkNs);
  }
}
