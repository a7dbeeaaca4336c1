package io.nemeton.bitmap;

/**
 * Bytes that are not a well-formed bitmap region: too small, a wrong magic or cookie, a count or an
 * offset outside what the region can hold, or Roaring containers that break the portable format's
 * rules. The message names the region part, the value found and the limit it broke.
 *
 * <p>An {@link IllegalArgumentException} because the bytes are the caller's input; a segment loader
 * reports it as a corrupt segment and fetches the file again.
 */
public final class BitmapFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BitmapFormatException(String message) {
    super(message);
  }
}
