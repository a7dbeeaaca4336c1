package io.nemeton.bitmap;

/**
 * Dictionary ids {@code [startId, endId)}; empty when {@code endId <= startId}.
 *
 * <p>Immutable.
 */
public record IdRange(int startId, int endId) {
  public boolean isEmpty() {
    return endId <= startId;
  }

  public int size() {
    return isEmpty() ? 0 : endId - startId;
  }
}
