package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The historical's parsed broker queries, by their exact bytes: a dashboard or a benchmark asks
 * the same few queries again and again, and parsing the JSON costs more than running a small query
 * over a few small segments. Queries are immutable, so one parsed instance serves every request
 * with the same bytes. Bounded: past {@link #CAPACITY} entries the cache starts over (a simple
 * bound that never grows; the working set of repeated queries refills it at once).
 *
 * <p>Thread-safe. Allocates a key per lookup, and the parse on a miss.
 */
final class ParsedQueries {
  static final int CAPACITY = 256;

  private final ConcurrentHashMap<Key, Parsed> parsed = new ConcurrentHashMap<>();

  /** A parsed query and how long answering it took per segment last time (for {@link HistoricalQueryHandler#answersInline}). */
  static final class Parsed {
    final Query query;
    volatile long nanosPerSegment = Long.MAX_VALUE;

    Parsed(Query query) {
      this.query = query;
    }
  }

  /**
   * The query in {@code remoteQuery} ({@link RemoteLayout} bytes), parsed once per distinct bytes.
   *
   * @throws IllegalArgumentException or the engine's QueryException as {@link QueryParser#parse} does
   */
  Parsed parse(byte[] remoteQuery) {
    final Key key = new Key(remoteQuery);
    final Parsed known = parsed.get(key);
    if (known != null) {
      return known;
    }
    final Parsed fresh = new Parsed(QueryParser.parse(RemoteLayout.queryJson(remoteQuery)));
    if (parsed.size() >= CAPACITY) {
      parsed.clear();
    }
    parsed.put(key, fresh);
    return fresh;
  }

  /** The entry of {@code remoteQuery} when it was parsed before, else null; never parses. */
  Parsed known(byte[] remoteQuery) {
    return parsed.get(new Key(remoteQuery));
  }

  int size() {
    return parsed.size();
  }

  /** The bytes as a map key (compared by content; the array is not copied and must not change). */
  private static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.hash == hash && Arrays.equals(key.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
