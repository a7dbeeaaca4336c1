package io.nemeton.transport;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sending side of a {@link Doorbell}: after a message went out on an IPC stream, wakes the
 * stream's reader if it announced that it sleeps. Costs a fence and a read of shared memory per
 * message while the reader is awake, one datagram when it sleeps.
 *
 * <p>The doorbell file is mapped on first use; while it does not exist yet (the reader has no
 * doorbell, or has not opened it) ringing does nothing and the file is looked for again at most
 * every {@link #RETRY_NS}. Thread-safe: rings and close are serialised, and a closed ringer does
 * nothing. Allocates only when it maps the file.
 */
final class DoorbellRinger implements AutoCloseable {
  static final byte[] ONE_BYTE = {1};
  static final long RETRY_NS = 100_000_000;

  private final Path file;
  private final ByteBuffer one = ByteBuffer.allocateDirect(1);
  private Arena arena;
  private MemorySegment flags;
  private DatagramChannel socket;
  private InetSocketAddress target;
  private int targetPort;
  private long nextLookNs;
  private boolean looked;
  private boolean closed;

  DoorbellRinger(String aeronDirectory, int streamId) {
    this.file = Doorbell.path(aeronDirectory, streamId);
  }

  /** Wakes the reader when it sleeps; never throws (a lost ring costs the reader's timeout, not a result). */
  synchronized void ring() {
    if (closed || (flags == null && !map())) {
      return;
    }
    VarHandle.fullFence(); // the message's publication must be visible before the flag is read
    if ((int) Doorbell.INT.getVolatile(flags, Doorbell.SLEEPING_OFFSET) == 0
        || !Doorbell.INT.compareAndSet(flags, Doorbell.SLEEPING_OFFSET, 1, 0)) {
      return;
    }
    final int port = (int) Doorbell.INT.getVolatile(flags, Doorbell.PORT_OFFSET);
    if (port <= 0 || port > 65_535) {
      return;
    }
    try {
      if (port != targetPort) {
        target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        targetPort = port;
      }
      one.clear();
      socket.send(one, target);
    } catch (IOException e) {
      // the reader wakes at its timeout anyway
    }
  }

  private boolean map() {
    final long nowNs = System.nanoTime();
    if (looked && nowNs - nextLookNs < 0) {
      return false; // looked for the file a moment ago
    }
    looked = true;
    if (!Files.exists(file)) {
      nextLookNs = nowNs + RETRY_NS;
      return false;
    }
    final Arena mapping = Arena.ofShared();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (channel.size() < Doorbell.FILE_BYTES) {
        mapping.close();
        nextLookNs = nowNs + RETRY_NS;
        return false;
      }
      flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, Doorbell.FILE_BYTES, mapping);
      socket = DatagramChannel.open(StandardProtocolFamily.INET);
      arena = mapping;
      return true;
    } catch (IOException | RuntimeException e) {
      flags = null;
      mapping.close();
      nextLookNs = nowNs + RETRY_NS;
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (arena != null) {
      flags = null;
      arena.close();
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }
}
