package io.nemeton.transport.frame;

/**
 * Upper bounds a decoder enforces on a frame before it trusts any of it. Immutable; thread-safe.
 *
 * @param maxPayloadBytes largest payload of one frame
 * @param maxQueryBytes largest query text in a QUERY frame
 * @param maxSegments most segment ids in one QUERY frame
 * @param maxSegmentIdBytes longest segment id (UTF-8 bytes)
 * @param maxNameBytes longest channel, client or server name, error code and error class (UTF-8)
 * @param maxErrorMessageBytes longest error message (UTF-8); senders truncate to fit
 */
public record FrameLimits(
    int maxPayloadBytes,
    int maxQueryBytes,
    int maxSegments,
    int maxSegmentIdBytes,
    int maxNameBytes,
    int maxErrorMessageBytes) {

  /** Defaults sized for a broker fanning one query out over many thousands of segments. */
  public static final FrameLimits DEFAULT = new FrameLimits(16 << 20, 4 << 20, 100_000, 1024, 1024, 16 << 10);

  public FrameLimits {
    positive("maxPayloadBytes", maxPayloadBytes);
    positive("maxQueryBytes", maxQueryBytes);
    positive("maxSegments", maxSegments);
    positive("maxSegmentIdBytes", maxSegmentIdBytes);
    positive("maxNameBytes", maxNameBytes);
    positive("maxErrorMessageBytes", maxErrorMessageBytes);
    if (maxSegmentIdBytes > 0xFFFF || maxNameBytes > 0xFFFF) {
      throw new IllegalArgumentException(
          "frame limits: maxSegmentIdBytes=" + maxSegmentIdBytes + " maxNameBytes=" + maxNameBytes
              + " limit=65535 (two-byte length prefix)");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("frame limits: " + name + "=" + value + " must be > 0");
    }
  }
}
