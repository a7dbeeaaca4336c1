package io.nemeton.bench;

import java.nio.charset.StandardCharsets;

/**
 * Generates Wikipedia-edit-like events as JSON lines, with the twenty fields of the Druid
 * tutorial's {@code wikiticker} sample in the same order and with similar cardinalities, skew,
 * correlations and nulls (see {@code bench-data/README.md}).
 *
 * <p>Times are spread over {@value #DAY} and non-decreasing, as in the sample: row {@code i} of
 * {@code n} falls in its own slice {@code [i·D/n, (i+1)·D/n)} of the day. Absent values (geography
 * of logged-in edits, most metro codes) are left out of the object, or written as {@code null}
 * when {@code explicitNulls} is set, as the sample does.
 *
 * <p>Fields are correlated (robots edit with bot accounts and template comments; only anonymous
 * edits have geography), so a row is drawn field after field from one random stream per block.
 *
 * <p>Not thread-safe; use one instance per thread. Does not allocate per row.
 */
public final class WikipediaEditEncoder implements BlockEncoder {
  public static final String DAY = "2015-09-12";
  private static final int MILLIS_PER_DAY = 86_400_000;
  private static final int REGIONS_PER_COUNTRY = 40;
  private static final int CITIES_PER_REGION = 60;

  private static final ZipfSampler CHANNEL = new ZipfSampler(WikipediaVocabulary.CHANNELS.length, 1.2);
  private static final ZipfSampler COUNTRY = new ZipfSampler(WikipediaVocabulary.COUNTRY_CODES.length, 1.1);
  private static final ZipfSampler REGION = new ZipfSampler(REGIONS_PER_COUNTRY, 1.0);
  private static final ZipfSampler CITY = new ZipfSampler(CITIES_PER_REGION, 0.9);
  private static final ZipfSampler NAMESPACE = new ZipfSampler(WikipediaVocabulary.NAMESPACES.length, 2.8);
  private static final ZipfSampler PAGE = new ZipfSampler(5_000_000, 0.6);
  private static final ZipfSampler BOT = new ZipfSampler(200, 1.2);
  private static final ZipfSampler HUMAN = new ZipfSampler(300_000, 0.8);
  private static final ZipfSampler ROBOT_COMMENT = new ZipfSampler(WikipediaVocabulary.ROBOT_COMMENTS.length, 1.0);
  private static final ZipfSampler HUMAN_PHRASE = new ZipfSampler(WikipediaVocabulary.HUMAN_PHRASES.length, 1.0);
  private static final ZipfSampler SECTION = new ZipfSampler(200_000, 0.9);

  // Keys of the different name pools are salted apart so rank 1 of pages is not also rank 1 of users.
  private static final long PAGE_SALT = 0x5041474553414C54L;
  private static final long USER_SALT = 0x5553455253414C54L;
  private static final long BOT_SALT = 0x7E57B07L;
  private static final long SECTION_SALT = 0x3C3C3C3CL;
  private static final long TOPIC_SALT = 0x70C1C70C1CL;
  private static final long REGION_SALT = 0x5A5A5A5AL;

  private static final byte[] TIME_OPEN = ascii("{\"time\":\"" + DAY + "T");
  private static final byte[] CHANNEL_KEY = ascii("Z\",\"channel\":");
  private static final byte[] CITY_KEY = ascii(",\"cityName\":");
  private static final byte[] COMMENT_KEY = ascii(",\"comment\":\"");
  private static final byte[] COUNTRY_CODE_KEY = ascii(",\"countryIsoCode\":");
  private static final byte[] COUNTRY_NAME_KEY = ascii(",\"countryName\":");
  private static final byte[][] ANONYMOUS = flags("isAnonymous");
  private static final byte[][] MINOR = flags("isMinor");
  private static final byte[][] NEW = flags("isNew");
  private static final byte[][] ROBOT = flags("isRobot");
  private static final byte[][] UNPATROLLED = flags("isUnpatrolled");
  private static final byte[] METRO_KEY = ascii(",\"metroCode\":");
  private static final byte[] NAMESPACE_KEY = ascii(",\"namespace\":");
  private static final byte[] PAGE_KEY = ascii(",\"page\":\"");
  private static final byte[] REGION_CODE_KEY = ascii(",\"regionIsoCode\":");
  private static final byte[] REGION_NAME_KEY = ascii(",\"regionName\":");
  private static final byte[] USER_KEY = ascii(",\"user\":\"");
  private static final byte[] DELTA_KEY = ascii("\",\"delta\":");
  private static final byte[] ADDED_KEY = ascii(",\"added\":");
  private static final byte[] DELETED_KEY = ascii(",\"deleted\":");
  private static final byte[] NULL = ascii("null");
  private static final byte[] SECTION_OPEN = ascii("/* ");
  private static final byte[] SECTION_CLOSE = ascii(" */ ");
  private static final byte[] UNDID = ascii("Undid revision ");

