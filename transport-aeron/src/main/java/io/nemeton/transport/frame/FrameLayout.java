package io.nemeton.transport.frame;

import java.nio.ByteOrder;

/**
 * Byte layout of one protocol frame: a fixed 24-byte header followed by a type-specific payload.
 * Every integer is little-endian (Aeron's own wire order). See {@code transport-aeron/PROTOCOL.md}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                     magic "NMTP" (0x50544D4E)                 |  0
 * +---------------+---------------+-------------------------------+
 * |  version (1)  |  frame type   |             flags             |  4
 * +---------------+---------------+-------------------------------+
 * |                                                               |  8
 * +                 request id (int64; 0 = connection)            +
 * |                                                               | 12
 * +---------------------------------------------------------------+
 * |                    payload length (int32)                     | 16
 * +---------------------------------------------------------------+
 * |        CRC32C of header bytes [0, 20) then the payload         | 20
 * +---------------------------------------------------------------+
 * |                      payload ...                              | 24
 * </pre>
 *
 * <p>Constants only; not instantiable.
 */
public final class FrameLayout {
  /** "NMTP" read as a little-endian int. */
  public static final int MAGIC = 0x50544D4E;
  public static final int VERSION = 1;

  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 4;
  public static final int TYPE_OFFSET = 5;
  public static final int FLAGS_OFFSET = 6;
  public static final int REQUEST_ID_OFFSET = 8;
  public static final int PAYLOAD_LENGTH_OFFSET = 16;
  public static final int CHECKSUM_OFFSET = 20;
  public static final int HEADER_LENGTH = 24;

  /** PARTIAL: no frame of this request follows. */
  public static final int FLAG_LAST = 0x1;
  /** PARTIAL: this chunk's result continues in the next PARTIAL frame. */
  public static final int FLAG_CONTINUED = 0x2;
  /** PARTIAL: the frame carries no result, it only ends the response (always with LAST). */
  public static final int FLAG_END_ONLY = 0x4;

  /** PARTIAL payload: the frame's sequence number within its request, from 0. */
  public static final int PARTIAL_SEQUENCE_LENGTH = 4;

  public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private FrameLayout() {}
}
