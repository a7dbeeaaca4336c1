package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.InputFormat;
import io.nemeton.segment.ingest.spec.InputFormatSpec;
import io.nemeton.segment.time.TimestampDayCache;
import io.nemeton.segment.time.TimestampParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV or TSV at the byte level: fields are found by scanning for the delimiter, quoted
 * fields ({@code "a,b"}, {@code ""} for a quote) are unescaped only when they hold escapes,
 * timestamps and numbers are parsed from the bytes, and strings are interned from the bytes, so a
 * row allocates nothing unless it brings a new value. Empty fields are null; a field holding the
 * list delimiter is a multi-value row. Columns come from the spec or the header row (after {@code
 * skipHeaderRows}); short rows leave the missing fields null, extra fields are ignored. Blank
 * lines are skipped. Quoted fields cannot span lines.
 *
 * <p>Data lines are found in the same scan as their fields ({@link FieldScanner} over the line
 * buffer). A plain line (no quote, no list delimiter) has its time parsed at once and its other
 * fields kept as offsets, parsed a column at a time for the whole batch ({@link FieldColumns})
 * before the buffer moves; other lines are parsed field by field.
 *
 * <p>Not thread-safe.
 */
final class DelimitedReader implements RowReader {
  private final LineSource lines;
  private final String source;
  private final InputSchema schema;
  private final ParseErrorLog errors;
  private final byte delimiter;
  private final byte[] listDelimiter;
  private final TimestampParser timestampParser;
  private final TimestampDayCache timestamps;
  /**
   * Whether data lines are found by {@link FieldScanner} in the same pass as their fields (not when a
   * delimiter is a line-end byte, which the line reader would have dropped).
   */
  private final boolean scansLines;
  private final String timestampColumn;
  private final Long missingTimestampMs;
  private static final byte IGNORE = 0;
  private static final byte TIMESTAMP = 1;
  private static final byte STRING = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte SEVERAL = 5;

  private FieldBinding[] bindings;
  /** Per column what its field feeds, so the row loop switches once per field. */
  private byte[] actions;
  /** The plain rows' string and number fields, parsed a column at a time; null when rows go one by one. */
  private FieldColumns fieldColumns;
  /** The column of the timestamp when {@link #fieldColumns} is used; -1 when there is none. */
  private int timestampField = -1;
  /** Finds each data line's field ends, quotes and list delimiters. */
  private final FieldScanner scanner;
  private int headerLinesToSkip;
  private boolean needsHeader;
  private byte[] unescaped = new byte[256];
  private boolean timestampSeen;
  private String rowFailure;

