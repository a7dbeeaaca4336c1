package io.nemeton.node.http;

import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.metadata.NewSegment;
import io.nemeton.metadata.SegmentPublish;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.broker.Broker;
import io.nemeton.node.testing.ServedSegments;
import io.nemeton.node.testing.TestSegments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway on a free loopback port over real segment files (served by a test view), the real
 * broker and engine, and a real SQLite metadata store where the served segments are published.
 */
final class GatewayFixture implements AutoCloseable {
  static final String ROWS = """
      {"ts":"2015-09-12T00:10:00Z","page":"a","user":"u1","added":1}
      {"ts":"2015-09-12T01:20:00Z","page":"b","user":"u1","added":2}
      {"ts":"2015-09-12T02:30:00Z","page":"c","user":"u2","added":4}
      {"ts":"2015-09-12T05:00:00Z","page":"a","user":"u2","added":8}
      {"ts":"2015-09-12T23:00:00Z","page":"a","user":"u3","added":16}
      """;

  final ServedSegments view = new ServedSegments();
  final BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1));
  final MetadataStore metadata;
  final Broker broker;
  final Gateway gateway;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  int segmentsChanged;

  GatewayFixture(Path directory) throws Exception {
    metadata = MetadataStore.open(MetadataStoreConfig.sqlite(directory.resolve("metadata.sqlite")));
    final List<NewSegment> published = new ArrayList<>();
    for (Path file : TestSegments.ingest(directory, "wiki", "2020-01-01T00:00:00.000Z", "day", ROWS)) {
      final SegmentRecord record = view.add(file, 1);
      published.add(new NewSegment(record.id(), record.dataSource(), record.startMs(), record.endMs(),
          record.version(), record.partition(), record.payloadJson()));
    }
    metadata.segments().publish(new SegmentPublish("wiki", published, null));
    broker = new Broker(view, new EngineChoice(engine, null), 2, 0);
    gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, 1, 8, GatewayConfig.DEFAULT_MAX_BODY_BYTES),
        new GatewayBackends(broker, view, metadata, null, () -> segmentsChanged++));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    gateway.close();
    broker.close();
    engine.close();
    view.close();
    metadata.close();
    client.close();
  }
}
