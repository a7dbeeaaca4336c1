package io.nemeton.bitmap.internal;

import io.nemeton.memory.GrowableBytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes an ascending run of ints straight into the portable Roaring format, choosing for each
 * container what {@code RoaringBitmap.runOptimize()} would choose (a run container when it is
 * strictly smaller than the array or bitmap form), so the bytes equal those of the library's
 * {@code runOptimize(); serialize()} without building a bitmap object.
 *
 * <p>Not thread-safe: an instance keeps per-container scratch arrays that it grows and reuses, so
 * writing a million small bitmaps allocates nothing per bitmap.
 */
public final class PortableRoaringEncoder {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte ARRAY = 0;
  private static final byte BITMAP = 1;
  private static final byte RUN = 2;

  private int[] keys;
  private int[] cardinalities;
  private int[] runCounts;
  private int[] ends;
  private byte[] types;

  /** An encoder for small bitmaps: room for 16 containers, grown as needed. */
  public PortableRoaringEncoder() {
    this(16);
  }

  /**
   * An encoder with room for {@code containers} containers before it grows. A long-lived encoder
   * sized for its usual bitmaps never grows on them, so growing stays a branch that only unusually
   * large bitmaps take, not one every new encoder takes once (the JIT compiles a branch it has
   * never seen taken as a trap, and taking it discards the compiled code around it).
   */
  public PortableRoaringEncoder(int containers) {
    final int capacity = Math.max(1, Math.min(PortableRoaringFormat.MAX_CONTAINERS, containers));
    keys = new int[capacity];
    cardinalities = new int[capacity];
    runCounts = new int[capacity];
    ends = new int[capacity];
    types = new byte[capacity];
  }