  DelimitedReader(InputFile file, InputFormatSpec format, InputSchema schema, ParseErrorLog errors) throws IOException {
    this.lines = new LineSource(file.open());
    this.source = file.name();
    this.schema = schema;
    this.errors = errors;
    this.delimiter = format.format() == InputFormat.CSV ? (byte) ',' : (byte) format.delimiter().charAt(0);
    this.listDelimiter = format.listDelimiter().getBytes(StandardCharsets.UTF_8);
    this.timestampParser = schema.timestampParser;
    this.timestamps = new TimestampDayCache(timestampParser);
    this.timestampColumn = schema.timestampColumn;
    this.missingTimestampMs = schema.missingTimestampMs;
    this.headerLinesToSkip = format.skipHeaderRows();
    this.needsHeader = format.findColumnsFromHeader();
    this.scanner = new FieldScanner(delimiter, listDelimiter);
    this.scansLines = delimiter != '\n' && delimiter != '\r'
        && !(listDelimiter.length == 1 && (listDelimiter[0] == '\n' || listDelimiter[0] == '\r'));
    if (!needsHeader) {
      bind(format.columns());
    }
    try {
      readLeadingLines();
    } catch (IOException | RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  /**
   * Skips the header rows and binds the columns of a header line now, and reads the first data
   * line's time once: the per-line loop then never meets a first-line case in compiled code. (A
   * branch the JIT has never seen taken is compiled as a trap; taking it discards the compiled
   * reader, and every new input would take it once.) Reads nothing past the first data line.
   */
  private void readLeadingLines() throws IOException {
    while (headerLinesToSkip > 0 && lines.next()) {
      headerLinesToSkip--;
    }
    if (needsHeader && headerLinesToSkip == 0 && lines.next()) {
      needsHeader = false;
      bind(headerColumns());
    }
    if (scansLines && fieldColumns != null && timestampField >= 0 && headerLinesToSkip == 0 && !needsHeader) {
      // the time of the first data line, read ahead without taking the line: the day cache keeps its
      // day, so the row loop starts on the cache's common path
      final byte[] bytes = lines.buffer();
      final int from = lines.position();
      if (scanner.scan(bytes, from, lines.limit()) >= 0 && scanner.count > timestampField) {
        final int[] ends = scanner.ends;
        final int timeStart = timestampField == 0 ? from : ends[timestampField - 1] + 1;
        if (ends[timestampField] > timeStart) {
          timestamps.parse(bytes, timeStart, ends[timestampField] - timeStart);
        }
      }
    }
  }

  private void bind(List<String> columns) {
    bindings = new FieldBinding[columns.size()];
    actions = new byte[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      final FieldBinding binding = schema.binding(columns.get(i), true);
      bindings[i] = binding.isIgnored() ? null : binding;
      final int roles = (binding.timestamp ? 1 : 0) + (binding.stringField != null ? 1 : 0)
          + (binding.longSlot >= 0 ? 1 : 0) + (binding.doubleSlot >= 0 ? 1 : 0);
      actions[i] = roles == 0 ? IGNORE : roles > 1 ? SEVERAL : binding.timestamp ? TIMESTAMP
          : binding.stringField != null ? STRING : binding.longSlot >= 0 ? LONG : DOUBLE;
    }
    // plain rows go column by column unless a field feeds several things or the time comes twice
    int timestamps = 0;
    boolean several = false;
    timestampField = -1;
    for (int i = 0; i < actions.length; i++) {
      several |= actions[i] == SEVERAL;
      if (actions[i] == TIMESTAMP) {
        timestamps++;
        timestampField = i;
      }
    }
    fieldColumns = several || timestamps > 1 ? null : new FieldColumns(bindings, actions, STRING, LONG, DOUBLE);
  }

  @Override
  public boolean read(InputBatch batch) throws IOException {
    batch.source = source;
    batch.ensureStringSlots(schema.stringFieldCount());
    try {
      return readRows(batch);
    } finally {
      parseFieldColumns(batch);
      batch.internPending(schema);
    }
  }

  /** Parses the kept plain rows' fields; due before the line buffer moves or the batch is handed on. */
  private void parseFieldColumns(InputBatch batch) {
    // no test for kept rows: an empty pass costs nothing, and the last call of an input has none
    if (fieldColumns != null) {
      fieldColumns.parse(lines.buffer(), batch);
    }
  }

  private boolean readRows(InputBatch batch) throws IOException {
    while (!batch.isFull()) {
      if (scansLines && bindings != null && headerLinesToSkip == 0) {
        // data lines: their ends are found in the same pass as their fields
        if (!readScannedLine(batch)) {
          return false;
        }
        continue;
      }
      parseFieldColumns(batch);
      if (!lines.next()) {
        return false;
      }
      if (headerLinesToSkip > 0) {
        headerLinesToSkip--;
        continue;
      }
      if (needsHeader) {
        needsHeader = false;
        bind(headerColumns());
        batch.ensureStringSlots(schema.stringFieldCount());
        continue;
      }
      if (lines.isBlank()) {
        continue;
      }
      final byte[] bytes = lines.buffer();
      final int start = lines.start();
      final int end = lines.end();
      final boolean quoted = scanner.scan(bytes, start, end) == FieldScanner.QUOTED;
      if (!quoted) {
        scanner.addEnd(end);
      }
      storeRow(batch, quoted, bytes, start, end);
    }
    return true;
  }

  /**
   * Reads the next data line with one scan of its bytes for the line end, the field ends, quotes
   * and list delimiters; false at the end of the input.
   */
  private boolean readScannedLine(InputBatch batch) throws IOException {
    while (true) {
      final byte[] bytes = lines.buffer();
      final int from = lines.position();
      final int limit = lines.limit();
      int scanned = scanner.scan(bytes, from, limit);
      if (scanned == FieldScanner.QUOTED) {
        scanned = ByteScan.indexOf(bytes, from, limit, (byte) '\n');
      }
      final boolean quoted = scanner.count < 0;
      int lineEnd = scanned;
      if (scanned < 0) {
        if (!lines.ended()) {
          // the line may go on past the bytes read so far: read more, scan it again from its moved start
          parseFieldColumns(batch);
          lines.fill();
          continue;
        }
        if (from == limit) {
          return false;
        }
        lineEnd = limit;
      }
      lines.takeLine(lineEnd);
      final int start = lines.start();
      final int end = lines.end();
      if (end == start || ((bytes[start] == ' ' || bytes[start] == '\t') && lines.isBlank())) {
        return true;
      }
      if (!quoted) {
        // the last field ends at the line end, before a dropped \r
        scanner.addEnd(end);
      }
      storeRow(batch, quoted, bytes, start, end);
      return true;
    }
  }

  private void storeRow(InputBatch batch, boolean quoted, byte[] bytes, int start, int end) throws IngestFailedException {
    if (!quoted && !scanner.hasList && fieldColumns != null) {
      storePlainRow(batch, bytes, start);
      return;
    }
    final int row = batch.count;
    final boolean parsed = quoted ? parseQuotedLine(bytes, start, end, batch, row)
        : parseFields(bytes, start, batch, row);
    if (parsed) {
      batch.lines[row] = lines.lineNumber();
      batch.count = row + 1;
    } else {
      batch.resetRow(row);
      errors.unparseable(source, lines.lineNumber(), rowFailure);
    }
  }

  /**
   * Stores a plain row's time now (a bad one makes the row unparseable) and keeps its other fields
   * for {@link #fieldColumns}.
   */
  private void storePlainRow(InputBatch batch, byte[] bytes, int start) throws IngestFailedException {
    final int row = batch.count;
    final int fields = scanner.count;
    final int[] ends = scanner.ends;
    final int column = timestampField;
    final int timeStart = column <= 0 ? start : ends[column - 1] + 1;
    final int timeLength = column >= 0 && column < fields ? ends[column] - timeStart : 0;
    final long time;
    if (timeLength > 0) {
      time = timestamps.parse(bytes, timeStart, timeLength);
      if (time == TimestampParser.INVALID) {
        errors.unparseable(source, lines.lineNumber(), invalidTimestamp(bytes, timeStart, timeLength));
        return;
      }
    } else if (missingTimestampMs != null) {
      time = missingTimestampMs;
    } else {
      errors.unparseable(source, lines.lineNumber(), "timestamp column=" + timestampColumn + " is null or missing");
      return;
    }
    batch.times[row] = time;
    batch.lines[row] = lines.lineNumber();
    batch.count = row + 1;
    fieldColumns.add(row, start, ends, fields);
  }

  private List<String> headerColumns() {
    final List<String> columns = new ArrayList<>();
    final byte[] bytes = lines.buffer();
    int pos = lines.start();
    final int end = lines.end();
    while (true) {
      int fieldEnd;
      String name;
      if (pos < end && bytes[pos] == '"') {
        int p = pos + 1;
        final StringBuilder text = new StringBuilder();
        while (p < end && !(bytes[p] == '"' && (p + 1 >= end || bytes[p + 1] != '"'))) {
          if (bytes[p] == '"') {
            p++;
          }
          text.append((char) (bytes[p] & 0xff));
          p++;
        }
        name = new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        fieldEnd = Math.min(end, p + 1);
      } else {
        fieldEnd = pos;
        while (fieldEnd < end && bytes[fieldEnd] != delimiter) {
          fieldEnd++;
        }
        name = new String(bytes, pos, fieldEnd - pos, StandardCharsets.UTF_8);
      }
      columns.add(name);
      if (fieldEnd >= end) {
        return columns;
      }
      pos = fieldEnd + 1;
    }
  }

  /**
   * Fills row {@code row} from the fields {@link FieldScanner} found, the first starting at {@code
   * start}; false (with {@link #rowFailure}) when the row is unparseable.
   */
  private boolean parseFields(byte[] bytes, int start, InputBatch batch, int row) {
    final int fields = scanner.count;
    timestampSeen = false;
    rowFailure = null;
    final int[] ends = scanner.ends;
    final byte[] columnActions = actions;
    final int columns = Math.min(fields, columnActions.length);
    int fieldStart = start;
    for (int c = 0; c < columns; c++) {
      final int fieldEnd = ends[c];
      final int length = fieldEnd - fieldStart;
      if (length > 0) {
        if (columnActions[c] != IGNORE && !field(bindings[c], bytes, fieldStart, length, batch, row)) {
          return false;
        }
      }
      fieldStart = fieldEnd + 1;
    }
    if (!timestampSeen) {
      if (missingTimestampMs == null) {
        rowFailure = "timestamp column=" + timestampColumn + " is null or missing";
        return false;
      }
      batch.times[row] = missingTimestampMs;
    }
    return true;
  }

  /** The general path for lines with quoted fields. */
  private boolean parseQuotedLine(byte[] bytes, int start, int end, InputBatch batch, int row) {
    final byte separator = delimiter;
    final FieldBinding[] columnBindings = bindings;
    final int columnCount = columnBindings.length;
    timestampSeen = false;
    rowFailure = null;
    int pos = start;
    int column = 0;
    while (true) {
      final int fieldStart;
      final int fieldEnd;
      boolean escaped = false;
      if (pos < end && bytes[pos] == '"') {
        int p = pos + 1;
        while (true) {
          if (p >= end) {
            rowFailure = "column " + (column + 1) + ": unterminated quote";
            return false;
          }
          if (bytes[p] == '"') {
            if (p + 1 < end && bytes[p + 1] == '"') {
              escaped = true;
              p += 2;
              continue;
            }
            break;
          }
          p++;
        }
        fieldStart = pos + 1;
        fieldEnd = p;
        pos = p + 1;
        if (pos < end && bytes[pos] != separator) {
          rowFailure = "column " + (column + 1) + ": unexpected character after a closing quote";
          return false;
        }
      } else {
        int p = pos;
        while (p < end && bytes[p] != separator) {
          p++;
        }
        fieldStart = pos;
        fieldEnd = p;
        pos = p;
      }
      if (column < columnCount) {
        final FieldBinding binding = columnBindings[column];
        if (binding != null) {
          final boolean ok = escaped
              ? field(binding, unescaped, 0, unescape(bytes, fieldStart, fieldEnd), batch, row)
              : field(binding, bytes, fieldStart, fieldEnd - fieldStart, batch, row);
          if (!ok) {
            return false;
          }
        }
      }
      column++;
      if (pos >= end) {
        break;
      }
      pos++;
    }
    if (!timestampSeen) {
      if (missingTimestampMs == null) {
        rowFailure = "timestamp column=" + timestampColumn + " is null or missing";
        return false;
      }
      batch.times[row] = missingTimestampMs;
    }
    return true;
  }

  private int unescape(byte[] bytes, int from, int to) {
    if (unescaped.length < to - from) {
      unescaped = new byte[Math.max(to - from, unescaped.length * 2)];
    }
    int out = 0;
    for (int i = from; i < to; i++) {
      unescaped[out++] = bytes[i];
      if (bytes[i] == '"') {
        i++;
      }
    }
    return out;
  }

  /** Stores one non-quoted-escape field; false when it makes the row unparseable. */
  private boolean field(FieldBinding binding, byte[] bytes, int offset, int length, InputBatch batch, int row) {
    if (length == 0) {
      return true;
    }
    if (binding.timestamp) {
      final long time = timestamps.parse(bytes, offset, length);
      if (time == TimestampParser.INVALID) {
        rowFailure = invalidTimestamp(bytes, offset, length);
        return false;
      }
      batch.times[row] = time;
      timestampSeen = true;
    }
    final StringField field = binding.stringField;
    if (field != null) {
      if (indexOf(bytes, offset, offset + length, listDelimiter) < 0) {
        batch.addPending(field.slot, row, bytes, offset, length);
      } else {
        batch.codes[field.slot][row] = listCode(field, bytes, offset, length);
      }
    }
    final int longSlot = binding.longSlot;
    if (longSlot >= 0) {
      if (NumberParsing.parseLong(bytes, offset, length, batch.longs[longSlot], row)) {
        batch.longNulls[longSlot][row] = 0;
      } else {
        numberError(binding, bytes, offset, length, batch, row);
      }
    }
    final int doubleSlot = binding.doubleSlot;
    if (doubleSlot >= 0) {
      if (NumberParsing.parseDouble(bytes, offset, length, batch.doubles[doubleSlot], row)) {
        batch.doubleNulls[doubleSlot][row] = 0;
      } else {
        numberError(binding, bytes, offset, length, batch, row);
      }
    }
    return true;
  }

  private String invalidTimestamp(byte[] bytes, int offset, int length) {
    return "timestamp column=" + timestampColumn + " value="
        + ParseErrorLog.quote(new String(bytes, offset, length, StandardCharsets.UTF_8)) + " is not a valid "
        + timestampParser.format() + " timestamp";
  }

  private static void numberError(FieldBinding binding, byte[] bytes, int offset, int length, InputBatch batch, int row) {
    FieldColumns.numberError(binding, bytes, offset, length, batch, row);
  }

  private int listCode(StringField field, byte[] bytes, int offset, int length) {
    final int split = indexOf(bytes, offset, offset + length, listDelimiter);
    field.beginList();
    int partStart = offset;
    final int end = offset + length;
    int next = split;
    while (true) {
      final int partEnd = next < 0 ? end : next;
      field.addToList(partEnd == partStart ? ValueDictionary.NULL_ID : field.dictionary.intern(bytes, partStart, partEnd - partStart));
      if (next < 0) {
        break;
      }
      partStart = next + listDelimiter.length;
      next = indexOf(bytes, partStart, end, listDelimiter);
    }
    return field.endList();
  }

  private static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
    final byte first = needle[0];
    final int last = to - needle.length;
    for (int i = from; i <= last; i++) {
      if (bytes[i] == first) {
        int j = 1;
        while (j < needle.length && bytes[i + j] == needle[j]) {
          j++;
        }
        if (j == needle.length) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
