package io.nemeton.engine.run;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;

/**
 * Picks the engine for a query, once, when it is planned (never in the middle of a scan): the SIMD
 * engine when the node has one and the query context allows it ({@code vectorize} true, the
 * default, or {@code force}), else the scalar reference. {@code vectorize: false} always gets the
 * reference; {@code force} without a SIMD engine is refused. Both engines give the same answers.
 *
 * <p>Immutable and thread-safe; does not own the engines.
 */
public final class EngineChoice {
  private final Engine reference;
  private final Engine vectorized;

  /** @param vectorized the SIMD engine, or null when the node has none */
  public EngineChoice(Engine reference, Engine vectorized) {
    this.reference = java.util.Objects.requireNonNull(reference, "reference");
    this.vectorized = vectorized;
  }

  public Engine choose(Query query) {
    return switch (query.context().vectorize()) {
      case FALSE -> reference;
      case TRUE -> vectorized != null ? vectorized : reference;
      case FORCE -> {
        if (vectorized == null) {
          throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
              "context.vectorize=force but this node has no SIMD engine; use vectorize=true or false");
        }
        yield vectorized;
      }
    };
  }
}
