package io.nemeton.bench;

import java.nio.charset.StandardCharsets;

/**
 * The fixed value lists of the Wikipedia-edits schema, each already encoded as a JSON string
 * (quotes included) so rows are written by copying bytes. Lists are ordered most frequent first;
 * the encoder draws positions from Zipf samplers.
 *
 * <p>Constants only; immutable and thread-safe.
 */
final class WikipediaVocabulary {
  /** The 51 language editions that appear in the Druid tutorial sample, in its frequency order. */
  static final byte[][] CHANNELS = json(prefixed("#", ".wikipedia",
      "en", "vi", "de", "fr", "ru", "it", "es", "zh", "uz", "ja", "pl", "ko", "ca", "pt", "nl", "ar", "hu",
      "uk", "el", "he", "sv", "fi", "cs", "fa", "tr", "no", "sr", "hy", "id", "da", "ro", "bg", "gl", "ce",
      "et", "simple", "sk", "la", "be", "nn", "eo", "hr", "sl", "lt", "hi", "sh", "eu", "ms", "kk", "war",
      "min"));

  /** ISO 3166 codes and English names, pairwise, most frequent first; the first must be the US. */
  private static final String[] COUNTRY_PAIRS = {
      "US", "United States", "IT", "Italy", "GB", "United Kingdom", "FR", "France", "RU", "Russia",
      "JP", "Japan", "DE", "Germany", "BR", "Brazil", "IN", "India", "KR", "Republic of Korea",
      "CA", "Canada", "TW", "Taiwan", "ES", "Spain", "PH", "Philippines", "PL", "Poland",
      "CO", "Colombia", "AU", "Australia", "HK", "Hong Kong", "MX", "Mexico", "UA", "Ukraine",
      "AR", "Argentina", "IL", "Israel", "NL", "Netherlands", "CL", "Chile", "TR", "Turkey",
      "FI", "Finland", "SE", "Sweden", "RS", "Serbia", "IR", "Iran", "ID", "Indonesia",
      "CZ", "Czech Republic", "VN", "Vietnam", "GR", "Greece", "MY", "Malaysia", "BE", "Belgium",
      "RO", "Romania", "HU", "Hungary", "NO", "Norway", "NZ", "New Zealand", "PT", "Portugal",
      "TH", "Thailand", "DK", "Denmark", "PE", "Peru", "VE", "Venezuela", "HR", "Croatia",
      "AE", "United Arab Emirates", "CN", "China", "IE", "Ireland", "CH", "Switzerland", "UY", "Uruguay",
      "SG", "Singapore", "KZ", "Kazakhstan", "SK", "Slovakia", "AT", "Austria", "SA", "Saudi Arabia",
      "PK", "Pakistan", "BY", "Belarus", "BD", "Bangladesh", "ZA", "South Africa", "BG", "Bulgaria",
      "CI", "Côte d'Ivoire", "RE", "Réunion", "CW", "Curaçao", "AX", "Åland"};

  static final byte[][] COUNTRY_CODES = json(every(COUNTRY_PAIRS, 0));
  static final byte[][] COUNTRY_NAMES = json(every(COUNTRY_PAIRS, 1));

  /** Namespaces: the article namespace first, then talk, user and project pages in several languages. */
  static final String[] NAMESPACE_NAMES = {
      "Main", "Wikipedia", "User talk", "User", "Talk", "Category", "Template", "Benutzer",
      "Discussioni utente", "Wikipédia", "Discussion", "Discussion utilisateur", "Anexo", "Projet",
      "Diskussion", "Category talk", "Draft", "Portal", "Википедия", "Categoria", "File",
      "Benutzer Diskussion", "Wikipedia talk", "ファイル", "Обсуждение", "Utilisateur", "Catégorie",
      "Usuario", "Wikipedysta", "Kategori", "Portail", "Template talk"};
  static final byte[][] NAMESPACES = json(NAMESPACE_NAMES);

  /** Page-title prefixes for each namespace ({@code "Talk:"}); empty for the article namespace. */
  static final byte[][] PAGE_PREFIXES = pagePrefixes();

  static final byte[][] ROBOT_COMMENTS = utf8(
      "clean up using [[Project:AWB|AWB]]", "fix using [[Project:AWB|AWB]]", "AlphamaEditor",
      "Bot: Adding categories", "Robot: Removing interwiki links, now provided by [[d:|Wikidata]]",
      "fix CS1 date errors", "Bot: Updating statistics", "Robot: Fixing double redirect",
      "Bot: Tagging for speedy deletion", "Bot: Replacing deprecated template parameters",
      "Archiving 2 discussions", "Bot: Adding authority control");

  static final byte[][] HUMAN_PHRASES = utf8(
      "fixed typo", "copyedit", "added reference", "removed unsourced content", "update",
      "added project", "expanded", "reply", "rv vandalism", "formatting", "added image", "wikilinks",
      "correction", "new section", "Reverted edits", "grammar", "added category", "sources", "infobox");

  static final byte[][] BOT_SUFFIXES = utf8("Bot", "-bot", "AWB", "Bot!", "bot");

  private WikipediaVocabulary() {}

  private static String[] prefixed(String prefix, String suffix, String... names) {
    final String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = prefix + names[i] + suffix;
    }
    return out;
  }

  private static String[] every(String[] pairs, int offset) {
    final String[] out = new String[pairs.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = pairs[2 * i + offset];
    }
    return out;
  }

  private static byte[][] pagePrefixes() {
    final byte[][] prefixes = new byte[NAMESPACE_NAMES.length][];
    prefixes[0] = new byte[0];
    for (int i = 1; i < prefixes.length; i++) {
      prefixes[i] = utf8(NAMESPACE_NAMES[i] + ":")[0];
    }
    return prefixes;
  }

  /** The raw UTF-8 of each text; the texts hold no character JSON would need escaped. */
  private static byte[][] utf8(String... texts) {
    final byte[][] out = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      requireNoEscapes(texts[i]);
      out[i] = texts[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /** Each text as a quoted JSON string in UTF-8. */
  private static byte[][] json(String... texts) {
    final byte[][] out = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      requireNoEscapes(texts[i]);
      out[i] = ("\"" + texts[i] + "\"").getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static void requireNoEscapes(String text) {
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        throw new IllegalStateException("vocabulary text=" + text + " index=" + i + ": holds a character JSON must escape");
      }
    }
  }
}
