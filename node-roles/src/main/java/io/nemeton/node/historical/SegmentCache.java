package io.nemeton.node.historical;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.zookeeper.SegmentRecordJson;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A historical's local segment cache on disk: one directory per segment,
 * {@code cacheDir/<segmentId>/index.nseg} (the file pulled from deep storage) and
 * {@code segment.json} (its record as {@link SegmentRecordJson}, written last, so a directory
 * without it is an unfinished load). What the cache holds is served again after a restart.
 *
 * <p>Not thread-safe: the historical's loader thread owns it (deletes after a drop may come from a
 * query thread, and touch only their own directory).
 */
final class SegmentCache {
  static final String SEGMENT_FILE = "index.nseg";
  static final String DESCRIPTOR_FILE = "segment.json";

  private final Path root;

  SegmentCache(Path root) {
    this.root = root.toAbsolutePath();
  }

  Path root() {
    return root;
  }

  /** A cached segment: its record and file. */
  record Entry(SegmentRecord record, Path file) {}

  /** Creates the root when missing; returns the complete entries, deleting unfinished ones. */
  List<Entry> open() throws IOException {
    Files.createDirectories(root);
    final List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        final Path descriptor = dir.resolve(DESCRIPTOR_FILE);
        final Path file = dir.resolve(SEGMENT_FILE);
        if (!Files.isRegularFile(descriptor) || !Files.isRegularFile(file)) {
          deleteTree(dir);
          continue;
        }
        try {
          final SegmentRecord record = SegmentRecordJson.fromBytes(
              Files.readAllBytes(descriptor), "segment cache " + descriptor);
          entries.add(new Entry(record, file));
        } catch (IllegalArgumentException | IOException e) {
          System.getLogger(SegmentCache.class.getName()).log(System.Logger.Level.WARNING,
              "segment cache: deleting " + dir + ": unreadable descriptor: " + e.getMessage());
          deleteTree(dir);
        }
      }
    }
    return entries;
  }

  /** Where the file of {@code segmentId} goes; its directory is created. */
  Path prepare(String segmentId) throws IOException {
    return Files.createDirectories(directory(segmentId)).resolve(SEGMENT_FILE);
  }

  /** Records {@code record} as complete (its file is in place and verified). */
  void commit(SegmentRecord record) throws IOException {
    final Path dir = directory(record.id());
    final Path temp = dir.resolve(DESCRIPTOR_FILE + ".part");
    Files.writeString(temp, SegmentRecordJson.toJson(record).toString());
    try {
      Files.move(temp, dir.resolve(DESCRIPTOR_FILE), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, dir.resolve(DESCRIPTOR_FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes everything cached for {@code segmentId}. */
  void delete(String segmentId) throws IOException {
    deleteTree(directory(segmentId));
  }

  Path directory(String segmentId) {
    return root.resolve(ZooKeeperPaths.encode(segmentId));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    final List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = new ArrayList<>(walk.toList());
    }
    paths.sort(Comparator.reverseOrder());
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
