package io.nemeton.node.coordinator;

/**
 * What the coordinator's last run did, for logs and {@code /status}-style endpoints. Immutable.
 *
 * @param leader whether this coordinator leads now
 * @param outcome how the last run ended
 * @param message why it ended so (the failing store and its error when it changed nothing)
 * @param lastRunMs when the last run started, epoch ms (0 before the first)
 * @param runs runs done while leading
 * @param loadsAssigned load instructions written by the last completed run
 * @param dropsAssigned drop instructions written (or loads cancelled) by the last completed run
 * @param markedUnused overshadowed segments marked unused by the last completed run
 */
public record CoordinatorStatus(boolean leader, Outcome outcome, String message, long lastRunMs,
    long runs, int loadsAssigned, int dropsAssigned, int markedUnused) {

  /** How a run ended. */
  public enum Outcome {
    /** No run yet. */
    NOT_STARTED,
    /** Another coordinator leads; this one only watches. */
    NOT_LEADER,
    /** Compared wanted and actual state and wrote what differs. */
    DONE,
    /** The metadata store was away: nothing changed (status quo). */
    METADATA_UNAVAILABLE,
    /** ZooKeeper was away: nothing changed (status quo). */
    ZOOKEEPER_UNAVAILABLE,
    /** An unexpected fault; the message says which. */
    FAILED
  }

  static CoordinatorStatus initial() {
    return new CoordinatorStatus(false, Outcome.NOT_STARTED, "not run yet", 0, 0, 0, 0, 0);
  }
}
