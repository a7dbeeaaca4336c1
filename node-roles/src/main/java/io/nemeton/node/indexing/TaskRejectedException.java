package io.nemeton.node.indexing;

/**
 * A well-formed task the indexer cannot take now: its queue is full or it is stopping. Nothing was
 * recorded; the client may retry later (the HTTP gateway answers 503).
 */
public final class TaskRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskRejectedException(String message) {
    super(message);
  }
}
