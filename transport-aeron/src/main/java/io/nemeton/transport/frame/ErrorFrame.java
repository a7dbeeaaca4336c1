package io.nemeton.transport.frame;

/**
 * A decoded ERROR: the request (or, with request id 0, the connection) failed.
 *
 * <pre>
 * payload: errorCode str16 | errorClass str16 | messageLength int32 | message bytes (UTF-8)
 * </pre>
 *
 * @param errorCode a Druid error code string such as {@code "Query timeout"}
 * @param errorClass the class of the failure on the side that reported it
 */
public record ErrorFrame(long requestId, String errorCode, String errorClass, String message) {}
