package io.nemeton.codecs;

/** An encoded block that cannot be decoded: unknown encoding, impossible header, or truncated. */
public final class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }
}
