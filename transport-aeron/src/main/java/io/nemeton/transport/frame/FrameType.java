package io.nemeton.transport.frame;

/**
 * The kinds of frame, with their one-byte wire codes and the header flags each may carry.
 * Immutable; thread-safe.
 */
public enum FrameType {
  /** Client to server: open a connection (request id = client's connection id). */
  HELLO(1, 0),
  /** Server to client: the connection is open (request id = the connection id from HELLO). */
  WELCOME(2, 0),
  /** Client to server: run a query. */
  QUERY(3, 0),
  /** Server to client: a chunk of a result, or the end of the response. */
  PARTIAL(4, FrameLayout.FLAG_LAST | FrameLayout.FLAG_CONTINUED | FrameLayout.FLAG_END_ONLY),
  /** Either way: a request (or, with request id 0, the connection) failed. */
  ERROR(5, 0),
  /** Client to server: stop working on a request. */
  CANCEL(6, 0),
  /** Either way: the sender is alive (request id 0). */
  HEARTBEAT(7, 0),
  /** Either way: the sender is closing the connection (request id 0). */
  GOODBYE(8, 0);

  private static final FrameType[] BY_CODE = new FrameType[9];

  static {
    for (FrameType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;
  private final int allowedFlags;

  FrameType(int code, int allowedFlags) {
    this.code = code;
    this.allowedFlags = allowedFlags;
  }

  public int code() {
    return code;
  }

  public int allowedFlags() {
    return allowedFlags;
  }

  /** The type for a wire code, or null when the code is unknown. */
  public static FrameType fromCode(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** Highest wire code in use, for error messages. */
  public static int maxCode() {
    return BY_CODE.length - 1;
  }
}