  /**
   * Appends {@code values[from, to)} as one portable bitmap and returns the bytes written; an
   * empty range writes nothing and returns 0. Values must be ascending as unsigned ints; equal
   * neighbours are written once.
   *
   * @throws IllegalArgumentException naming the position when a value is below its predecessor
   */
  public int write(int[] values, int from, int to, GrowableBytes out) {
    if (from >= to) {
      return 0;
    }
    final int containers = analyze(values, from, to);
    boolean hasRuns = false;
    long containerBytes = 0;
    for (int k = 0; k < containers; k++) {
      final int plain = PortableRoaringFormat.plainContainerBytes(cardinalities[k]);
      final int run = PortableRoaringFormat.runContainerBytes(runCounts[k]);
      if (run < plain) {
        types[k] = RUN;
        hasRuns = true;
        containerBytes += run;
      } else {
        types[k] = cardinalities[k] <= PortableRoaringFormat.ARRAY_MAX_CARDINALITY ? ARRAY : BITMAP;
        containerBytes += plain;
      }
    }
    final int header = PortableRoaringFormat.headerBytes(containers, hasRuns);
    final long total = header + containerBytes;
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("bitmap of " + (to - from) + " values would take " + total + " bytes");
    }
    final int at = out.skip((int) total);
    final byte[] bytes = out.array();
    writeHeader(bytes, at, containers, hasRuns, header);
    int position = at + header;
    int start = from;
    for (int k = 0; k < containers; k++) {
      final int end = ends[k];
      switch (types[k]) {
        case ARRAY -> position = writeArray(values, start, end, bytes, position);
        case BITMAP -> position = writeBitmap(values, start, end, bytes, position);
        default -> position = writeRuns(values, start, end, runCounts[k], bytes, position);
      }
      start = end;
    }
    return (int) total;
  }

  /**
   * The bytes {@link #write} would append for {@code values[from, to)}, without writing them; same
   * rules and checks.
   */
  public long sizeBytes(int[] values, int from, int to) {
    if (from >= to) {
      return 0;
    }
    final int containers = analyze(values, from, to);
    boolean hasRuns = false;
    long containerBytes = 0;
    for (int k = 0; k < containers; k++) {
      final int plain = PortableRoaringFormat.plainContainerBytes(cardinalities[k]);
      final int run = PortableRoaringFormat.runContainerBytes(runCounts[k]);
      hasRuns |= run < plain;
      containerBytes += Math.min(run, plain);
    }
    return PortableRoaringFormat.headerBytes(containers, hasRuns) + containerBytes;
  }

  /** Splits the values into containers; fills keys, cardinalities, run counts and ends. */
  private int analyze(int[] values, int from, int to) {
    int containers = 0;
    int previousKey = -1;
    int i = from;
    while (i < to) {
      final int first = values[i];
      final int key = first >>> 16;
      if (key <= previousKey) {
        throw outOfOrder(values, i);
      }
      int cardinality = 1;
      int runs = 1;
      int previous = first;
      i++;
      while (i < to) {
        final int value = values[i];
        if ((value >>> 16) != key) {
          break;
        }
        if (value != previous) {
          if (Integer.compareUnsigned(value, previous) < 0) {
            throw outOfOrder(values, i);
          }
          cardinality++;
          runs += value == previous + 1 ? 0 : 1;
          previous = value;
        }
        i++;
      }
      if (containers == keys.length) {
        grow();
      }
      keys[containers] = key;
      cardinalities[containers] = cardinality;
      runCounts[containers] = runs;
      ends[containers] = i;
      containers++;
      previousKey = key;
    }
    return containers;
  }

  private static IllegalArgumentException outOfOrder(int[] values, int index) {
    return new IllegalArgumentException(
        "values must ascend: value[" + index + "]=" + Integer.toUnsignedString(values[index])
            + " is below value[" + (index - 1) + "]=" + Integer.toUnsignedString(values[index - 1]));
  }

  private void grow() {
    final int capacity = Math.min(PortableRoaringFormat.MAX_CONTAINERS, keys.length * 2);
    keys = Arrays.copyOf(keys, capacity);
    cardinalities = Arrays.copyOf(cardinalities, capacity);
    runCounts = Arrays.copyOf(runCounts, capacity);
    ends = Arrays.copyOf(ends, capacity);
    types = Arrays.copyOf(types, capacity);
  }

  private void writeHeader(byte[] bytes, int at, int containers, boolean hasRuns, int header) {
    int position;
    if (hasRuns) {
      INT.set(bytes, at, PortableRoaringFormat.COOKIE_WITH_RUNS | ((containers - 1) << 16));
      final int marks = at + 4;
      final int markBytes = (containers + 7) / 8;
      Arrays.fill(bytes, marks, marks + markBytes, (byte) 0);
      for (int k = 0; k < containers; k++) {
        if (types[k] == RUN) {
          bytes[marks + (k >>> 3)] |= (byte) (1 << (k & 7));
        }
      }
      position = marks + markBytes;
    } else {
      INT.set(bytes, at, PortableRoaringFormat.COOKIE_NO_RUNS);
      INT.set(bytes, at + 4, containers);
      position = at + 8;
    }
    for (int k = 0; k < containers; k++) {
      SHORT.set(bytes, position, (short) keys[k]);
      SHORT.set(bytes, position + 2, (short) (cardinalities[k] - 1));
      position += 4;
    }
    if (!hasRuns || containers >= PortableRoaringFormat.OFFSETS_FROM_CONTAINERS) {
      int containerOffset = header;
      for (int k = 0; k < containers; k++) {
        INT.set(bytes, position, containerOffset);
        position += 4;
        containerOffset += types[k] == RUN
            ? PortableRoaringFormat.runContainerBytes(runCounts[k])
            : PortableRoaringFormat.plainContainerBytes(cardinalities[k]);
      }
    }
  }

  private static int writeArray(int[] values, int start, int end, byte[] bytes, int position) {
    int previous = ~values[start];
    for (int i = start; i < end; i++) {
      final int value = values[i];
      if (value != previous) {
        SHORT.set(bytes, position, (short) value);
        position += 2;
        previous = value;
      }
    }
    return position;
  }

  /** Little-endian int64 words: bit b of the container is bit (b & 7) of byte b >>> 3. */
  private static int writeBitmap(int[] values, int start, int end, byte[] bytes, int position) {
    Arrays.fill(bytes, position, position + PortableRoaringFormat.BITMAP_CONTAINER_BYTES, (byte) 0);
    for (int i = start; i < end; i++) {
      final int low = values[i] & 0xFFFF;
      bytes[position + (low >>> 3)] |= (byte) (1 << (low & 7));
    }
    return position + PortableRoaringFormat.BITMAP_CONTAINER_BYTES;
  }

  private static int writeRuns(int[] values, int start, int end, int runs, byte[] bytes, int position) {
    SHORT.set(bytes, position, (short) runs);
    position += 2;
    int runStart = values[start] & 0xFFFF;
    int previous = runStart;
    for (int i = start + 1; i < end; i++) {
      final int low = values[i] & 0xFFFF;
      if (low != previous + 1 && low != previous) {
        SHORT.set(bytes, position, (short) runStart);
        SHORT.set(bytes, position + 2, (short) (previous - runStart));
        position += 4;
        runStart = low;
      }
      previous = low;
    }
    SHORT.set(bytes, position, (short) runStart);
    SHORT.set(bytes, position + 2, (short) (previous - runStart));
    return position + 4;
  }
}
