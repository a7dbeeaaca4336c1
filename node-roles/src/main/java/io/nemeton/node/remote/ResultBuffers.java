package io.nemeton.node.remote;

import io.nemeton.memory.GrowableBytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A historical's per-thread buffer for the results it sends: the result header ({@link
 * RemoteLayout}) and the encoded partial are written into it and handed to the transport, which
 * copies them onto the wire before returning, so a small answer allocates no output arrays.
 *
 * <p>Not thread-safe: {@link #take()} and {@link #release()} on one thread. A thread that takes a
 * second buffer before releasing the first (a handler entered again while sending) gets a fresh
 * one, never the one in use. A buffer that grew past {@link #KEEP_BYTES} is dropped on release, so
 * one large answer does not stay pinned per thread.
 */
final class ResultBuffers {
  static final int KEEP_BYTES = 1 << 20;
  private static final ThreadLocal<ResultBuffers> THREAD = ThreadLocal.withInitial(ResultBuffers::new);

  private GrowableBytes bytes = new GrowableBytes(1024);
  private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
  private boolean busy;

  private ResultBuffers() {}

  /** This thread's buffer, emptied (or a fresh one when it is in use); release it after sending. */
  static ResultBuffers take() {
    ResultBuffers buffers = THREAD.get();
    if (buffers.busy) {
      buffers = new ResultBuffers();
    }
    buffers.busy = true;
    buffers.bytes.clear();
    return buffers;
  }

  GrowableBytes bytes() {
    return bytes;
  }

  /** The bytes written so far, as a view valid until the next write or {@link #release()}. */
  DirectBuffer written() {
    view.wrap(bytes.array(), 0, bytes.size());
    return view;
  }

  void release() {
    busy = false;
    if (bytes.array().length > KEEP_BYTES) {
      bytes = new GrowableBytes(1024);
    }
  }
}
