package io.nemeton.metadata;

/**
 * The database could not be used just now: it was unreachable, the connection broke, the file
 * stayed locked past the busy timeout, or it ran out of resources. Nothing was changed by the
 * failed call, except when a commit itself broke off, where the outcome is unknown (the message
 * says so). Callers keep their last known view and retry later.
 */
public final class MetadataStoreUnavailableException extends MetadataStoreException {
  private static final long serialVersionUID = 1L;

  public MetadataStoreUnavailableException(String message, Throwable cause) {
    super(MetadataErrorCode.UNAVAILABLE, message, cause);
  }
}
