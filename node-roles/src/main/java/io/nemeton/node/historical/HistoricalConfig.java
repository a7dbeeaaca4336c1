package io.nemeton.node.historical;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How one historical runs. Validated on construction; a bad value fails naming the property, the
 * value and the rule. Immutable.
 *
 * @param name unique among the cluster's historicals (its znodes are keyed by it), e.g. host:port
 * @param host where other nodes reach it
 * @param ports named ports it listens on (e.g. {@code http}), announced as they are
 * @param tier the tier the coordinator's rules place replicas in, {@link #DEFAULT_TIER} by default
 * @param cacheDir the local segment cache; what it holds is served again after a restart
 * @param maxSizeBytes the most segment bytes it serves; loads past it are refused
 */
public record HistoricalConfig(String name, String host, Map<String, Integer> ports, String tier,
    Path cacheDir, long maxSizeBytes) {
  public static final String DEFAULT_TIER = "_default_tier";

  public HistoricalConfig {
    requireText("historical.name", name);
    requireText("historical.host", host);
    requireText("historical.tier", tier);
    Objects.requireNonNull(ports, "historical.ports");
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      if (port.getValue() == null || port.getValue() < 0 || port.getValue() > 65_535) {
        throw new IllegalArgumentException("historical.ports." + port.getKey() + "="
            + port.getValue() + " must be in [0, 65535]");
      }
    }
    ports = Map.copyOf(ports);
    if (cacheDir == null) {
      throw new IllegalArgumentException("historical.cacheDir must be set");
    }
    if (maxSizeBytes <= 0) {
      throw new IllegalArgumentException("historical.maxSizeBytes=" + maxSizeBytes + " must be > 0");
    }
  }

  /** A historical in the default tier, announcing its HTTP port. */
  public static HistoricalConfig of(String name, String host, int httpPort, Path cacheDir, long maxSizeBytes) {
    return new HistoricalConfig(name, host, Map.of("http", httpPort), DEFAULT_TIER, cacheDir, maxSizeBytes);
  }

  /** The same config in another tier. */
  public HistoricalConfig withTier(String newTier) {
    return new HistoricalConfig(name, host, ports, newTier, cacheDir, maxSizeBytes);
  }

  private static void requireText(String property, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(property + "='" + value + "' must be a non-empty name");
    }
  }
}
