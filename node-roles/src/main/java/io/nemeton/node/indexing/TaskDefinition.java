package io.nemeton.node.indexing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.ingest.spec.IngestSpecException;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.time.IsoTimestamps;
import java.util.random.RandomGenerator;

/**
 * A submitted batch task, validated: its id, type ({@code index_parallel} or {@code index}),
 * datasource, whether it appends to existing segments, the ingestion spec, and the JSON as
 * submitted. Immutable.
 */
record TaskDefinition(String id, String type, String dataSource, boolean appendToExisting, IngestionSpec spec,
    String json) {
  static final int MAX_ID_CHARS = 255;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RANDOM_ID_LETTERS = 8;

  /**
   * Parses a task (or a bare {@code {dataSchema, ioConfig, tuningConfig}} spec, run as {@code
   * index_parallel}); a spec without an {@code id} gets Druid's kind of id, {@code
   * type_dataSource_random_time}.
   *
   * @throws TaskSpecException naming the first bad field
   */
  static TaskDefinition parse(String json, long nowMs, RandomGenerator random) {
    final IngestionSpec spec;
    try {
      spec = IngestionSpec.parse(json);
    } catch (IngestSpecException e) {
      throw new TaskSpecException(e.getMessage(), e);
    }
    final JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new TaskSpecException("task is not valid JSON: " + e.getOriginalMessage(), e);
    }
    final boolean bare = root.has("dataSchema");
    final String type = bare ? "index_parallel" : root.path("type").asText("index_parallel");
    final JsonNode ioConfig = bare ? root.path("ioConfig") : root.path("spec").path("ioConfig");
    final String appendPath = (bare ? "" : "spec.") + "ioConfig.appendToExisting";
    final JsonNode append = ioConfig.path("appendToExisting");
    if (!append.isMissingNode() && !append.isNull() && !append.isBoolean()) {
      throw new TaskSpecException(appendPath + "=" + append + ": must be true or false");
    }
    // Druid's dropExisting replaces time chunks the new data leaves empty with tombstones; ignoring
    // it would leave old rows visible where Druid shows none, so it is refused until built.
    final JsonNode dropExisting = ioConfig.path("dropExisting");
    if (dropExisting.isBoolean() && dropExisting.booleanValue()) {
      throw new TaskSpecException((bare ? "" : "spec.") + "ioConfig.dropExisting=true: is not supported yet"
          + " (tombstones for emptied time chunks); use false, or delete the old segments first");
    }
    final JsonNode idNode = root.path("id");
    final String id;
    if (idNode.isMissingNode() || idNode.isNull()) {
      id = type + "_" + spec.dataSource() + "_" + randomLetters(random) + "_" + IsoTimestamps.format(nowMs);
    } else if (!idNode.isTextual()) {
      throw new TaskSpecException("id=" + idNode + ": must be a string");
    } else {
      id = checkId(idNode.asText());
    }
    return new TaskDefinition(id, type, spec.dataSource(), append.asBoolean(false), spec, json);
  }

  /** Ids end up in paths and URLs: no '/', no whitespace or control characters, not "." or "..". */
  static String checkId(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
      throw new TaskSpecException("id=\"" + id + "\": must have 1 to " + MAX_ID_CHARS + " characters, has "
          + id.length());
    }
    if (id.startsWith(".")) {
      throw new TaskSpecException("id=\"" + id + "\": must not start with '.'");
    }
    for (int i = 0; i < id.length(); i++) {
      final char c = id.charAt(i);
      if (c == '/' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new TaskSpecException("id=\"" + id + "\": must not contain '/', '\\\\', whitespace or control"
            + " characters (found one at index " + i + ")");
      }
    }
    return id;
  }

  private static String randomLetters(RandomGenerator random) {
    final char[] letters = new char[RANDOM_ID_LETTERS];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }
}
