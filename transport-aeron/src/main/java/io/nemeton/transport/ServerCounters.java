package io.nemeton.transport;

import java.util.concurrent.atomic.LongAdder;

/** Live counters shared by a server's agent and workers. Thread-safe. */
final class ServerCounters {
  final LongAdder connections = new LongAdder();
  final LongAdder queriesReceived = new LongAdder();
  final LongAdder queriesCompleted = new LongAdder();
  final LongAdder queriesFailed = new LongAdder();
  final LongAdder queriesAborted = new LongAdder();
  final LongAdder cancelsReceived = new LongAdder();
  final LongAdder framesRejected = new LongAdder();
  final LongAdder backPressureRetries = new LongAdder();

  QueryServerStats snapshot() {
    return new QueryServerStats(connections.sum(), queriesReceived.sum(), queriesCompleted.sum(),
        queriesFailed.sum(), queriesAborted.sum(), cancelsReceived.sum(), framesRejected.sum(),
        backPressureRetries.sum());
  }
}
