package io.nemeton.node.http;

import io.nemeton.metadata.MetadataStore;
import io.nemeton.node.broker.Broker;
import io.nemeton.node.indexing.TaskService;
import io.nemeton.node.view.SegmentView;
import java.util.Objects;

/**
 * What the gateway answers from: the broker (queries, {@code /druid/v2/datasources}), the served
 * segments (coordinator views), the metadata store (rules, used segments, mark unused), the
 * indexer ({@code /druid/indexer/v1}) and a hook run after the gateway changed segments or rules
 * (so the coordinator looks again soon), and, in a cluster, where to forward paths another process
 * answers. {@code metadata} and {@code tasks} may be null: their
 * routes are then absent (404). Immutable; the parts are thread-safe.
 */
public record GatewayBackends(Broker broker, SegmentView view, MetadataStore metadata, TaskService tasks,
    Runnable segmentsChanged, ForwardTargets forward) {

  /**
   * A cluster process may leave out {@code broker} (no query routes) and {@code forward} (nothing
   * forwarded); {@code view} is needed with {@code metadata}.
   */
  public GatewayBackends {
    if (metadata != null) {
      Objects.requireNonNull(view, "view");
    }
    segmentsChanged = segmentsChanged == null ? () -> { } : segmentsChanged;
  }

  /** Every role in one process (single server), nothing forwarded. */
  public GatewayBackends(Broker broker, SegmentView view, MetadataStore metadata, TaskService tasks,
      Runnable segmentsChanged) {
    this(Objects.requireNonNull(broker, "broker"), Objects.requireNonNull(view, "view"), metadata, tasks,
        segmentsChanged, null);
  }
}
