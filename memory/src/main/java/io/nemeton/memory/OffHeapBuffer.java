package io.nemeton.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An aligned, zeroed off-heap buffer counted under an accounting tag while open.
 *
 * <p>Not thread-safe to close concurrently with use; the segment may be read and written from any
 * thread while open (shared arena). Valid until {@link #close()}.
 */
public final class OffHeapBuffer implements AutoCloseable {
  /** Default alignment: one cache line, also enough for every Vector API species on AVX-512. */
  public static final long CACHE_LINE_BYTES = 64;

  private final String tag;
  private final Arena arena;
  private final MemorySegment segment;
  private boolean closed;

  private OffHeapBuffer(String tag, Arena arena, MemorySegment segment) {
    this.tag = tag;
    this.arena = arena;
    this.segment = segment;
  }

  /** Allocates {@code sizeBytes} aligned to a cache line. */
  public static OffHeapBuffer allocate(String tag, long sizeBytes) {
    return allocate(tag, sizeBytes, CACHE_LINE_BYTES);
  }

  /**
   * Allocates {@code sizeBytes} aligned to {@code alignmentBytes} (a power of two).
   *
   * @throws IllegalArgumentException naming the value when size is negative or alignment is not a
   *     power of two
   */
  public static OffHeapBuffer allocate(String tag, long sizeBytes, long alignmentBytes) {
    if (tag == null || tag.isEmpty()) {
      throw new IllegalArgumentException("off-heap tag must be non-empty");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("tag=" + tag + ": sizeBytes=" + sizeBytes + " must be >= 0");
    }
    if (alignmentBytes <= 0 || Long.bitCount(alignmentBytes) != 1) {
      throw new IllegalArgumentException(
          "tag=" + tag + ": alignmentBytes=" + alignmentBytes + " must be a power of two");
    }
    Arena arena = Arena.ofShared();
    MemorySegment segment = arena.allocate(sizeBytes, alignmentBytes);
    MemoryAccounting.add(tag, sizeBytes);
    return new OffHeapBuffer(tag, arena, segment);
  }

  public String tag() {
    return tag;
  }

  public MemorySegment segment() {
    return segment;
  }

  public long sizeBytes() {
    return segment.byteSize();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      arena.close();
      MemoryAccounting.add(tag, -segment.byteSize());
    }
  }
}
