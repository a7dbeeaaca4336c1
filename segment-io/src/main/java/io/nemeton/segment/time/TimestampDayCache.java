package io.nemeton.segment.time;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A {@link TimestampParser} front for one input stream whose timestamps mostly share their day (a
 * file of events in time order, or of one day): it remembers the first eleven bytes ({@code
 * yyyy-MM-ddT}) of the last common-shaped ISO value it read and that day's epoch millis, and a
 * value starting with the same bytes costs only the parse of its time of day
 * ({@link IsoTimestamps#millisOfDay}). Anything else goes to the parser, whose result is the
 * reference: the cache returns exactly what {@link TimestampParser#parse(byte[], int, int)} returns.
 *
 * <p>Not thread-safe (one per reader); allocates nothing per value.
 */
public final class TimestampDayCache {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long DATE_BYTES_IN_SECOND_WORD = 0xFFFFFFL;
  /** Never equal to a masked second word, so nothing matches before a day is cached. */
  private static final long NO_DAY = -1L;

  private final TimestampParser parser;
  private final boolean iso;
  private long dateFirstWord;
  private long dateSecondWord = NO_DAY;
  private long dayMillis;

  public TimestampDayCache(TimestampParser parser) {
    this.parser = parser;
    this.iso = parser.readsIsoText();
  }

  /** Reads {@code bytes[offset, offset + length)} as {@link TimestampParser#parse(byte[], int, int)} does. */
  public long parse(byte[] bytes, int offset, int length) {
    if (iso && (length == 24 || length == 20) && offset + 24 <= bytes.length) {
      final long w0 = (long) LONG.get(bytes, offset);
      final long w1 = (long) LONG.get(bytes, offset + 8);
      final long w2 = (long) LONG.get(bytes, offset + 16);
      if (w0 == dateFirstWord && (w1 & DATE_BYTES_IN_SECOND_WORD) == dateSecondWord) {
        final long millisOfDay = IsoTimestamps.millisOfDay(w1, w2, length);
        if (millisOfDay != IsoTimestamps.INVALID) {
          return dayMillis + millisOfDay;
        }
      }
      return parseAndRemember(bytes, offset, length, w0, w1, w2);
    }
    return parser.parse(bytes, offset, length);
  }

  private long parseAndRemember(byte[] bytes, int offset, int length, long w0, long w1, long w2) {
    final long time = parser.parse(bytes, offset, length);
    if (time != TimestampParser.INVALID) {
      // a valid value whose time part reads as the common shape: the rest is its day
      final long millisOfDay = IsoTimestamps.millisOfDay(w1, w2, length);
      if (millisOfDay != IsoTimestamps.INVALID) {
        dateFirstWord = w0;
        dateSecondWord = w1 & DATE_BYTES_IN_SECOND_WORD;
        dayMillis = time - millisOfDay;
      }
    }
    return time;
  }
}
