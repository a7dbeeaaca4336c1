package io.nemeton.engine.wire;

/**
 * Encoded partial-result bytes that cannot be decoded: a wrong version or query-type tag, a length
 * or count past the end of the buffer, an unknown value tag, a value of the wrong shape for its
 * field, a sketch that does not deserialize, or bytes left over. The message names the field, the
 * offending value and the limit it broke, with the byte offset.
 *
 * <p>Decoding throws only this exception on bad input: a data node or a cache entry sending garbage
 * must fail the one query cleanly, never with an {@code ArrayIndexOutOfBoundsException} or an
 * out-of-memory.
 */
public final class PartialFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PartialFormatException(String message) {
    super(message);
  }

  public PartialFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
