package io.nemeton.transport;

/**
 * Counters of a {@link QueryServer} since it started; a snapshot, immutable.
 *
 * @param connections client connections open now
 * @param queriesReceived QUERY frames accepted and handed to a worker
 * @param queriesCompleted requests that ended with their last result
 * @param queriesFailed requests that ended with an ERROR (including refusals)
 * @param queriesAborted requests that stopped on cancellation, deadline, client loss or close
 * @param cancelsReceived CANCEL frames that matched a request in flight
 * @param framesRejected frames refused by validation
 * @param backPressureRetries offers that found the client's stream full and were retried
 */
public record QueryServerStats(
    long connections,
    long queriesReceived,
    long queriesCompleted,
    long queriesFailed,
    long queriesAborted,
    long cancelsReceived,
    long framesRejected,
    long backPressureRetries) {}
