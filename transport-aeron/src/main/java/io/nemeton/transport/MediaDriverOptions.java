package io.nemeton.transport;

import io.aeron.driver.ThreadingMode;

/**
 * How an embedded media driver runs. Immutable; thread-safe.
 *
 * @param threading {@code SHARED} runs the driver on one thread (small nodes, tests); {@code
 *     DEDICATED} gives conductor, sender and receiver a thread each (busy nodes)
 * @param termBufferBytes term length of UDP publications, a power of two in [64 KiB, 1 GiB]; the
 *     largest message is an eighth of it, and three terms are mapped per publication
 * @param ipcTermBufferBytes the same for IPC publications
 * @param maxParkMicros longest sleep of an idle driver thread; bounds the latency added after idleness
 */
public record MediaDriverOptions(ThreadingMode threading, int termBufferBytes, int ipcTermBufferBytes, long maxParkMicros) {
  private static final int MIN_TERM = 64 << 10;
  private static final int MAX_TERM = 1 << 30;

  /** Shared threading, 16 MiB terms (2 MiB messages), 1 ms longest park. */
  public static final MediaDriverOptions DEFAULT = new MediaDriverOptions(ThreadingMode.SHARED, 16 << 20, 16 << 20, 1000);

  public MediaDriverOptions {
    if (threading == null) {
      throw new IllegalArgumentException("media driver threading is null");
    }
    checkTerm("termBufferBytes", termBufferBytes);
    checkTerm("ipcTermBufferBytes", ipcTermBufferBytes);
    if (maxParkMicros < 1 || maxParkMicros > 1_000_000) {
      throw new IllegalArgumentException("media driver maxParkMicros=" + maxParkMicros + " limit=[1, 1000000]");
    }
  }

  private static void checkTerm(String name, int bytes) {
    if (bytes < MIN_TERM || bytes > MAX_TERM || Integer.bitCount(bytes) != 1) {
      throw new IllegalArgumentException(
          "media driver " + name + "=" + bytes + " must be a power of two in [" + MIN_TERM + ", " + MAX_TERM + "]");
    }
  }

  public MediaDriverOptions withTermBufferBytes(int udpBytes, int ipcBytes) {
    return new MediaDriverOptions(threading, udpBytes, ipcBytes, maxParkMicros);
  }

  public MediaDriverOptions withThreading(ThreadingMode mode) {
    return new MediaDriverOptions(mode, termBufferBytes, ipcTermBufferBytes, maxParkMicros);
  }
}
