package io.nemeton.metadata;

/**
 * Why a metadata store call failed. The HTTP layer maps each code to Druid's error JSON and an
 * HTTP status in one place; callers branch on the code, never on message text.
 */
public enum MetadataErrorCode {
  /** An argument broke a documented limit (empty id, bad JSON, end before start...). */
  INVALID_INPUT,
  /** The row the call needs (a task, a segment) does not exist. */
  NOT_FOUND,
  /** The write would break a uniqueness or state rule (duplicate segment id, finished task). */
  CONFLICT,
  /** The stored commit metadata of a datasource was not the one the publish expected. */
  COMMIT_METADATA_MISMATCH,
  /** The database holds a schema this build cannot use (newer than it knows). */
  SCHEMA_MISMATCH,
  /** The database cannot be reached or is locked or out of resources; try again later. */
  UNAVAILABLE,
  /** The store was closed before the call. */
  CLOSED,
  /** Any other database failure. */
  FAILED
}
