package io.nemeton.engine.kernel;

import jdk.incubator.vector.VectorShape;

/**
 * The set of batch kernels one query runs on, all of one {@link KernelMode}: chosen once when the
 * query is planned and handed to its aggregators and filters, so each call site sees one kernel
 * implementation per batch and none inside a loop.
 *
 * <p>Immutable and thread-safe, as are the stateless kernel families it returns.
 */
public final class Kernels {
  private static final Kernels SCALAR =
      new Kernels(
          KernelMode.SCALAR,
          ScalarLongKernels.INSTANCE,
          ScalarDoubleKernels.INSTANCE,
          ScalarFloatKernels.INSTANCE,
          ScalarCountKernels.INSTANCE,
          ScalarSelectionKernels.INSTANCE);

  private final KernelMode mode;
  private final LongKernels longs;
  private final DoubleKernels doubles;
  private final FloatKernels floats;
  private final CountKernels counts;
  private final SelectionKernels selections;

  private Kernels(
      KernelMode mode,
      LongKernels longs,
      DoubleKernels doubles,
      FloatKernels floats,
      CountKernels counts,
      SelectionKernels selections) {
    this.mode = mode;
    this.longs = longs;
    this.doubles = doubles;
    this.floats = floats;
    this.counts = counts;
    this.selections = selections;
  }

  /** The scalar reference kernels; always available. */
  public static Kernels scalar() {
    return SCALAR;
  }

  /**
   * The kernels of {@code mode}.
   *
   * @throws IllegalStateException for {@link KernelMode#SIMD} when {@link #simdSupported()} is
   *     false, naming what is missing
   */
  public static Kernels of(KernelMode mode) {
    return switch (mode) {
      case SCALAR -> SCALAR;
      case SIMD -> {
        if (!simdSupported()) {
          throw new IllegalStateException(
              "kernel mode SIMD needs the jdk.incubator.vector module"
                  + " (--add-modules=jdk.incubator.vector) and vectors of at least 256 bits;"
                  + " use KernelMode.SCALAR or Kernels.bestMode()");
        }
        yield SimdHolder.KERNELS;
      }
    };
  }

  /**
   * Whether the SIMD kernels can run here: the Vector API module is present and the CPU's
   * preferred vectors are at least 256 bits wide (narrower ones would fall back to slow emulation).
   */
  public static boolean simdSupported() {
    return SimdSupport.SUPPORTED;
  }

  /** {@link KernelMode#SIMD} where supported, else {@link KernelMode#SCALAR}. */
  public static KernelMode bestMode() {
    return simdSupported() ? KernelMode.SIMD : KernelMode.SCALAR;
  }

  public KernelMode mode() {
    return mode;
  }

  public LongKernels longs() {
    return longs;
  }

  public DoubleKernels doubles() {
    return doubles;
  }

  public FloatKernels floats() {
    return floats;
  }

  public CountKernels counts() {
    return counts;
  }

  public SelectionKernels selections() {
    return selections;
  }

  @Override
  public String toString() {
    return "Kernels[" + mode + "]";
  }

  /** Loaded only when SIMD kernels are asked for, so a JVM without the module never links them. */
  private static final class SimdHolder {
    static final Kernels KERNELS =
        new Kernels(
            KernelMode.SIMD,
            SimdLongKernels.INSTANCE,
            SimdDoubleKernels.INSTANCE,
            SimdFloatKernels.INSTANCE,
            SimdCountKernels.INSTANCE,
            SimdSelectionKernels.INSTANCE);
  }

  private static final class SimdSupport {
    static final boolean SUPPORTED = check();

    private static boolean check() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return false;
      }
      return VectorShape.preferredShape().vectorBitSize() >= 256;
    }
  }
}
