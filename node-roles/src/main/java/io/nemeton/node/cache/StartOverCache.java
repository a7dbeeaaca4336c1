package io.nemeton.node.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed from keys, kept for the few keys a workload repeats (dashboards send the same
 * queries again and again). Bounded without bookkeeping per hit: once {@code capacity} entries are
 * kept, the next miss empties the cache and it starts over. Only for values that depend on the key
 * alone, so a recomputed value equals the one dropped; a key whose computation throws is not kept.
 *
 * <p>Thread-safe; two threads missing one key at once may both compute it. Allocates only on a
 * miss.
 */
public final class StartOverCache<K, V> {
  private final int capacity;
  private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();

  /** @param capacity the most entries kept, at least 1 */
  public StartOverCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity=" + capacity + ": must be at least 1");
    }
    this.capacity = capacity;
  }

  /** The value of {@code key}: the kept one, or {@code compute}'s, then kept. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    final V known = values.get(key);
    if (known != null) {
      return known;
    }
    final V fresh = compute.apply(key);
    if (values.size() >= capacity) {
      values.clear();
    }
    values.put(key, fresh);
    return fresh;
  }

  public int size() {
    return values.size();
  }
}
