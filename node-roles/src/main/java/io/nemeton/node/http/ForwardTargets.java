package io.nemeton.node.http;

/**
 * Where a gateway acting as Druid's router sends paths another process answers: the base URL
 * ({@code http://host:port}) for a request path, or null to answer it here. Implementations are
 * thread-safe and quick (called once per request).
 */
@FunctionalInterface
public interface ForwardTargets {
  String baseUrlFor(String path);
}
