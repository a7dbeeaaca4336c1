package io.nemeton.metadata;

import java.util.Objects;

/**
 * A failed metadata store call. The message names the store, the operation, the table and the
 * ids or values involved; {@link #code()} says which kind of failure it was. Unchecked, because
 * callers either let it reach the HTTP boundary or branch on the code.
 */
public class MetadataStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MetadataErrorCode code;

  public MetadataStoreException(MetadataErrorCode code, String message) {
    this(code, message, null);
  }

  public MetadataStoreException(MetadataErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public MetadataErrorCode code() {
    return code;
  }

  /**
   * True when the database was away (unreachable, locked, out of resources) rather than the call
   * being wrong: the coordinator then keeps its last view instead of acting on an empty one.
   */
  public boolean isUnavailable() {
    return code == MetadataErrorCode.UNAVAILABLE;
  }
}
