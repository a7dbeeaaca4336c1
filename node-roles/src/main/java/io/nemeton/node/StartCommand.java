package io.nemeton.node;

import io.nemeton.node.server.ServerConfig;
import io.nemeton.node.server.SingleServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nemeton start [--config FILE] [--port N] [--data-dir DIR] [--no-sample]}: the single
 * server. Properties come from {@code FILE} (default {@code conf/nemeton.properties} under the
 * installation root, when present), flags override them, and all are validated before anything
 * starts. Runs until the process is stopped (Ctrl-C), then closes every role in reverse order.
 */
final class StartCommand {
  static final String DEFAULT_CONFIG = "conf/nemeton.properties";
  /** How long a start waits for the bundled sample before saying it is still loading. */
  static final long SAMPLE_WAIT_MS = 120_000;

  private final Path home;
  private final ServerConfig config;

  private StartCommand(Path home, ServerConfig config) {
    this.home = home;
    this.config = config;
  }

  static StartCommand parse(String[] args, Path home) throws Main.UsageException, IOException {
    Path configFile = null;
    final Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> configFile = Path.of(value(args, ++i, "--config needs a file")).toAbsolutePath();
        case "--port" -> flags.put("nemeton.port", value(args, ++i, "--port needs a number"));
        case "--data-dir" -> flags.put("nemeton.dataDir",
            Path.of(value(args, ++i, "--data-dir needs a directory")).toAbsolutePath().toString());
        case "--no-sample" -> flags.put("nemeton.sample", "false");
        default -> throw new Main.UsageException("unknown option \"" + args[i]
            + "\" (known: --config FILE, --port N, --data-dir DIR, --no-sample)");
      }
    }
    final Map<String, String> properties = new LinkedHashMap<>();
    final Path file = configFile != null ? configFile : home.resolve(DEFAULT_CONFIG);
    if (configFile != null && !Files.isRegularFile(file)) {
      throw new Main.UsageException("--config " + file + ": no such file");
    }
    if (Files.isRegularFile(file)) {
      final Properties loaded = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        loaded.load(reader);
      }
      for (String key : loaded.stringPropertyNames()) {
        properties.put(key, loaded.getProperty(key));
      }
    }
    properties.putAll(flags);
    try {
      return new StartCommand(home, ServerConfig.from(properties, home));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("config " + (Files.isRegularFile(file) ? file + ": " : "") + e.getMessage());
    }
  }

  private static String value(String[] args, int i, String missing) throws Main.UsageException {
    if (i >= args.length) {
      throw new Main.UsageException(missing);
    }
    return args[i];
  }

  int run(PrintStream out) throws Exception {
    final long startNs = System.nanoTime();
    final SingleServer server = SingleServer.start(config, home);
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "nemeton-stop"));
    out.printf("nemeton: listening on http://%s:%d (data in %s)%n", server.host(), server.port(), config.dataDirectory());
    if (server.sampleTaskId() != null) {
      out.printf("nemeton: loading the Wikipedia sample (task %s)...%n", server.sampleTaskId());
    }
    if (server.awaitReady(SAMPLE_WAIT_MS)) {
      out.printf("nemeton: ready in %,d ms%n", (System.nanoTime() - startNs) / 1_000_000);
    } else {
      out.println("nemeton: still loading segments; queries answer what is loaded so far");
    }
    stopped.await();
    return 0;
  }
}
