package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.IngestSpecException;
import io.nemeton.segment.ingest.spec.InlineInputSource;
import io.nemeton.segment.ingest.spec.InputSourceSpec;
import io.nemeton.segment.ingest.spec.LocalInputSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Resolves an input source into the files to read, in a fixed order: files under {@code baseDir}
 * whose names match the glob, sorted by path, then the listed {@code files}. Files named {@code
 * *.gz} are decompressed as they are read.
 *
 * <p>Stateless and thread-safe.
 */
final class InputFiles {
  private static final int READ_BUFFER_BYTES = 1 << 16;

  private InputFiles() {}

  static List<InputFile> resolve(InputSourceSpec source, Path workingDirectory) throws IOException {
    final List<InputFile> inputs = new ArrayList<>();
    if (source instanceof InlineInputSource inline) {
      final byte[] data = inline.data().getBytes(StandardCharsets.UTF_8);
      inputs.add(new InputFile("inline", () -> new ByteArrayInputStream(data)));
      return inputs;
    }
    final LocalInputSource local = (LocalInputSource) source;
    if (local.baseDir() != null) {
      final Path baseDir = workingDirectory.resolve(local.baseDir()).normalize();
      if (!Files.isDirectory(baseDir)) {
        throw new IngestSpecException("ioConfig.inputSource.baseDir=\"" + local.baseDir() + "\": directory "
            + baseDir + " does not exist");
      }
      final Pattern glob = glob(local.filter());
      try (Stream<Path> paths = Files.walk(baseDir)) {
        paths.filter(Files::isRegularFile)
            .filter(path -> glob.matcher(path.getFileName().toString()).matches())
            .sorted()
            .forEach(path -> inputs.add(file(path)));
      }
      if (inputs.isEmpty()) {
        throw new IngestSpecException("ioConfig.inputSource: no file under baseDir=\"" + local.baseDir() + "\" ("
            + baseDir + ") matches filter=\"" + local.filter() + "\"");
      }
    }
    for (String name : local.files()) {
      final Path path = workingDirectory.resolve(name).normalize();
      if (!Files.isRegularFile(path)) {
        throw new IngestSpecException("ioConfig.inputSource.files: file \"" + name + "\" does not exist (" + path + ")");
      }
      inputs.add(file(path));
    }
    return inputs;
  }

  private static InputFile file(Path path) {
    return new InputFile(path.toString(), () -> open(path));
  }

  private static InputStream open(Path path) throws IOException {
    final InputStream raw = Files.newInputStream(path);
    if (path.getFileName().toString().endsWith(".gz")) {
      return new BufferedInputStream(new GZIPInputStream(raw, READ_BUFFER_BYTES), READ_BUFFER_BYTES);
    }
    return raw;
  }

  /** A regex for a file name glob: {@code *} any run, {@code ?} one character, the rest literal. */
  static Pattern glob(String filter) {
    final StringBuilder regex = new StringBuilder();
    final StringBuilder literal = new StringBuilder();
    for (int i = 0; i < filter.length(); i++) {
      final char c = filter.charAt(i);
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString());
  }
}
