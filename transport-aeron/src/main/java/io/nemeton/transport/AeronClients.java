package io.nemeton.transport;

import io.aeron.Aeron;
import io.aeron.Subscription;
import java.lang.System.Logger.Level;

/** Connecting to the process's media driver and resolving channels; shared by server and client. */
final class AeronClients {
  private static final System.Logger LOG = System.getLogger(AeronClients.class.getName());
  private static final long RESOLVE_TIMEOUT_MS = 5_000;

  private AeronClients() {}

  static Aeron connect(String aeronDirectory, String owner) {
    try {
      return Aeron.connect(new Aeron.Context()
          .aeronDirectoryName(aeronDirectory)
          .errorHandler(error -> LOG.log(Level.WARNING, owner + ": Aeron client error: " + error, error)));
    } catch (RuntimeException e) {
      throw new TransportException(owner + " cannot reach the media driver in directory=" + aeronDirectory + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The channel with the port the subscription really bound (the same text when nothing was left
   * to the system). Waits for the driver to bind, up to 5 s.
   */
  static String resolveChannel(Subscription subscription, String channel) {
    if (!channel.startsWith("aeron:udp")) {
      return channel;
    }
    final long giveUpMs = System.currentTimeMillis() + RESOLVE_TIMEOUT_MS;
    while (true) {
      final String resolved = subscription.tryResolveChannelEndpointPort();
      if (resolved != null) {
        return resolved;
      }
      if (System.currentTimeMillis() > giveUpMs) {
        throw new TransportException("channel=" + channel + " stream=" + subscription.streamId()
            + " was not bound by the media driver within ms=" + RESOLVE_TIMEOUT_MS);
      }
      sleepOneMillisecond();
    }
  }

  static void sleepOneMillisecond() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for the media driver", e);
    }
  }
}
