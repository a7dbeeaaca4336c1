package io.nemeton.memory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-wide accounting of off-heap bytes per tag and of open file mappings.
 *
 * <p>Thread-safe. Every {@link OffHeapBuffer} adds its size under its tag while open, and every
 * {@link MappedFile} counts as one open mapping (and its size under {@link #MAPPED_TAG}) while
 * open. Tests compare {@link #snapshot()} before and after to find leaks.
 */
public final class MemoryAccounting {
  /** Tag under which mapped file bytes are counted. */
  public static final String MAPPED_TAG = "mapped";

  private static final ConcurrentHashMap<String, AtomicLong> BYTES_BY_TAG = new ConcurrentHashMap<>();
  private static final AtomicInteger OPEN_MAPPINGS = new AtomicInteger();

  private MemoryAccounting() {}

  static void add(String tag, long sizeBytes) {
    BYTES_BY_TAG.computeIfAbsent(tag, t -> new AtomicLong()).addAndGet(sizeBytes);
  }

  static void mappingOpened(long sizeBytes) {
    OPEN_MAPPINGS.incrementAndGet();
    add(MAPPED_TAG, sizeBytes);
  }

  static void mappingClosed(long sizeBytes) {
    OPEN_MAPPINGS.decrementAndGet();
    add(MAPPED_TAG, -sizeBytes);
  }

  /** Bytes currently held under {@code tag}. */
  public static long allocatedBytes(String tag) {
    AtomicLong counter = BYTES_BY_TAG.get(tag);
    return counter == null ? 0 : counter.get();
  }

  /** Bytes currently held under all tags except mappings. */
  public static long totalAllocatedBytes() {
    long total = 0;
    for (Map.Entry<String, AtomicLong> entry : BYTES_BY_TAG.entrySet()) {
      if (!entry.getKey().equals(MAPPED_TAG)) {
        total += entry.getValue().get();
      }
    }
    return total;
  }

  /** Number of {@link MappedFile}s currently open. */
  public static int openMappings() {
    return OPEN_MAPPINGS.get();
  }

  /** A copy of the non-zero byte counts per tag, sorted by tag, plus the open mapping count. */
  public static Snapshot snapshot() {
    TreeMap<String, Long> bytes = new TreeMap<>();
    for (Map.Entry<String, AtomicLong> entry : BYTES_BY_TAG.entrySet()) {
      long value = entry.getValue().get();
      if (value != 0) {
        bytes.put(entry.getKey(), value);
      }
    }
    return new Snapshot(Map.copyOf(bytes), OPEN_MAPPINGS.get());
  }

  /** Off-heap bytes per tag and open mappings at one moment. */
  public record Snapshot(Map<String, Long> bytesByTag, int openMappings) {
    @Override
    public String toString() {
      return "bytesByTag=" + new TreeMap<>(bytesByTag) + " openMappings=" + openMappings;
    }
  }
}
