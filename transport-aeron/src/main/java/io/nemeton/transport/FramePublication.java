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

  FramePublication(ExclusivePublication publication) {
    this.publication = publication;
  }

  long offer(DirectBuffer buffer, int offset, int length) {
    lock.lock();
    try {
      return publication.offer(buffer, offset, length);
    } finally {
      lock.unlock();
    }
  }

  long offer(DirectBuffer first, int firstOffset, int firstLength, DirectBuffer second, int secondOffset,
      int secondLength) {
    lock.lock();
    try {
      return publication.offer(first, firstOffset, firstLength, second, secondOffset, secondLength);
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
    } finally {
      lock.unlock();
    }
  }
}
