package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same seed, same bytes, whatever the thread count; another seed, other bytes. */
class DeterminismTest {
  private static final int ROWS = 3 * BlockParallelWriter.BLOCK_ROWS + 123;

  @Test
  void paperOutputDependsOnlyOnTheSeed() {
    for (OutputFormat format : OutputFormat.values()) {
      final byte[] single = Generated.bytes(Dataset.PAPER, ROWS, 42, format, 1, false);
      assertArrayEquals(single, Generated.bytes(Dataset.PAPER, ROWS, 42, format, 1, false), format.optionName());
      assertArrayEquals(single, Generated.bytes(Dataset.PAPER, ROWS, 42, format, 3, false), format.optionName());
      assertArrayEquals(single, Generated.bytes(Dataset.PAPER, ROWS, 42, format, 8, false), format.optionName());
      assertFalse(Arrays.equals(single, Generated.bytes(Dataset.PAPER, ROWS, 43, format, 1, false)), format.optionName());
    }
  }

  @Test
  void wikipediaOutputDependsOnlyOnTheSeed() {
    final byte[] single = Generated.bytes(Dataset.WIKIPEDIA, ROWS, 42, OutputFormat.JSON_LINES, 1, false);
    assertArrayEquals(single, Generated.bytes(Dataset.WIKIPEDIA, ROWS, 42, OutputFormat.JSON_LINES, 4, false));
    assertFalse(Arrays.equals(single, Generated.bytes(Dataset.WIKIPEDIA, ROWS, 43, OutputFormat.JSON_LINES, 1, false)));
  }

  /** Paper rows do not depend on how many rows follow them, so a small file is a prefix of a large one. */
  @Test
  void shorterPaperDataSetIsAPrefixOfALongerOne() {
    final String[] shorter = Generated.paperLines(10_000, 5, OutputFormat.CSV);
    final String[] longer = Generated.paperLines(20_000, 5, OutputFormat.CSV);
    assertArrayEquals(shorter, Arrays.copyOf(longer, shorter.length));
  }

  @Test
  void emptyDataSetIsHeaderOnly() {
    assertEquals(String.join(",", PaperSchema.COLUMNS) + "\n",
        new String(Generated.bytes(Dataset.PAPER, 0, 1, OutputFormat.CSV, 2, false), java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(0, Generated.bytes(Dataset.WIKIPEDIA, 0, 1, OutputFormat.JSON_LINES, 2, false).length);
  }

  /**
   * Pins data version {@link PaperSchema#DATA_VERSION} 1. If this fails the generator's output
   * changed: if that was intended, raise {@code DATA_VERSION} (cached files are named by it) and
   * update the digests.
   */
  @Test
  void goldenDigestsPinTheDataDefinition() {
    assertEquals(1, PaperSchema.DATA_VERSION);
    assertEquals("2026-01-01T15:23:48.026Z,uif6h,a8,b1s,ck,d550,8774,205033723,819.87,0.4854",
        Generated.paperLines(1, 42, OutputFormat.CSV)[1]);
    assertEquals(PAPER_CSV_10000_SEED_42, Generated.sha256(Generated.bytes(Dataset.PAPER, 10_000, 42, OutputFormat.CSV, 2, false)));
    assertEquals(WIKIPEDIA_10000_SEED_42, Generated.sha256(Generated.bytes(Dataset.WIKIPEDIA, 10_000, 42, OutputFormat.JSON_LINES, 2, false)));
  }

  private static final String PAPER_CSV_10000_SEED_42 = "2a16b772f8e8e5a47537a274582a61e257f5942a06ec83352da831fcc66c23d8";
  private static final String WIKIPEDIA_10000_SEED_42 = "689f3892d10a8047a8f75869d848de0cbf9b669fbcffb38699be56a536d34f2b";
}
