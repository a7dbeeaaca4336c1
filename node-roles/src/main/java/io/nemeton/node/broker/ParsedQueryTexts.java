package io.nemeton.node.broker;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.node.cache.StartOverCache;

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

  private final StartOverCache<String, Query> parsed = new StartOverCache<>(CAPACITY);

  /**
   * The query in {@code text}.
   *
   * @throws IllegalArgumentException or the engine's QueryException as {@link QueryParser#parse} does
   */
  public Query parse(String text) {
    if (text.length() > MAX_TEXT_CHARS) {
      return QueryParser.parse(text);
    }
    return parsed.get(text, QueryParser::parse);
  }

  public int size() {
    return parsed.size();
  }
}
