package io.nemeton.node.cluster;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.transport.MediaDriverOptions;

/** The query engines and media driver options a cluster process starts with. Stateless. */
final class Engines {
  /**
   * Smaller terms than the transport's default: a cluster process has a few connections, and 4
   * MiB terms still carry 512 KiB messages (larger results are chunked).
   */
  static final MediaDriverOptions DRIVER = MediaDriverOptions.DEFAULT.withTermBufferBytes(4 << 20, 4 << 20);

  private Engines() {}

  /** The reference engine and, when the JVM has the Vector API and the config wants it, the SIMD one. */
  static EngineChoice start(NodeConfig config, StartedParts parts) {
    final EngineConfig engineConfig = EngineConfig.defaults().withThreads(config.queryThreads());
    final BatchEngine reference = parts.add(new BatchEngine(engineConfig));
    BatchEngine simd = null;
    if (config.simd()) {
      try {
        simd = parts.add(new BatchEngine(engineConfig, KernelMode.SIMD));
      } catch (IllegalStateException e) {
        System.getLogger(Engines.class.getName()).log(System.Logger.Level.WARNING,
            "no SIMD engine, queries use the scalar one: " + e.getMessage());
      }
    }
    return new EngineChoice(reference, simd);
  }
}