  private final long seed;
  private final long totalRows;
  private final boolean explicitNulls;
  private final DeterministicRandom random = new DeterministicRandom(0);

  /**
   * @param totalRows rows in the whole data set; times are spread over the day by row position
   * @param explicitNulls write absent values as {@code null} instead of leaving the key out
   */
  public WikipediaEditEncoder(long seed, long totalRows, boolean explicitNulls) {
    if (totalRows < 0 || totalRows > BlockParallelWriter.MAX_ROWS) {
      throw new IllegalArgumentException("totalRows=" + totalRows + ": must be in [0, " + BlockParallelWriter.MAX_ROWS + "]");
    }
    this.seed = seed;
    this.totalRows = totalRows;
    this.explicitNulls = explicitNulls;
  }

  @Override
  public byte[] header() {
    return new byte[0];
  }

  @Override
  public void encode(long block, long firstRow, int rowCount, TextBuffer out) {
    if (rowCount < 0 || firstRow < 0 || firstRow + rowCount > totalRows) {
      throw new IllegalArgumentException("block=" + block + " firstRow=" + firstRow + " rowCount=" + rowCount + ": outside the data set of totalRows=" + totalRows);
    }
    final DeterministicRandom r = random;
    r.reset(DeterministicRandom.streamSeed(seed, block, 0));
    final double millisPerRow = (double) MILLIS_PER_DAY / totalRows;
    for (int i = 0; i < rowCount; i++) {
      final long row = firstRow + i;
      final long sliceStart = (long) (row * millisPerRow);
      final long sliceEnd = Math.min(MILLIS_PER_DAY, (long) ((row + 1) * millisPerRow));
      final long millisOfDay = sliceEnd > sliceStart ? sliceStart + r.nextLong(sliceEnd - sliceStart) : Math.min(sliceStart, MILLIS_PER_DAY - 1);

      final int channel = (int) CHANNEL.sample(r) - 1;
      final boolean robot = r.nextBoolean(0.39);
      final boolean anonymous = !robot && r.nextBoolean(0.16);
      final int country = anonymous ? (int) COUNTRY.sample(r) - 1 : -1;
      final long region = anonymous ? REGION.sample(r) : 0;
      final boolean hasRegion = anonymous && r.nextBoolean(0.55);
      final boolean hasCity = anonymous && r.nextBoolean(hasRegion ? 0.97 : 0.08);
      final long placeKey = DeterministicRandom.mix(country * 1_000L + region);
      final long cityKey = hasCity ? DeterministicRandom.mix(placeKey + CITY.sample(r)) : 0;
      final boolean hasMetro = hasCity && country == 0 && r.nextBoolean(0.8);
      final int namespace = (int) NAMESPACE.sample(r) - 1;
      final long page = PAGE.sample(r);
      final long added = r.nextBoolean(0.24) ? 0 : (long) Math.exp(r.nextDouble() * 7.5);
      final long deleted = r.nextBoolean(0.82) ? 0 : (long) Math.exp(r.nextDouble() * 6.5);

      out.append(TIME_OPEN);
      out.appendTimeOfDay((int) millisOfDay);
      out.append(CHANNEL_KEY);
      out.append(WikipediaVocabulary.CHANNELS[channel]);
      if (hasCity) {
        out.append(CITY_KEY);
        appendQuotedWords(out, cityKey, 1 + (int) (cityKey & 1));
      } else {
        appendNull(out, CITY_KEY);
      }
      out.append(COMMENT_KEY);
      appendComment(out, r, robot);
      out.append('"');
      if (anonymous) {
        out.append(COUNTRY_CODE_KEY);
        out.append(WikipediaVocabulary.COUNTRY_CODES[country]);
        out.append(COUNTRY_NAME_KEY);
        out.append(WikipediaVocabulary.COUNTRY_NAMES[country]);
      } else {
        appendNull(out, COUNTRY_CODE_KEY);
        appendNull(out, COUNTRY_NAME_KEY);
      }
      out.append(ANONYMOUS[anonymous ? 1 : 0]);
      out.append(MINOR[r.nextBoolean(0.44) ? 1 : 0]);
      out.append(NEW[r.nextBoolean(0.058) ? 1 : 0]);
      out.append(ROBOT[robot ? 1 : 0]);
      out.append(UNPATROLLED[r.nextBoolean(0.153) ? 1 : 0]);
      if (hasMetro) {
        out.append(METRO_KEY);
        out.appendLong(500 + Long.remainderUnsigned(cityKey, 382));
      } else {
        appendNull(out, METRO_KEY);
      }
      out.append(NAMESPACE_KEY);
      out.append(WikipediaVocabulary.NAMESPACES[namespace]);
      out.append(PAGE_KEY);
      out.append(WikipediaVocabulary.PAGE_PREFIXES[namespace]);
      SyntheticNames.appendWords(out, page ^ PAGE_SALT, 1 + (int) Long.remainderUnsigned(DeterministicRandom.mix(page), 3));
      out.append('"');
      if (hasRegion) {
        out.append(REGION_CODE_KEY);
        appendRegionCode(out, placeKey);
        out.append(REGION_NAME_KEY);
        appendQuotedWords(out, placeKey ^ REGION_SALT, 1 + (int) ((placeKey >>> 7) & 1));
      } else {
        appendNull(out, REGION_CODE_KEY);
        appendNull(out, REGION_NAME_KEY);
      }
      out.append(USER_KEY);
      appendUser(out, r, robot, anonymous);
      out.append(DELTA_KEY);
      out.appendLong(added - deleted);
      out.append(ADDED_KEY);
      out.appendLong(added);
      out.append(DELETED_KEY);
      out.appendLong(deleted);
      out.append('}');
      out.append('\n');
    }
  }

