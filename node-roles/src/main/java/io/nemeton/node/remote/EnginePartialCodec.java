package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.wire.PartialFormatException;
import io.nemeton.engine.wire.PartialResults;
import io.nemeton.memory.GrowableBytes;

/**
 * The cluster's partial-result codec: the engine's wire format ({@code vector-engine/WIRE.md}),
 * which carries every query type's partial, sketches and first/last states included. Stateless
 * and thread-safe; allocates its output.
 */
public final class EnginePartialCodec implements PartialCodec {

  @Override
  public byte[] encode(Query query, PartialResult partial) {
    return PartialResults.encode(query, partial);
  }

  @Override
  public void encode(Query query, PartialResult partial, GrowableBytes out) {
    PartialResults.encode(query, partial, out);
  }

  @Override
  public PartialResult decode(Query query, byte[] bytes, int offset, int length) {
    try {
      return PartialResults.decode(query, bytes, offset, length);
    } catch (PartialFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
