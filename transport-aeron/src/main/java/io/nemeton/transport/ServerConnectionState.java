package io.nemeton.transport;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server's view of one client connection: where answers go and the requests in flight. The
 * mutable timing fields belong to the server's agent thread; the request map is shared with the
 * workers that finish requests.
 */
final class ServerConnectionState {
  final int sessionId;
  final long connectionId;
  final String clientName;
  final FramePublication response;
  /** Largest result chunk of one PARTIAL frame on this connection. */
  final int chunkBytes;
  final long timeoutMs;
  final ConcurrentHashMap<Long, ServerCall> calls = new ConcurrentHashMap<>();
  /**
   * Control frames (errors, heartbeats) and results of requests answered on the agent thread that
   * could not be offered yet because of back-pressure; the agent sends them in order.
   */
  final ArrayDeque<byte[]> pendingControl = new ArrayDeque<>();
  final long openedAtMs;
  long lastHeardMs;
  long lastSentMs;
  boolean welcomed;
  volatile boolean closed;

  ServerConnectionState(int sessionId, long connectionId, String clientName, FramePublication response,
      int chunkBytes, long timeoutMs, long nowMs) {
    this.sessionId = sessionId;
    this.connectionId = connectionId;
    this.clientName = clientName;
    this.response = response;
    this.chunkBytes = chunkBytes;
    this.timeoutMs = timeoutMs;
    this.openedAtMs = nowMs;
    this.lastHeardMs = nowMs;
    this.lastSentMs = nowMs;
  }

  String describe() {
    return "client=" + clientName + " connection=" + connectionId + " session=" + sessionId + " response="
        + response.channel() + "/" + response.streamId();
  }
}
