package io.nemeton.node.cache;

import io.nemeton.memory.OffHeapBuffer;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker's cache of per-segment partial results of immutable (historical) segments: encoded
 * bytes kept off-heap ({@link OffHeapBuffer} under {@link #MEMORY_TAG}), least recently used
 * first out, bounded by {@code capacityBytes} (values plus keys). A value larger than an eighth of
 * the capacity is not kept, so one big answer cannot empty the cache.
 *
 * <p>Thread-safe (one lock; lookups copy the value out, so no caller holds off-heap memory).
 * {@link #get} and {@link #put} allocate the copies. {@link #close()} frees everything.
 */
public final class SegmentResultCache implements AutoCloseable {
  public static final String MEMORY_TAG = "broker-result-cache";

  private final long capacityBytes;
  private final LinkedHashMap<ResultCacheKey, OffHeapBuffer> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long sizeBytes;
  private long hits;
  private long misses;
  private long evictions;
  private boolean closed;

  public SegmentResultCache(long capacityBytes) {
    if (capacityBytes < 1) {
      throw new IllegalArgumentException("result cache capacityBytes=" + capacityBytes + " must be >= 1");
    }
    this.capacityBytes = capacityBytes;
  }

  /** A copy of the cached bytes, or null on a miss. */
  public synchronized byte[] get(ResultCacheKey key) {
    final OffHeapBuffer buffer = closed ? null : entries.get(key);
    if (buffer == null) {
      misses++;
      return null;
    }
    hits++;
    return buffer.segment().toArray(ValueLayout.JAVA_BYTE);
  }

  /** Keeps a copy of {@code value} under {@code key}, evicting the least recently used as needed. */
  public synchronized void put(ResultCacheKey key, byte[] value) {
    final long entryBytes = (long) value.length + key.sizeBytes();
    if (closed || entryBytes > capacityBytes / 8 || value.length == 0) {
      return;
    }
    final OffHeapBuffer old = entries.remove(key);
    if (old != null) {
      sizeBytes -= old.sizeBytes() + key.sizeBytes();
      old.close();
    }
    final Iterator<Map.Entry<ResultCacheKey, OffHeapBuffer>> eldest = entries.entrySet().iterator();
    while (sizeBytes + entryBytes > capacityBytes && eldest.hasNext()) {
      final Map.Entry<ResultCacheKey, OffHeapBuffer> out = eldest.next();
      sizeBytes -= out.getValue().sizeBytes() + out.getKey().sizeBytes();
      out.getValue().close();
      eldest.remove();
      evictions++;
    }
    final OffHeapBuffer buffer = OffHeapBuffer.allocate(MEMORY_TAG, value.length, 8);
    MemorySegment.copy(MemorySegment.ofArray(value), 0, buffer.segment(), 0, value.length);
    entries.put(key, buffer);
    sizeBytes += entryBytes;
  }

  public synchronized long sizeBytes() {
    return sizeBytes;
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  public synchronized int entries() {
    return entries.size();
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  public synchronized long evictions() {
    return evictions;
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (OffHeapBuffer buffer : entries.values()) {
      buffer.close();
    }
    entries.clear();
    sizeBytes = 0;
  }
}
