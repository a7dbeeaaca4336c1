package io.nemeton.node.coordinator;

/**
 * How one coordinator runs. Validated on construction, naming the property, value and rule.
 * Immutable.
 *
 * @param name this coordinator's id in the leader election (unique among coordinators)
 * @param periodMs time between runs while leading (single server: about a second)
 * @param maxMoves balancing moves in flight at most (0: no balancing)
 */
public record CoordinatorConfig(String name, long periodMs, int maxMoves) {
  public static final long MIN_PERIOD_MS = 10;
  public static final long MAX_PERIOD_MS = 3_600_000;
  public static final int DEFAULT_MAX_MOVES = 5;
  public static final int MAX_MAX_MOVES = 10_000;

  /** With {@link #DEFAULT_MAX_MOVES}. */
  public CoordinatorConfig(String name, long periodMs) {
    this(name, periodMs, DEFAULT_MAX_MOVES);
  }

  public CoordinatorConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("coordinator.name='" + name + "' must be a non-empty name");
    }
    if (periodMs < MIN_PERIOD_MS || periodMs > MAX_PERIOD_MS) {
      throw new IllegalArgumentException("coordinator.periodMs=" + periodMs + " must be in ["
          + MIN_PERIOD_MS + ", " + MAX_PERIOD_MS + "]");
    }
    if (maxMoves < 0 || maxMoves > MAX_MAX_MOVES) {
      throw new IllegalArgumentException("coordinator.maxMoves=" + maxMoves + " must be in [0, " + MAX_MAX_MOVES + "]");
    }
  }
}
