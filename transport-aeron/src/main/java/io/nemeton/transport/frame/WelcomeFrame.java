package io.nemeton.transport.frame;

/**
 * A decoded WELCOME: the server accepted a HELLO and its answers now flow on the response channel.
 *
 * <pre>
 * payload: maxPayloadBytes int32 | heartbeatIntervalMs int32 | serverName str16
 * </pre>
 *
 * @param connectionId the id from the client's HELLO
 * @param maxPayloadBytes the largest frame payload the server sends on this connection
 */
public record WelcomeFrame(long connectionId, int maxPayloadBytes, int heartbeatIntervalMs, String serverName) {}
