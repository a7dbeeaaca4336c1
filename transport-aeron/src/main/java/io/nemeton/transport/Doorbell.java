package io.nemeton.transport;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The receiving side of a wake-up signal for an agent that reads an Aeron IPC stream: lets the
 * agent block in the kernel when idle instead of parking in short slices, and be woken by the
 * sender within a datagram's delivery time.
 *
 * <p>Aeron IPC moves data through shared memory and tells no one: a reader must poll. Polling
 * agents of half a dozen processes on a small host take the cores from each other (each 20 µs
 * park is a scheduler round trip), so every hop of a query waits for a time slice. With a
 * doorbell, an idle agent announces that it is about to sleep (a flag in a small file next to the
 * driver's, {@code DIR/nemeton-doorbells/ipc-STREAM}), polls once more, and blocks on a loopback
 * UDP socket; a sender that offered a message and finds the flag set clears it and sends one byte
 * to the socket ({@link DoorbellRinger}). The flag is written before the last poll and read after
 * the offer, each followed by a full fence, so a message is either seen by the last poll or rings.
 * A dead process's file stays behind with a stale port; ringing it sends a byte nowhere.
 *
 * <p>File layout (native byte order, 64 bytes): int port at {@link #PORT_OFFSET} (0: no one
 * listens), int sleeping flag at {@link #SLEEPING_OFFSET}.
 *
 * <p>Used by one agent thread at a time (not thread-safe); {@link #close()} after that thread has
 * stopped. Allocates nothing per wait.
 */
final class Doorbell implements AutoCloseable {
  static final String DIRECTORY = "nemeton-doorbells";
  static final int FILE_BYTES = 64;
  static final long PORT_OFFSET = 0;
  static final long SLEEPING_OFFSET = 8;
  static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

  private final Path file;
  private final Arena arena;
  private final MemorySegment flags;
  private final DatagramChannel socket;
  private final Selector selector;
  private final ByteBuffer drain = ByteBuffer.allocateDirect(64);

  private Doorbell(Path file, Arena arena, MemorySegment flags, DatagramChannel socket, Selector selector) {
    this.file = file;
    this.arena = arena;
    this.flags = flags;
    this.socket = socket;
    this.selector = selector;
  }

  /** The doorbell file of IPC stream {@code streamId} on the driver in {@code aeronDirectory}. */
  static Path path(String aeronDirectory, int streamId) {
    return Path.of(aeronDirectory, DIRECTORY, "ipc-" + streamId);
  }

  /**
   * Opens the doorbell of IPC stream {@code streamId}: binds a loopback socket and publishes its
   * port in the stream's file (created, or taken over from a previous owner of the stream).
   *
   * @throws TransportException naming the file when it cannot be created or the socket not bound
   */
  static Doorbell open(String aeronDirectory, int streamId) {
    final Path file = path(aeronDirectory, streamId);
    final Arena arena = Arena.ofShared();
    DatagramChannel socket = null;
    Selector selector = null;
    try {
      Files.createDirectories(file.getParent());
      final MemorySegment flags;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES, arena);
      }
      socket = DatagramChannel.open(StandardProtocolFamily.INET);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.configureBlocking(false);
      selector = Selector.open();
      socket.register(selector, SelectionKey.OP_READ);
      final int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
      INT.setVolatile(flags, SLEEPING_OFFSET, 0);
      INT.setVolatile(flags, PORT_OFFSET, port);
      return new Doorbell(file, arena, flags, socket, selector);
    } catch (IOException | RuntimeException e) {
      closeQuietly(selector);
      closeQuietly(socket);
      arena.close();
      throw new TransportException("doorbell file=" + file + " for IPC stream=" + streamId + " could not be opened: " + e, e);
    }
  }

  /** Announces that the owner is about to sleep; it must poll once more before {@link #await}. */
  void arm() {
    INT.setVolatile(flags, SLEEPING_OFFSET, 1);
    VarHandle.fullFence();
  }

  /** Announces that the owner is awake again (senders stop ringing). */
  void disarm() {
    INT.setRelease(flags, SLEEPING_OFFSET, 0);
  }

  /**
   * Blocks until rung or {@code timeoutNs} passed (rounded up to a millisecond), then drains
   * the socket. Returns whether it was rung.
   */
  boolean await(long timeoutNs) {
    try {
      final long timeoutMs = Math.max(1, (timeoutNs + 999_999) / 1_000_000);
      final int ready = selector.select(timeoutMs);
      selector.selectedKeys().clear();
      boolean rung = false;
      while (socket.receive(drain) != null) {
        drain.clear();
        rung = true;
      }
      return rung || ready > 0;
    } catch (IOException e) {
      throw new TransportException("doorbell file=" + file + " failed while waiting: " + e, e);
    }
  }

  /** Wakes the owner from another thread of this process (a waiting sender that stopped polling). */
  void nudge() {
    if ((int) INT.getVolatile(flags, SLEEPING_OFFSET) != 0
        && INT.compareAndSet(flags, SLEEPING_OFFSET, 1, 0)) {
      try {
        socket.send(ByteBuffer.wrap(DoorbellRinger.ONE_BYTE), socket.getLocalAddress());
      } catch (IOException e) {
        // the owner wakes at its timeout anyway
      }
    }
  }

  Path file() {
    return file;
  }

  /** Stops listening: the file says no one listens (it stays, for the stream's next owner). */
  @Override
  public void close() {
    INT.setVolatile(flags, PORT_OFFSET, 0);
    INT.setVolatile(flags, SLEEPING_OFFSET, 0);
    closeQuietly(selector);
    closeQuietly(socket);
    arena.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing on a failure path or at shutdown: nothing to do
      }
    }
  }
}
