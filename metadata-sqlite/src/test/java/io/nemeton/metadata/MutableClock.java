package io.nemeton.metadata;

import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand, so stored times can be asserted exactly. Thread-safe. */
final class MutableClock implements InstantSource {
  private volatile long nowMs;

  MutableClock(long startMs) {
    this.nowMs = startMs;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(nowMs);
  }

  @Override
  public long millis() {
    return nowMs;
  }

  void advance(long deltaMs) {
    nowMs += deltaMs;
  }
}