  private void appendNull(TextBuffer out, byte[] key) {
    if (explicitNulls) {
      out.append(key);
      out.append(NULL);
    }
  }

  /** Robots use a few template comments; people write section edits, reverts and short notes. */
  private static void appendComment(TextBuffer out, DeterministicRandom r, boolean robot) {
    if (robot) {
      out.append(WikipediaVocabulary.ROBOT_COMMENTS[(int) ROBOT_COMMENT.sample(r) - 1]);
      if (r.nextBoolean(0.3)) {
        out.append(' ');
        out.append('(');
        out.appendLong(2 + r.nextInt(9));
        out.append(')');
      }
      return;
    }
    final double kind = r.nextDouble();
    if (kind < 0.32) {
      out.append(SECTION_OPEN);
      SyntheticNames.appendWords(out, SECTION.sample(r) ^ SECTION_SALT, 2);
      out.append(SECTION_CLOSE);
      out.append(WikipediaVocabulary.HUMAN_PHRASES[(int) HUMAN_PHRASE.sample(r) - 1]);
    } else if (kind < 0.40) {
      out.append(UNDID);
      out.appendLong(680_000_000L + r.nextInt(1_500_000));
    } else {
      out.append(WikipediaVocabulary.HUMAN_PHRASES[(int) HUMAN_PHRASE.sample(r) - 1]);
      if (r.nextBoolean(0.5)) {
        out.append(' ');
        SyntheticNames.appendWords(out, SECTION.sample(r) ^ TOPIC_SALT, 1);
      }
    }
  }

  /** Anonymous edits show an IPv4 address; robots a bot account; people a name, sometimes with digits. */
  private static void appendUser(TextBuffer out, DeterministicRandom r, boolean robot, boolean anonymous) {
    if (anonymous) {
      out.appendLong(1 + r.nextInt(223));
      for (int octet = 0; octet < 3; octet++) {
        out.append('.');
        out.appendLong(r.nextInt(256));
      }
    } else if (robot) {
      final long bot = BOT.sample(r);
      SyntheticNames.appendWord(out, DeterministicRandom.mix(bot ^ BOT_SALT));
      out.append(WikipediaVocabulary.BOT_SUFFIXES[(int) (bot % WikipediaVocabulary.BOT_SUFFIXES.length)]);
    } else {
      final long human = HUMAN.sample(r);
      final long bits = DeterministicRandom.mix(human);
      SyntheticNames.appendWords(out, human ^ USER_SALT, 1 + (int) (bits & 1));
      if ((bits >>> 1) % 5 == 0) {
        out.appendLong((bits >>> 8) % 10_000);
      }
    }
  }

  /** Region codes are two letters for most countries and two digits for some, as ISO 3166-2 has both. */
  private static void appendRegionCode(TextBuffer out, long placeKey) {
    out.append('"');
    if (Long.remainderUnsigned(placeKey, 3) == 0) {
      final int number = 1 + (int) Long.remainderUnsigned(placeKey >>> 2, 60);
      out.append((char) ('0' + number / 10));
      out.append((char) ('0' + number % 10));
    } else {
      out.append((char) ('A' + Long.remainderUnsigned(placeKey >>> 2, 26)));
      out.append((char) ('A' + Long.remainderUnsigned(placeKey >>> 12, 26)));
    }
    out.append('"');
  }

  private static void appendQuotedWords(TextBuffer out, long key, int wordCount) {
    out.append('"');
    SyntheticNames.appendWords(out, key, wordCount);
    out.append('"');
  }

  /** {@code ,"key":false} and {@code ,"key":true}. */
  private static byte[][] flags(String key) {
    return new byte[][] {ascii(",\"" + key + "\":false"), ascii(",\"" + key + "\":true")};
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
