package io.nemeton.node.broker;

import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;

/**
 * Thrown by a {@link PartialSource} when a segment of the plan is announced by no node any more
 * (dropped since the broker's timeline was read, e.g. an older version replaced by a newer one).
 * The broker plans the query again from a fresh timeline; if that keeps happening the client sees
 * {@code Query interrupted}. Immutable.
 */
public final class SegmentsGoneException extends QueryException {
  private static final long serialVersionUID = 1L;

  public SegmentsGoneException(String message) {
    super(QueryErrorCode.QUERY_INTERRUPTED, message);
  }
}
