package io.nemeton.segment;

import java.nio.charset.StandardCharsets;

/**
 * A string column's sorted dictionary held as UTF-8 bytes: value {@code i} is {@code
 * bytes[offsets[i], offsets[i + 1])}, values ascending in Java String order (UTF-16 code units) and
 * distinct, with null, when {@link #hasNull()}, at id 0 as an empty range. This is the form
 * ingestion already holds its values in, so a segment writer can front-code them without building
 * a {@code String} per value; {@link #strings()} gives the {@code String[]} form to readers that
 * want it.
 *
 * <p>The arrays are owned by this object (not copied) and must not change once it is built. The
 * constructor checks the shape only (O(1)); a segment writer checks the order, the offsets and the
 * encoding of every value. Not thread-safe for {@link #strings()}, which decodes once and caches.
 */
public final class Utf8Dictionary {
  private final byte[] bytes;
  private final int[] offsets;
  private final int cardinality;
  private final boolean hasNull;
  private String[] strings;

  /**
   * @param bytes the values' UTF-8 bytes, back to back
   * @param offsets at least {@code cardinality + 1} entries, {@code offsets[0] == 0}
   * @param cardinality the number of ids, null included
   * @param hasNull whether id 0 is null (then {@code offsets[1] == 0})
   * @throws IllegalArgumentException when the shape does not hold
   */
  public Utf8Dictionary(byte[] bytes, int[] offsets, int cardinality, boolean hasNull) {
    if (cardinality < 0 || offsets.length < cardinality + 1) {
      throw new IllegalArgumentException("cardinality=" + cardinality + " needs offsets length>="
          + (cardinality + 1L) + " but length=" + offsets.length);
    }
    if (offsets[0] != 0 || offsets[cardinality] > bytes.length || offsets[cardinality] < 0) {
      throw new IllegalArgumentException("offsets[0]=" + offsets[0] + " must be 0 and offsets[" + cardinality + "]="
          + offsets[cardinality] + " within bytes length=" + bytes.length);
    }
    if (hasNull && (cardinality == 0 || offsets[1] != 0)) {
      throw new IllegalArgumentException("null at id 0 needs an empty range: cardinality=" + cardinality
          + (cardinality == 0 ? "" : " offsets[1]=" + offsets[1]));
    }
    this.bytes = bytes;
    this.offsets = offsets;
    this.cardinality = cardinality;
    this.hasNull = hasNull;
  }

  /** The live value bytes; valid as long as this object. */
  public byte[] bytes() {
    return bytes;
  }

  /** The live offsets; entries {@code [0, cardinality]} are meaningful. */
  public int[] offsets() {
    return offsets;
  }

  public int cardinality() {
    return cardinality;
  }

  public boolean hasNull() {
    return hasNull;
  }

  /** The values as Strings (null first when present), decoded on the first call and cached. */
  public String[] strings() {
    String[] decoded = strings;
    if (decoded == null) {
      decoded = new String[cardinality];
      for (int id = hasNull ? 1 : 0; id < cardinality; id++) {
        decoded[id] = new String(bytes, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
      }
      strings = decoded;
    }
    return decoded;
  }
}
