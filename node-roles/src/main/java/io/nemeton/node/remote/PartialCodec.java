package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.memory.GrowableBytes;

/**
 * Turns a query's partial result into bytes and back, so that a historical can send it to the
 * broker and the broker can keep it in its result cache. Both sides decode with the same query
 * they encoded with. Implementations are stateless and thread-safe.
 */
public interface PartialCodec {

  /**
   * The partial's bytes; a new array owned by the caller.
   *
   * @throws io.nemeton.engine.query.QueryException ({@code Unsupported operation}) when the partial
   *     holds a value the codec cannot carry
   */
  byte[] encode(Query query, PartialResult partial);

  /**
   * Appends the partial's bytes to {@code out} (the same bytes as {@link #encode(Query,
   * PartialResult)}), so a caller with a buffer of its own allocates no output array.
   */
  default void encode(Query query, PartialResult partial, GrowableBytes out) {
    out.write(encode(query, partial));
  }

  /**
   * The partial encoded in {@code bytes[offset, offset + length)}; the bytes are not kept.
   *
   * @throws IllegalArgumentException naming the field when the bytes are not a partial of this
   *     query's type
   */
  PartialResult decode(Query query, byte[] bytes, int offset, int length);
}
