package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.node.cache.StartOverCache;
import java.util.function.Function;

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

  // non-capturing, so a lookup allocates no function object
  private static final Function<Query, byte[]> PER_SEGMENT = key -> RemoteLayout.query(key.toJson(), true);
  private static final Function<Query, byte[]> MERGED = key -> RemoteLayout.query(key.toJson(), false);

  private final StartOverCache<Query, byte[]> perSegment = new StartOverCache<>(CAPACITY);
  private final StartOverCache<Query, byte[]> merged = new StartOverCache<>(CAPACITY);

  /** {@code RemoteLayout.query(RemoteLayout.withoutIds(query).toJson(), perSegment)}, cached. */
  public byte[] bytes(Query query, boolean perSegmentResults) {
    final Query key = RemoteLayout.withoutIds(query);
    return perSegmentResults ? perSegment.get(key, PER_SEGMENT) : merged.get(key, MERGED);
  }

  public int size() {
    return perSegment.size() + merged.size();
  }
}
