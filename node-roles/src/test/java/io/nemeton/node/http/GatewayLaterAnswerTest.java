package io.nemeton.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.Engine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.node.broker.Broker;
import io.nemeton.node.broker.PartialSource;
import io.nemeton.node.broker.SegmentQuery;
import io.nemeton.node.broker.SegmentsGoneException;
import io.nemeton.node.testing.ServedSegments;
import io.nemeton.node.testing.TestSegments;
import io.nemeton.node.view.SegmentLease;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that come later ({@link Broker#runAsync}, {@link Endpoint#handleAsync}) over real HTTP
 * on loopback: the gateway's worker is freed while the partials travel, and the answer is written
 * by the thread that completes it, or by a worker for what the socket does not take at once. The
 * partials come from the real engine over real segment files, completed on a thread of the
 * source's own as a cluster broker's transport agent would.
 */
@Timeout(60)
class GatewayLaterAnswerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COUNT_QUERY = """
      {"queryType":"timeseries","dataSource":"wiki","intervals":["2015-09-12/2015-09-14"],"granularity":"all",
       "aggregations":[{"type":"count","name":"rows"},{"type":"longSum","name":"added","fieldName":"added"}],
       "context":{"queryId":"q-later"}}""";
  private static final int BIG_ROWS = 4_000;
  private static final int BIG_TEXT = 2_000;

  @TempDir static Path directory;
  private static final ServedSegments VIEW = new ServedSegments();
  private static final BatchEngine ENGINE = new BatchEngine(EngineConfig.defaults().withThreads(1));
  private static LaterSource source;
  private static Broker broker;
  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    final StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      rows.append("{\"ts\":\"2015-09-12T0").append(i).append(":00:00Z\",\"page\":\"p").append(i)
          .append("\",\"user\":\"u\",\"added\":").append(1 << i).append("}\n");
    }
    final String text = "x".repeat(BIG_TEXT);
    for (int i = 0; i < BIG_ROWS; i++) {
      rows.append("{\"ts\":\"2015-09-13T01:00:00Z\",\"page\":\"").append(text).append(i)
          .append("\",\"user\":\"big\",\"added\":0}\n");
    }
    for (Path file : TestSegments.ingest(directory, "wiki", "2020-01-01T00:00:00.000Z", "day", rows.toString())) {
      VIEW.add(file, 1);
    }
    source = new LaterSource();
    broker = new Broker(VIEW, new EngineChoice(ENGINE, null), source, 0);
    gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, 1, 4, GatewayConfig.DEFAULT_MAX_BODY_BYTES),
        new GatewayBackends(broker, VIEW, null, null, null));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    broker.close();
    source.close();
    ENGINE.close();
    VIEW.close();
  }

  @Test
  void aSmallAnswerIsWrittenByTheThreadThatCompletesIt() throws Exception {
    final Answer answer = post(COUNT_QUERY, 0);
    assertEquals(200, answer.status(), answer.body());
    assertEquals("q-later", answer.header("X-Druid-Query-Id"));
    final JsonNode result = JSON.readTree(answer.body()).get(0).get("result");
    assertEquals(5 + BIG_ROWS, result.get("rows").asLong(), answer.body());
    assertEquals(31, result.get("added").asLong(), answer.body());

    final Answer pretty = postTo("/druid/v2?pretty", COUNT_QUERY, 0);
    assertTrue(pretty.body().contains("\n  "), pretty.body());
    assertEquals(JSON.readTree(answer.body()), JSON.readTree(pretty.body()));
  }

  @Test
  void aBigAnswerIsFinishedByAWorkerWhileTheClientReadsSlowly() throws Exception {
    final String scan = """
        {"queryType":"scan","dataSource":"wiki","intervals":["2015-09-13/2015-09-14"],"columns":["page"],
         "resultFormat":"compactedList","context":{"queryId":"q-big"}}""";
    source.holdWrites = new CountDownLatch(1);
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096); // far less than the answer: the writer cannot finish at once
      socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5_000);
      socket.setSoTimeout(30_000);
      send(socket, "/druid/v2", scan);
      // Read nothing until the source's thread has written what the socket took and handed the
      // rest on: that thread returns without waiting for this reader.
      assertTrue(source.holdWrites.await(30, TimeUnit.SECONDS), "the answer was completed");
      final Answer answer = read(socket.getInputStream());
      assertEquals(200, answer.status());
      assertEquals("q-big", answer.header("X-Druid-Query-Id"));
      final JsonNode body = JSON.readTree(answer.body());
      int rows = 0;
      for (JsonNode batch : body) {
        rows += batch.get("events").size();
      }
      assertEquals(BIG_ROWS, rows);
      assertTrue(answer.body().length() > BIG_ROWS * BIG_TEXT, "a big answer: " + answer.body().length());
    } finally {
      source.holdWrites = null;
    }
  }

  @Test
  void aFailureThatComesLaterIsDruidsErrorJsonWithTheQueryId() throws Exception {
    source.failNext.set(new QueryException(QueryErrorCode.QUERY_TIMEOUT, "query timed out after timeout=5 ms"));
    final Answer answer = post(COUNT_QUERY, 0);
    assertEquals(504, answer.status(), answer.body());
    assertEquals("q-later", answer.header("X-Druid-Query-Id"));
    final JsonNode error = JSON.readTree(answer.body());
    assertEquals("Query timeout", error.get("error").asText());
    assertTrue(error.get("errorMessage").asText().contains("timeout=5 ms"), answer.body());
    assertEquals(200, post(COUNT_QUERY, 0).status(), "the next query answers");
  }

  @Test
  void segmentsGoneLaterArePlannedAgainOnAWorker() throws Exception {
    source.failNext.set(new SegmentsGoneException("segment gone meanwhile"));
    final int syncBefore = source.syncRuns.get();
    final Answer answer = post(COUNT_QUERY, 0);
    assertEquals(200, answer.status(), answer.body());
    assertEquals(5 + BIG_ROWS, JSON.readTree(answer.body()).get(0).get("result").get("rows").asLong());
    assertEquals(syncBefore + 1, source.syncRuns.get(), "planned again and run on the slow path");
  }

  private static Answer post(String body, int receiveBuffer) throws Exception {
    return postTo("/druid/v2", body, receiveBuffer);
  }

  private static Answer postTo(String path, String body, int receiveBuffer) throws Exception {
    try (Socket socket = new Socket()) {
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5_000);
      socket.setSoTimeout(30_000);
      send(socket, path, body);
      return read(socket.getInputStream());
    }
  }

  private static void send(Socket socket, String path, String body) throws Exception {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    final OutputStream out = socket.getOutputStream();
    out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** Reads one answer with a Content-Length body to its end. */
  private static Answer read(InputStream in) throws Exception {
    final ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    final String text = all.toString(StandardCharsets.UTF_8);
    final int split = text.indexOf("\r\n\r\n");
    assertTrue(split > 0, "an HTTP answer: " + text);
    final String[] head = text.substring(0, split).split("\r\n");
    final Answer answer = new Answer(Integer.parseInt(head[0].split(" ")[1]), List.of(head), text.substring(split + 4));
    assertEquals(Integer.parseInt(answer.header("Content-Length")),
        answer.body().getBytes(StandardCharsets.UTF_8).length, "the whole body arrived");
    return answer;
  }

  private record Answer(int status, List<String> head, String body) {
    String header(String name) {
      for (String line : head) {
        final int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /**
   * Partials from the engine over the served segments; {@link #partialsAsync} completes them on a
   * thread of its own, after the calling thread returned, the way a cluster broker's transport
   * agent does. A failure set in {@link #failNext} ends the next asynchronous run.
   */
  private static final class LaterSource implements PartialSource, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "later-source"));
    final AtomicReference<RuntimeException> failNext = new AtomicReference<>();
    final AtomicInteger syncRuns = new AtomicInteger();
    volatile CountDownLatch holdWrites;

    @Override
    public List<PartialResult> partials(Engine engine, Query query, List<SegmentQuery> segments, long deadlineNs,
        long timeoutMs) {
      syncRuns.incrementAndGet();
      return compute(engine, segments);
    }

    @Override
    public CompletableFuture<List<PartialResult>> partialsAsync(Engine engine, Query query,
        List<SegmentQuery> segments, long deadlineNs, long timeoutMs, Executor slowPath) {
      final CompletableFuture<List<PartialResult>> out = new CompletableFuture<>();
      final RuntimeException failure = failNext.getAndSet(null);
      final CountDownLatch hold = holdWrites;
      thread.execute(() -> {
        if (failure != null) {
          out.completeExceptionally(failure);
          return;
        }
        final List<PartialResult> partials = compute(engine, segments);
        out.complete(partials); // runs the merge, the JSON and the write on this thread
        if (hold != null) {
          hold.countDown();
        }
      });
      return out;
    }

    private static List<PartialResult> compute(Engine engine, List<SegmentQuery> segments) {
      final List<PartialResult> out = new ArrayList<>();
      for (SegmentQuery segment : segments) {
        try (SegmentLease lease = VIEW.acquire(List.of(segment.segmentId()))) {
          out.add(engine.runSegment(segment.query(), lease.segments().get(0)));
        }
      }
      return out;
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }
}
