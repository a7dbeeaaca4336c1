package io.nemeton.node.coordinator;

import io.nemeton.node.zookeeper.LoadInstruction;
import io.nemeton.node.zookeeper.NodeAnnouncement;
import java.util.Map;
import java.util.Set;

/**
 * One historical as ZooKeeper shows it to the coordinator: its announcement, the segment ids it
 * announces, and the instructions waiting in its queue. Immutable.
 */
public record HistoricalState(NodeAnnouncement node, Set<String> served,
    Map<String, LoadInstruction.Action> queued) {

  public HistoricalState {
    served = Set.copyOf(served);
    queued = Map.copyOf(queued);
  }
}
