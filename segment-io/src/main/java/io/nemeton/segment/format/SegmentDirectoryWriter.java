package io.nemeton.segment.format;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.ingest.SegmentSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SegmentSink} that writes each segment it receives to its own file under a root
 * directory, laid out as deep storage is:
 * {@code root/dataSource/start_end/version/partition.nseg} (instants and the version with ':'
 * replaced by '-' so names are portable).
 *
 * <p>Not thread-safe: one ingestion feeds one writer. Keeps only the paths and sizes it wrote, no
 * segment ({@link #releasesSegments()}).
 */
public final class SegmentDirectoryWriter implements SegmentSink {
  /** File name extension of Nemeton segment files. */
  public static final String EXTENSION = ".nseg";

  private final Path root;
  private final SegmentWriter writer = new SegmentWriter();
  private final List<Path> written = new ArrayList<>();
  private long bytesWritten;
  private long rowsWritten;

  public SegmentDirectoryWriter(Path root) {
    this.root = root;
  }

  @Override
  public void accept(ColumnarSegment segment) throws IOException {
    Path target = pathFor(root, segment.info());
    Files.createDirectories(target.getParent());
    bytesWritten += writer.write(segment, target);
    rowsWritten += segment.rowCount();
    written.add(target);
  }

  /** The segment is written and forgotten before {@link #accept} returns. */
  @Override
  public boolean releasesSegments() {
    return true;
  }

  /** Where a segment with {@code info} lives under {@code root}. */
  public static Path pathFor(Path root, SegmentInfo info) {
    String chunk = portable(Instant.ofEpochMilli(info.intervalStartMs()).toString()) + "_"
        + portable(Instant.ofEpochMilli(info.intervalEndMs()).toString());
    return root.resolve(info.dataSource()).resolve(chunk).resolve(portable(info.version()))
        .resolve(info.partition() + EXTENSION);
  }

  private static String portable(String text) {
    return text.replace(':', '-');
  }

  /** Files written so far, in the order segments arrived. */
  public List<Path> files() {
    return List.copyOf(written);
  }

  public long bytesWritten() {
    return bytesWritten;
  }

  public long rowsWritten() {
    return rowsWritten;
  }
}
