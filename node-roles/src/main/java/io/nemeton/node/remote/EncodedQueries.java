package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's sub-query bytes ({@link RemoteLayout#query}) by query value: writing a query's JSON
 * costs more allocation than everything else the broker does for a small query, and a dashboard
 * asks the same few queries again and again. The key is the query without its execution ids
 * ({@link RemoteLayout#withoutIds}), compared by value (queries are immutable records), so equal
 * keys always have equal bytes; a query whose parts compare by identity (a compiled pattern) just
 * misses. Bounded: past {@link #CAPACITY} entries the cache starts over.
 *
 * <p>Thread-safe. Allocates the query without ids (when it has ids) per lookup, and the bytes on a
 * miss. The returned arrays are shared: never modify them.
 */
public final class EncodedQueries {
  static final int CAPACITY = 256;

  private final ConcurrentHashMap<Query, byte[]> perSegment = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Query, byte[]> merged = new ConcurrentHashMap<>();

  /** {@code RemoteLayout.query(RemoteLayout.withoutIds(query).toJson(), perSegment)}, cached. */
  public byte[] bytes(Query query, boolean perSegmentResults) {
    final Query key = RemoteLayout.withoutIds(query);
    final ConcurrentHashMap<Query, byte[]> cache = perSegmentResults ? perSegment : merged;
    final byte[] known = cache.get(key);
    if (known != null) {
      return known;
    }
    final byte[] fresh = RemoteLayout.query(key.toJson(), perSegmentResults);
    if (cache.size() >= CAPACITY) {
      cache.clear();
    }
    cache.put(key, fresh);
    return fresh;
  }

  public int size() {
    return perSegment.size() + merged.size();
  }
}
