package io.nemeton.bench;

import java.nio.charset.StandardCharsets;

/**
 * Pronounceable made-up words built from a fixed syllable table, each a pure function of a numeric
 * key, so a pool of millions of distinct names (users, pages, places) costs no memory and a key
 * always names the same thing. A few syllables carry accents so the output exercises UTF-8.
 *
 * <p>Immutable and thread-safe; appending does not allocate beyond the buffer's own growth.
 */
public final class SyntheticNames {
  private static final String[] SYLLABLES = {
      "ka", "lo", "mi", "ne", "ra", "su", "to", "vi", "an", "el", "or", "ur", "ba", "de", "fi", "go",
      "ha", "ju", "ke", "li", "ma", "no", "pe", "qui", "ri", "sa", "ti", "va", "we", "xo", "ya", "ze",
      "bar", "cor", "dan", "fel", "gar", "hol", "ton", "ber", "ster", "wick", "mont", "vil", "burg", "sen", "ova", "ić",
      "lé", "rö", "nā", "sø", "ça", "ño", "ger", "lin", "ham", "ford", "dal", "berg", "stad", "port", "ville", "son"};
  private static final byte[][] LOWER = encode(false);
  private static final byte[][] CAPITALISED = encode(true);

  private SyntheticNames() {}

  /**
   * Appends {@code wordCount} capitalised words separated by spaces, each of two to four
   * syllables, all determined by {@code key}.
   */
  public static void appendWords(TextBuffer out, long key, int wordCount) {
    for (int word = 0; word < wordCount; word++) {
      if (word > 0) {
        out.append(' ');
      }
      appendWord(out, DeterministicRandom.mix(key * 0x9E3779B97F4A7C15L + word));
    }
  }

  /** Appends one capitalised word of two to four syllables chosen by the bits of {@code bits}. */
  public static void appendWord(TextBuffer out, long bits) {
    final int syllables = 2 + (int) Long.remainderUnsigned(bits, 3);
    long rest = bits >>> 8;
    out.append(CAPITALISED[(int) (rest & 63)]);
    for (int i = 1; i < syllables; i++) {
      rest >>>= 6;
      out.append(LOWER[(int) (rest & 63)]);
    }
  }

  private static byte[][] encode(boolean capitalised) {
    final byte[][] encoded = new byte[SYLLABLES.length][];
    for (int i = 0; i < SYLLABLES.length; i++) {
      final String syllable = SYLLABLES[i];
      final String text = capitalised ? Character.toUpperCase(syllable.charAt(0)) + syllable.substring(1) : syllable;
      encoded[i] = text.getBytes(StandardCharsets.UTF_8);
    }
    return encoded;
  }
}
