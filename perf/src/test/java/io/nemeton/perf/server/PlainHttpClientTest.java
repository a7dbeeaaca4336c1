package io.nemeton.perf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlainHttpClientTest {
  private HttpServer server;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String lastBody;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/fixed", exchange -> {
      lastBody = read(exchange.getRequestBody());
      final byte[] answer = "[{\"rows\":600}]".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.createContext("/chunked", exchange -> {
      read(exchange.getRequestBody());
      exchange.sendResponseHeaders(404, 0); // 0: chunked
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 5; i++) {
          out.write(("{\"error\":\"part " + i + "\"}").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void postsTheBodyAndReadsFixedLengthAnswersOnOneConnection() throws IOException {
    try (PlainHttpClient client = new PlainHttpClient(uri("/fixed"), "{\"queryType\":\"timeseries\"}")) {
      for (int i = 0; i < 20; i++) {
        assertEquals(200, client.post());
      }
    }
    assertEquals("{\"queryType\":\"timeseries\"}", lastBody);
  }

  @Test
  void readsChunkedAnswersAndReportsTheStatus() throws IOException {
    try (PlainHttpClient client = new PlainHttpClient(uri("/chunked"), "{}")) {
      assertEquals(404, client.post());
      assertEquals(404, client.post()); // the connection stays usable after a chunked body
    }
  }

  @Test
  void aClosedConnectionIsAnError() throws IOException {
    final PlainHttpClient client = new PlainHttpClient(uri("/fixed"), "{}");
    assertEquals(200, client.post());
    server.stop(0);
    assertThrows(IOException.class, () -> {
      for (int i = 0; i < 3; i++) {
        client.post();
      }
    });
    client.close();
  }
}
