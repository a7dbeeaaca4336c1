package io.nemeton.engine.groupby;

/**
 * A group-by structure would need more memory than its configured limit. Thrown before anything is
 * allocated, so the query fails cleanly (Druid answers this case with its "Resource limit
 * exceeded" error) instead of the JVM running out of memory. The message names the structure, what
 * needed the memory, the bytes needed and the limit.
 */
public final class GroupByResourceLimitExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long requiredBytes;
  private final long limitBytes;

  public GroupByResourceLimitExceededException(
      String message, long requiredBytes, long limitBytes) {
    super(message);
    this.requiredBytes = requiredBytes;
    this.limitBytes = limitBytes;
  }

  /** Bytes the structure would have held at once. */
  public long requiredBytes() {
    return requiredBytes;
  }

  /** The limit it was given. */
  public long limitBytes() {
    return limitBytes;
  }
}
