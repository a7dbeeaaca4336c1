package io.nemeton.node.storage;

import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;

/**
 * Deep storage in a directory on local disk (or a shared mount): {@code
 * root/dataSource/start_end/version/partition/index.nseg}, loadSpec {@code {"type":"local",
 * "path": absolute file}}. A push copies to a temporary name, forces it to disk and renames it, so
 * a file under its final name is always whole. Thread-safe (pushes of different segments do not
 * share files; a repeated push of the same segment replaces it atomically).
 */
public final class LocalDeepStorage implements DeepStorage {
  public static final String TYPE = "local";
  private static final String FILE_NAME = "index.nseg";

  private final Path root;

  public LocalDeepStorage(Path root) throws IOException {
    this.root = Files.createDirectories(Objects.requireNonNull(root, "root")).toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  @Override
  public Map<String, Object> push(Path segmentFile, SegmentInfo info) throws IOException {
    final Path dir = root.resolve(safe(info.dataSource()))
        .resolve(info.intervalStartMs() + "_" + info.intervalEndMs())
        .resolve(safe(info.version()))
        .resolve(Integer.toString(info.partition()));
    Files.createDirectories(dir);
    final Path target = dir.resolve(FILE_NAME);
    final Path temp = Files.createTempFile(dir, FILE_NAME, ".part");
    try {
      Files.copy(segmentFile, temp, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    return Map.of("type", TYPE, "path", target.toString());
  }

  @Override
  public void pull(Map<String, Object> loadSpec, Path target) throws IOException {
    final Path source = path(loadSpec);
    if (!Files.isRegularFile(source)) {
      throw new NoSuchFileException(source.toString(), null,
          "deep storage has no segment file at loadSpec.path");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    final Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "pull", ".part");
    try {
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void delete(Map<String, Object> loadSpec) throws IOException {
    Files.deleteIfExists(path(loadSpec));
  }

  /** The file a local loadSpec names, refusing other types and paths outside the root. */
  public Path path(Map<String, Object> loadSpec) {
    final Object type = loadSpec.get("type");
    if (!TYPE.equals(type)) {
      throw new IllegalArgumentException(
          "loadSpec.type: expected \"local\", got " + (type == null ? "nothing" : "\"" + type + "\""));
    }
    final Object path = loadSpec.get("path");
    if (!(path instanceof String text) || text.isEmpty()) {
      throw new IllegalArgumentException("loadSpec.path: expected a file path, got " + path);
    }
    final Path file = Path.of(text).toAbsolutePath().normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException(
          "loadSpec.path: " + file + " is outside deep storage root " + root);
    }
    return file;
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Keeps names one path element: versions hold ':' (fine on Linux) but never '/' or "..". */
  private static String safe(String name) {
    final String cleaned = name.replace('/', '_').replace('\\', '_');
    return cleaned.equals("..") || cleaned.equals(".") || cleaned.isEmpty() ? "_" + cleaned : cleaned;
  }

  @Override
  public String toString() {
    return "LocalDeepStorage[" + root + "]";
  }
}
