package io.nemeton.node.indexing;

/**
 * A task spec that cannot be run. The message starts with the path of the bad field
 * ({@code spec.ioConfig.inputSource.baseDir: ...}); the HTTP gateway answers it with 400.
 */
public final class TaskSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskSpecException(String message) {
    super(message);
  }

  public TaskSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
