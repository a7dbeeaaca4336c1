package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Native queries parsed once per distinct text: a dashboard sends the same few query bodies again
 * and again, and parsing one allocates more than answering a small one. Queries are immutable and
 * {@link QueryParser#parse} depends on the text alone, so one parsed instance serves every request
 * with the same text; a text that fails to parse is not kept (it fails again, the same way).
 * Bounded: past {@link #CAPACITY} entries (or for texts over {@link #MAX_TEXT_CHARS}, never kept)
 * the cache starts over.
 *
 * <p>Thread-safe. Allocates only on a miss.
 */
public final class ParsedQueryTexts {
  public static final int CAPACITY = 256;
  public static final int MAX_TEXT_CHARS = 16 * 1024;

  private final ConcurrentHashMap<String, Query> parsed = new ConcurrentHashMap<>();

  /**
   * The query in {@code text}.
   *
   * @throws IllegalArgumentException or the engine's QueryException as {@link QueryParser#parse} does
   */
  public Query parse(String text) {
    if (text.length() > MAX_TEXT_CHARS) {
      return QueryParser.parse(text);
    }
    final Query known = parsed.get(text);
    if (known != null) {
      return known;
    }
    final Query fresh = QueryParser.parse(text);
    if (parsed.size() >= CAPACITY) {
      parsed.clear();
    }
    parsed.put(text, fresh);
    return fresh;
  }

  public int size() {
    return parsed.size();
  }
}
