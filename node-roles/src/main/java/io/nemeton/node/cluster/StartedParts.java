package io.nemeton.node.cluster;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The parts a process started, closed in reverse order of start; a failure to close one is logged
 * and the rest still closed. Thread-safe; closing twice is harmless.
 */
final class StartedParts implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StartedParts.class.getName());
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();

  synchronized <T extends AutoCloseable> T add(T part) {
    if (part != null) {
      parts.push(part);
    }
    return part;
  }

  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      final AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "stopping " + part.getClass().getSimpleName() + " failed", e);
      }
    }
  }
}
