package io.nemeton.transport;

import io.aeron.ExclusivePublication;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;

/**
 * One connection's outgoing stream: an exclusive Aeron publication (its own session id, so that
 * the peer can tell connections apart even when two share a channel) behind a lock, because several
 * threads send on it. Each call makes one attempt and returns Aeron's result; callers decide how to
 * wait. Thread-safe.
 */
final class FramePublication implements AutoCloseable {
  private final ExclusivePublication publication;
  private final ReentrantLock lock = new ReentrantLock();
  private final DoorbellRinger ringer;

  FramePublication(ExclusivePublication publication) {
    this(publication, null);
  }

  /** @param ringer wakes the reader after each message (IPC streams), or null */
  FramePublication(ExclusivePublication publication, DoorbellRinger ringer) {
    this.publication = publication;
    this.ringer = ringer;
  }

  /**
   * A publication of {@code channel}/{@code streamId}, ringing the reader's doorbell after each
   * message when the channel is IPC on the driver in {@code aeronDirectory}.
   */
  static FramePublication of(ExclusivePublication publication, String aeronDirectory, String channel, int streamId) {
    return new FramePublication(publication, HotIdleStrategy.DOORBELLS && isIpc(channel)
        ? new DoorbellRinger(aeronDirectory, streamId) : null);
  }

  static boolean isIpc(String channel) {
    return channel.startsWith("aeron:ipc");
  }

  long offer(DirectBuffer buffer, int offset, int length) {
    lock.lock();
    try {
      final long result = publication.offer(buffer, offset, length);
      if (result > 0 && ringer != null) {
        ringer.ring();
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  long offer(DirectBuffer first, int firstOffset, int firstLength, DirectBuffer second, int secondOffset,
      int secondLength) {
    lock.lock();
    try {
      final long result = publication.offer(first, firstOffset, firstLength, second, secondOffset, secondLength);
      if (result > 0 && ringer != null) {
        ringer.ring();
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  boolean isConnected() {
    return publication.isConnected();
  }

  int maxMessageLength() {
    return publication.maxMessageLength();
  }

  String channel() {
    return publication.channel();
  }

  int streamId() {
    return publication.streamId();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      publication.close();
      if (ringer != null) {
        ringer.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
