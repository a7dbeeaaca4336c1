package io.nemeton.node.cluster;

import io.nemeton.transport.EmbeddedMediaDriver;
import io.nemeton.transport.MediaDrivers;
import java.nio.file.Path;

/**
 * Which media driver a broker or historical process uses. By default its own, embedded, in
 * {@code nodeDirectory/aeron}, and its peers are reached over Aeron UDP. With {@code
 * nemeton.transport.aeronDir} it connects to the driver another process runs in that directory
 * (as {@code nemeton cluster} does for its children), and brokers and historicals on that driver
 * also talk over Aeron IPC: a historical then listens on UDP and on an IPC stream of its own, and
 * announces both. The driver's process outlives any child killed, so a crash of one role leaves
 * the others' transport running. Stateless.
 */
final class NodeTransport {
  private NodeTransport() {}

  /** The directory of the driver this process's clients and servers use; starts an embedded one when not shared. */
  static String driverDirectory(NodeConfig config, Path nodeDirectory, StartedParts parts) {
    if (!config.sharedMediaDriver()) {
      final EmbeddedMediaDriver driver = parts.add(MediaDrivers.start(nodeDirectory.resolve("aeron"), Engines.DRIVER));
      return driver.directory();
    }
    final String directory = config.sharedAeronDirectory().toString();
    MediaDrivers.requireActive(directory, 5_000);
    return directory;
  }

  /**
   * The port of a resolved UDP channel ({@code aeron:udp?endpoint=host:port}). While its owner
   * lives the shared driver holds that port for it alone, so it also serves as the owner's IPC
   * stream id on that driver: unique on the host, and within the range announcements accept.
   */
  static int port(String channel) {
    final int colon = channel.lastIndexOf(':');
    int end = colon + 1;
    while (end < channel.length() && Character.isDigit(channel.charAt(end))) {
      end++;
    }
    return Integer.parseInt(channel.substring(colon + 1, end));
  }
}
