package io.nemeton.node.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nemeton coordinator|broker|historical|indexer --config FILE [--set key=value]...
 * [--ready-file FILE] [--parent-pid PID]}: one role alone in this process, until it is stopped.
 * {@code --ready-file} receives {@code name=...} and the ports ({@code http=}, {@code query=}) once
 * the role serves; {@code --parent-pid} makes the process stop when that process ends, so the
 * children of {@code nemeton cluster} never outlive it, even when it is killed.
 */
public final class RoleCommand {
  private final NodeConfig config;
  private final Path readyFile;
  private final long parentPid;

  private RoleCommand(NodeConfig config, Path readyFile, long parentPid) {
    this.config = config;
    this.readyFile = readyFile;
    this.parentPid = parentPid;
  }

  /** @throws IllegalArgumentException for a bad command line or config, with the reason */
  public static RoleCommand parse(NodeConfig.Role role, String[] args, Path home) throws IOException {
    Path configFile = null;
    Path ready = null;
    long parent = -1;
    final Map<String, String> sets = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> configFile = Path.of(value(args, ++i, "--config needs a file")).toAbsolutePath();
        case "--ready-file" -> ready = Path.of(value(args, ++i, "--ready-file needs a file")).toAbsolutePath();
        case "--parent-pid" -> parent = Long.parseLong(value(args, ++i, "--parent-pid needs a process id"));
        case "--set" -> {
          final String pair = value(args, ++i, "--set needs key=value");
          final int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--set " + pair + ": needs key=value");
          }
          sets.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("unknown option \"" + args[i]
            + "\" (known: --config FILE, --set key=value, --ready-file FILE, --parent-pid PID)");
      }
    }
    final Map<String, String> properties = new LinkedHashMap<>();
    if (configFile != null) {
      if (!Files.isRegularFile(configFile)) {
        throw new IllegalArgumentException("--config " + configFile + ": no such file");
      }
      properties.putAll(load(configFile));
    }
    properties.putAll(sets);
    try {
      return new RoleCommand(NodeConfig.from(role, properties, home), ready, parent);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("config " + (configFile != null ? configFile + ": " : "") + e.getMessage(), e);
    }
  }

  static Map<String, String> load(Path file) throws IOException {
    final Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    }
    final Map<String, String> out = new LinkedHashMap<>();
    for (String key : loaded.stringPropertyNames()) {
      out.put(key, loaded.getProperty(key));
    }
    return out;
  }

  private static String value(String[] args, int i, String missing) {
    if (i >= args.length) {
      throw new IllegalArgumentException(missing);
    }
    return args[i];
  }

  public int run(PrintStream out) throws Exception {
    if (parentPid > 0) {
      ParentWatch.exitWhenGone(parentPid);
    }
    final RoleNode node = switch (config.role()) {
      case COORDINATOR -> CoordinatorNode.start(config);
      case BROKER -> BrokerNode.start(config);
      case HISTORICAL -> HistoricalNode.start(config);
      case INDEXER -> IndexerNode.start(config);
    };
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "nemeton-stop"));
    if (readyFile != null) {
      writeReady(readyFile, config.name(), node.ports());
    }
    out.printf("nemeton %s %s: serving on %s %s%n", config.role().label(), config.name(), config.host(), node.ports());
    out.flush();
    stopped.await();
    return 0;
  }

  /** Written to a temporary file, then moved, so a reader never sees half of it. */
  private static void writeReady(Path file, String name, Map<String, Integer> ports) throws IOException {
    final StringBuilder text = new StringBuilder("name=").append(name).append('\n');
    for (Map.Entry<String, Integer> port : new TreeMap<>(ports).entrySet()) {
      text.append(port.getKey()).append('=').append(port.getValue()).append('\n');
    }
    Files.createDirectories(file.getParent());
    final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
