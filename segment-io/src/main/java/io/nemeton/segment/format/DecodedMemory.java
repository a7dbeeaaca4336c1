package io.nemeton.segment.format;

import io.nemeton.memory.OffHeapBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The off-heap buffers an open segment decodes lazily (front-coded dictionaries in their flat form),
 * counted under {@link #TAG} and freed together when the segment closes.
 *
 * <p>Thread-safe. {@link #allocate} after {@link #close} throws {@link IllegalStateException}, as any
 * other use of a closed segment does.
 */
final class DecodedMemory implements AutoCloseable {
  /** The accounting tag of decoded segment data. */
  static final String TAG = "segment-decoded";

  private final List<OffHeapBuffer> buffers = new ArrayList<>();
  private boolean closed;

  /** A zeroed buffer of {@code sizeBytes}, freed when the segment closes. */
  synchronized OffHeapBuffer allocate(String owner, long sizeBytes) {
    if (closed) {
      throw new IllegalStateException(owner + ": segment is closed");
    }
    OffHeapBuffer buffer = OffHeapBuffer.allocate(TAG, sizeBytes, 8);
    buffers.add(buffer);
    return buffer;
  }

  /** Off-heap bytes currently held. */
  synchronized long sizeBytes() {
    long total = 0;
    for (OffHeapBuffer buffer : buffers) {
      total += buffer.sizeBytes();
    }
    return total;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      for (OffHeapBuffer buffer : buffers) {
        buffer.close();
      }
      buffers.clear();
    }
  }
}
