package io.nemeton.node.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /status} and {@code GET /status/health}. {@code version} is the Druid API version this
 * server is compatible with, because Druid clients gate features on it; Nemeton's own version is
 * in {@code nemetonVersion}. Stateless.
 */
final class StatusEndpoints {
  /** The Druid release whose HTTP API and query semantics Nemeton follows. */
  static final String DRUID_COMPATIBLE_VERSION = "33.0.0";
  /** Nemeton's own version. */
  static final String NEMETON_VERSION = "0.1.0-SNAPSHOT";

  private StatusEndpoints() {}

  static void register(Router router) {
    router.add("GET", "/status", request -> HttpAnswer.json(200, status()));
    router.add("GET", "/status/health", request -> HttpAnswer.json(200, Boolean.TRUE));
  }

  static Map<String, Object> status() {
    final Runtime runtime = Runtime.getRuntime();
    final Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("maxMemory", runtime.maxMemory());
    memory.put("totalMemory", runtime.totalMemory());
    memory.put("freeMemory", runtime.freeMemory());
    memory.put("usedMemory", runtime.totalMemory() - runtime.freeMemory());
    final Map<String, Object> status = new LinkedHashMap<>();
    status.put("version", DRUID_COMPATIBLE_VERSION);
    status.put("nemetonVersion", NEMETON_VERSION);
    status.put("modules", List.of());
    status.put("memory", memory);
    return status;
  }
}
