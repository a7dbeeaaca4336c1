package io.nemeton.codecs.internal;

import jdk.incubator.vector.IntVector;

/**
 * Decides once, at class load, whether decoders use the Vector API kernels: only where 256-bit
 * vectors are native (the kernels are written for eight int lanes) and the module is present, and
 * unless {@code -Dnemeton.codecs.vector=false} turns them off. Thread-safe.
 */
public final class VectorSupport {
  /** The system property that turns vector kernels off when set to {@code false}. */
  public static final String PROPERTY = "nemeton.codecs.vector";
  public static final boolean ENABLED = detect();

  private VectorSupport() {}

  private static boolean detect() {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return false;
    }
    try {
      return IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    } catch (LinkageError missingModule) {
      // jdk.incubator.vector not resolved in this JVM: the scalar kernels are the whole decoder.
      return false;
    }
  }
}
