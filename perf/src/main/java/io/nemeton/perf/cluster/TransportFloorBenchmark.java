package io.nemeton.perf.cluster;

import io.nemeton.transport.EmbeddedMediaDriver;
import io.nemeton.transport.MediaDriverOptions;
import io.nemeton.transport.MediaDrivers;
import io.nemeton.transport.PartialResultListener;
import io.nemeton.transport.QueryCall;
import io.nemeton.transport.QueryClient;
import io.nemeton.transport.QueryClientConfig;
import io.nemeton.transport.QueryException;
import io.nemeton.transport.QueryHandler;
import io.nemeton.transport.QueryRequest;
import io.nemeton.transport.QueryServer;
import io.nemeton.transport.QueryServerConfig;
import io.nemeton.transport.ResultSink;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * The floor under the cluster's scatter/gather latency on this host: one client scatters a
 * 200-byte query to three servers over Aeron IPC (one shared media driver, as {@code nemeton
 * cluster} runs it) and waits for all three 150-byte answers, with no engine, no HTTP and no
 * ZooKeeper. The servers answer on their transport thread. It runs twice: the three servers as
 * threads of this JVM, then as three JVMs of their own, so the difference is what separate
 * processes cost in scheduling alone. Prints p50, p99 and p99.9 of the round trip.
 *
 * <pre>
 * java -Xmx1g -XX:+UseParallelGC --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
 *   -cp perf/target/nemeton-perf.jar io.nemeton.perf.cluster.TransportFloorBenchmark --seconds 10 --warmup 10
 * </pre>
 *
 * A command, not a test. Child processes end when this JVM does (they exit when their standard
 * input closes).
 */
public final class TransportFloorBenchmark {
  private static final int SERVERS = 3;
  private static final int FIRST_SERVER_STREAM = 3101;
  private static final int CLIENT_STREAM = 3001;
  private static final byte[] ANSWER = new byte[150];

  private TransportFloorBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--serve")) {
      serve(args[1], Integer.parseInt(args[2]));
      return;
    }
    int seconds = 10;
    int warmup = 10;
    for (int i = 0; i < args.length; i += 2) {
      final String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--seconds" -> seconds = ScatterGatherBenchmark.positive(args[i], value, 3600);
        case "--warmup" -> warmup = ScatterGatherBenchmark.positive(args[i], value, 3600);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (known: --seconds N, --warmup N)");
      }
    }
    final Path temp = Files.createTempDirectory("nemeton-floor");
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), MediaDriverOptions.DEFAULT)) {
      final String directory = driver.directory();
      final List<QueryServer> threads = new ArrayList<>();
      try {
        for (int s = 0; s < SERVERS; s++) {
          threads.add(QueryServer.start(config(directory, FIRST_SERVER_STREAM + s), new Answer()));
        }
        measure("servers as threads of this JVM", directory, FIRST_SERVER_STREAM, seconds, warmup);
      } finally {
        for (QueryServer server : threads) {
          server.close();
        }
      }
      final List<Process> children = new ArrayList<>();
      try {
        for (int s = 0; s < SERVERS; s++) {
          children.add(child(directory, FIRST_SERVER_STREAM + 10 + s));
        }
        measure("servers as 3 processes", directory, FIRST_SERVER_STREAM + 10, seconds, warmup);
      } finally {
        for (Process child : children) {
          child.getOutputStream().close();
          child.destroy();
        }
      }
    }
  }

  private static QueryServerConfig config(String directory, int stream) {
    return QueryServerConfig.of(directory, "aeron:ipc", stream).withServerName("floor-" + stream).withWorkers(1, 64);
  }

  private static void measure(String setup, String directory, int firstStream, int seconds, int warmup) throws Exception {
    try (QueryClient client = QueryClient.start(QueryClientConfig.of(directory, "aeron:ipc", CLIENT_STREAM + firstStream)
        .withClientName("floor-client"))) {
      final List<io.nemeton.transport.ServerConnection> connections = new ArrayList<>();
      for (int s = 0; s < SERVERS; s++) {
        connections.add(client.connect("aeron:ipc", firstStream + s, 10_000));
      }
      final byte[] query = new byte[200];
      final List<String> segments = List.of("segment");
      final Ignore listener = new Ignore();
      final QueryCall[] calls = new QueryCall[SERVERS];
      long[] nanos = new long[1 << 16];
      int count = 0;
      final long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
      final long end = warmEnd + seconds * 1_000_000_000L;
      while (true) {
        final long start = System.nanoTime();
        if (start >= end) {
          break;
        }
        final long deadline = System.currentTimeMillis() + 10_000;
        for (int s = 0; s < SERVERS; s++) {
          calls[s] = connections.get(s).stream(query, segments, deadline, listener);
        }
        for (int s = 0; s < SERVERS; s++) {
          calls[s].await(10_000);
        }
        if (start >= warmEnd) {
          if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
          }
          nanos[count++] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos, 0, count);
      System.out.printf("%s: scatter/gather to %d servers over IPC, n=%d: p50=%.1f us p99=%.1f us p99.9=%.1f us%n",
          setup, SERVERS, count, nanos[count / 2] / 1e3, nanos[(int) (count * 0.99)] / 1e3,
          nanos[(int) (count * 0.999)] / 1e3);
    }
  }

  private static Process child(String directory, int stream) throws Exception {
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    final Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseParallelGC",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        TransportFloorBenchmark.class.getName(), "--serve", directory, Integer.toString(stream))
        .redirectErrorStream(true).start();
    final BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = output.readLine()) != null && !line.startsWith("ready")) {
      // skip the JVM's warnings
    }
    if (line == null) {
      throw new IllegalStateException("floor server on stream " + stream + " exited before it was ready");
    }
    final Thread drain = new Thread(() -> {
      try {
        while (output.readLine() != null) {
          // keep the pipe empty
        }
      } catch (java.io.IOException ignored) {
        // the child is gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    return process;
  }

  private static void serve(String directory, int stream) throws Exception {
    try (QueryServer server = QueryServer.start(config(directory, stream), new Answer())) {
      System.out.println("ready " + server.channel());
      System.out.flush();
      while (System.in.read() >= 0) {
        // runs until the parent closes our standard input or dies
      }
    }
  }

  /** Answers every query at once with a fixed 150-byte result, on the server's transport thread. */
  private static final class Answer implements QueryHandler {
    @Override
    public void handle(QueryRequest request, ResultSink sink) {
      sink.sendLast(ANSWER);
    }

    @Override
    public boolean answersInline(QueryRequest request) {
      return true;
    }
  }

  private static final class Ignore implements PartialResultListener {
    @Override
    public void onPartial(DirectBuffer buffer, int offset, int length) {}

    @Override
    public void onComplete() {}

    @Override
    public void onError(QueryException error) {
      throw new IllegalStateException(error);
    }
  }
}
