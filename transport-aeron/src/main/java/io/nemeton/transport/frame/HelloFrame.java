package io.nemeton.transport.frame;

/**
 * A decoded HELLO: a client opens a connection and says where the server should send its answers.
 *
 * <pre>
 * payload: responseStreamId int32 | heartbeatIntervalMs int32 | maxPayloadBytes int32
 *          | responseChannel str16 | clientName str16
 * </pre>
 *
 * @param connectionId the client's id for this connection (the header's request id), echoed in WELCOME
 * @param maxPayloadBytes the largest frame payload the client accepts
 */
public record HelloFrame(
    long connectionId,
    int responseStreamId,
    int heartbeatIntervalMs,
    int maxPayloadBytes,
    String responseChannel,
    String clientName) {}
