package io.nemeton.metadata;

import io.nemeton.metadata.internal.JsonPayloads;

/**
 * A compare-and-swap of a datasource's commit metadata (for streams: the offsets the published
 * segments cover), applied in the same transaction as a publish so that segments and offsets
 * move together or not at all. Validated on construction; immutable.
 *
 * @param expectedJson the metadata the publisher last read, or null when it expects none stored
 *     yet; compared as JSON values (key order and spacing do not matter)
 * @param newJson the metadata to store, a JSON object
 */
public record CommitMetadataUpdate(String expectedJson, String newJson) {
  public CommitMetadataUpdate {
    if (expectedJson != null) {
      JsonPayloads.object("commit metadata expected", expectedJson);
    }
    JsonPayloads.object("commit metadata new", newJson);
  }
}
