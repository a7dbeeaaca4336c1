package io.nemeton.segment.format;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ColumnarSegment.Column;
import io.nemeton.segment.ColumnarSegment.ComplexColumn;
import io.nemeton.segment.ColumnarSegment.DoubleColumn;
import io.nemeton.segment.ColumnarSegment.FloatColumn;
import io.nemeton.segment.ColumnarSegment.LongColumn;
import io.nemeton.segment.ColumnarSegment.StringColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a {@link ColumnarSegment} to one segment file (format: {@code segment-io/FORMAT.md}). The
 * file appears whole or not at all: it is written to a hidden temporary file ({@code
 * .<name>.<random>.tmp}) in the target's directory, forced to disk, then renamed over the target
 * atomically; after a crash such a file may remain and can be deleted.
 *
 * <p>Validates its input and throws {@link IllegalArgumentException} naming the column, row and
 * value when it is not a valid segment (times unsorted or outside the interval, ids outside the
 * dictionary, an unsorted dictionary, ...).
 *
 * <p>Not thread-safe: one writer per thread, reusable across segments. Its scratch buffers are
 * allocated once; per column it allocates only what is proportional to the column's statistics
 * and dictionary, never per row.
 */
public final class SegmentWriter {
  private final CompressionChooser chooser = new CompressionChooser();
  private final NumericColumnWriter numeric = new NumericColumnWriter();
  private final StringColumnWriter strings;
  private final ComplexColumnWriter complex = new ComplexColumnWriter(chooser);
  private final int formatVersion;

  /** A writer of the current format version, {@link SegmentFileLayout#FORMAT_VERSION}. */
  public SegmentWriter() {
    this(SegmentFileLayout.FORMAT_VERSION);
  }

  /**
   * A writer of an older format version, so tests can check that older files stay readable: version
   * 1 writes every bitmap index in the Roaring-only layout, version 2 in compact postings (lists of
   * at most 1024 rows).
   */
  SegmentWriter(int formatVersion) {
    if (formatVersion < SegmentFileLayout.OLDEST_READABLE_VERSION || formatVersion > SegmentFileLayout.FORMAT_VERSION) {
      throw new IllegalArgumentException("format version=" + formatVersion + " is outside ["
          + SegmentFileLayout.OLDEST_READABLE_VERSION + ", " + SegmentFileLayout.FORMAT_VERSION + "]");
    }
    this.formatVersion = formatVersion;
    this.strings = new StringColumnWriter(chooser, SegmentFileLayout.bitmapFormat(formatVersion),
        formatVersion >= SegmentFileLayout.FRONT_CODED_DICTIONARY_VERSION);
  }

  /** Writes {@code segment} to {@code target}, replacing it if it exists; returns the file size. */
  public long write(ColumnarSegment segment, Path target) throws IOException {
    List<ColumnDescriptor> descriptors = describe(segment);
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = createTemporary(directory, target);
    boolean done = false;
    try {
      long size;
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        size = writeTo(segment, descriptors, channel);
        channel.force(true);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("file=" + target + ": the file system cannot rename atomically", e);
      }
      done = true;
      forceDirectory(directory);
      return size;
    } finally {
      if (!done) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private long writeTo(ColumnarSegment segment, List<ColumnDescriptor> descriptors, FileChannel channel)
      throws IOException {
    int rowCount = segment.rowCount();
    channel.position(SegmentFileLayout.HEADER_SIZE_BYTES);
    try (RegionOutput out = new RegionOutput(channel, SegmentFileLayout.HEADER_SIZE_BYTES)) {
      byte[] info = SegmentInfoJson.encode(segment.info());
      out.begin(TableOfContentsLayout.SEGMENT_COLUMN, RegionKind.INFO);
      out.write(info, 0, info.length);
      out.end();
      numeric.writeTime(out, segment.timesMs(), rowCount, segment.info().intervalStartMs(),
          segment.info().intervalEndMs(), formatVersion >= SegmentFileLayout.FRONT_CODED_DICTIONARY_VERSION);
      List<Column> columns = segment.columns();
      for (int i = 0; i < columns.size(); i++) {
        int index = i + 1;
        switch (columns.get(i)) {
          case LongColumn c -> numeric.writeLong(out, index, c.name(), c.values(), c.nullRows(), rowCount);
          case FloatColumn c -> numeric.writeFloat(out, index, c.name(), c.values(), c.nullRows(), rowCount);
          case DoubleColumn c -> numeric.writeDouble(out, index, c.name(), c.values(), c.nullRows(), rowCount);
          case StringColumn c -> strings.write(out, index, c, rowCount);
          case ComplexColumn c -> complex.write(out, index, c.name(), c.values(), rowCount);
        }
      }
      out.align();
      long tocOffset = out.position();
      GrowableBytes toc = new GrowableBytes(1 << 12);
      new TableOfContents(descriptors, out.regions().toArray(new RegionEntry[0])).encode(toc);
      out.write(toc);
      out.flush();
      long fileSize = out.position();
      SegmentHeader header = new SegmentHeader(rowCount, SegmentFileLayout.ROWS_PER_BLOCK,
          segment.info().intervalStartMs(), segment.info().intervalEndMs(), fileSize, tocOffset, toc.size(),
          Crc32c.of(toc.array(), 0, toc.size()), formatVersion);
      ByteBuffer headerBytes = ByteBuffer.wrap(header.encode());
      while (headerBytes.hasRemaining()) {
        channel.write(headerBytes, headerBytes.position());
      }
      return fileSize;
    }
  }

  /** Checks the shape of every column (the per-row checks happen while writing) and names them. */
  private static List<ColumnDescriptor> describe(ColumnarSegment segment) {
    int rowCount = segment.rowCount();
    String segmentId = segment.info().segmentId();
    if (segment.timesMs().length != rowCount) {
      throw new IllegalArgumentException("segment=" + segmentId + " column=__time: length="
          + segment.timesMs().length + " does not match rowCount=" + rowCount);
    }
    List<Column> columns = segment.columns();
    if (columns.size() + 1 > TableOfContentsLayout.MAX_COLUMNS) {
      throw new IllegalArgumentException("segment=" + segmentId + ": " + (columns.size() + 1)
          + " columns exceed the limit of " + TableOfContentsLayout.MAX_COLUMNS);
    }
    List<ColumnDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnDescriptor(ColumnarSegment.TIME_COLUMN, ColumnType.LONG, ColumnRole.TIME, false, ""));
    for (Column column : columns) {
      String what = "segment=" + segmentId + " column=" + column.name();
      checkName(what, "name", column.name());
      if (column.role() == null || column.role() == ColumnRole.TIME) {
        throw new IllegalArgumentException(what + ": role=" + column.role() + " (only __time has role TIME)");
      }
      int length = switch (column) {
        case LongColumn c -> c.values().length;
        case FloatColumn c -> c.values().length;
        case DoubleColumn c -> c.values().length;
        case StringColumn c -> c.multiValue() ? c.rowStarts().length - 1 : c.ids().length;
        case ComplexColumn c -> c.values().length;
      };
      if (length != rowCount) {
        throw new IllegalArgumentException(what + ": rows=" + length + " does not match rowCount=" + rowCount);
      }
      boolean multiValue = column instanceof StringColumn s && s.multiValue();
      String typeName = column instanceof ComplexColumn c ? c.typeName() : "";
      if (column instanceof ComplexColumn) {
        checkName(what, "complex type name", typeName);
      }
      descriptors.add(new ColumnDescriptor(column.name(), column.type(), column.role(), multiValue, typeName));
    }
    return descriptors;
  }

  private static void checkName(String what, String field, String name) {
    int bytes = name == null ? 0 : name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > TableOfContentsLayout.MAX_NAME_BYTES) {
      throw new IllegalArgumentException(what + ": " + field + " of " + bytes + " UTF-8 bytes must be 1 to "
          + TableOfContentsLayout.MAX_NAME_BYTES);
    }
  }

  /**
   * A new hidden file next to the target. Not {@code Files.createTempFile}: its owner-only
   * permissions would survive the rename, while a segment file takes the directory's usual ones.
   */
  private static Path createTemporary(Path directory, Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path candidate = directory.resolve("." + target.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /** Makes the rename durable; a file system that cannot sync a directory has nothing to do. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not supported on this platform (e.g. Windows); the rename itself already happened
    }
  }
}
