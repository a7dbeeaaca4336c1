package io.nemeton.node.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.nemeton.node.remote.LatencyStages;
import io.nemeton.node.remote.LatencyTrace;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The HTTP gateway: an Undertow server with Druid's paths and JSON shapes ({@link StatusEndpoints},
 * {@link QueryEndpoints}, {@link TaskEndpoints}, {@link CoordinatorEndpoints}). Requests run on a
 * bounded pool of worker threads; every failure is answered in Druid's error JSON by {@link
 * ErrorAnswers}, so the server stays healthy after any bad request. {@code ?pretty} indents any
 * JSON answer.
 *
 * <p>Thread-safe. {@link #close()} stops listening and waits for requests in flight.
 */
public final class Gateway implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  private static final JsonFactory JSON = new JsonFactory();

  private final Undertow server;
  private final Router router;
  private final GatewayConfig config;
  private final ForwardTargets forward;

  private Gateway(GatewayConfig config, Router router, ForwardTargets forward) {
    this.config = config;
    this.router = router;
    this.forward = forward;
    this.server = Undertow.builder()
        .addHttpListener(config.port(), config.host())
        .setIoThreads(config.ioThreads())
        .setWorkerThreads(config.workerThreads())
        // Undertow's own entity limit (2 MiB by default) would cut connections without an answer;
        // bodies are bounded by HttpRequest instead, which answers 413. This is only a backstop.
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, config.maxBodyBytes() + HttpRequest.DISCARD_MAX_BYTES)
        .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, LatencyStages.ENABLED || LatencyTrace.ENABLED)
        .setHandler(new Root())
        .build();
  }

  /** Starts listening; fails when the port is taken, naming the address. */
  public static Gateway start(GatewayConfig config, GatewayBackends backends) {
    final Router router = new Router();
    StatusEndpoints.register(router);
    if (backends.broker() != null) {
      QueryEndpoints.register(router, backends.broker());
    }
    if (backends.tasks() != null) {
      TaskEndpoints.register(router, backends.tasks());
    }
    if (backends.metadata() != null) {
      CoordinatorEndpoints.register(router, backends);
    }
    final Gateway gateway = new Gateway(config, router, backends.forward());
    try {
      gateway.server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("gateway cannot listen on " + config.host() + ":" + config.port() + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    return gateway;
  }

  /** The port listened on (the chosen one when the config asked for 0). */
  public int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  public String host() {
    return config.host();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Dispatches to a worker thread, answers, and turns every failure into Druid's error JSON. */
  private final class Root implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      if (exchange.isInIoThread()) {
        exchange.dispatch(this);
        return;
      }
      final long startNs = exchange.getRequestStartTime();
      if (startNs > 0) {
        LatencyStages.since("http.1-dispatch", startNs);
        LatencyTrace.begin(startNs);
      }
      exchange.startBlocking();
      final String method = exchange.getRequestMethod().toString();
      final String path = exchange.getRequestPath();
      HttpAnswer answer;
      try {
        final String target = forward == null ? null : Forwarding.target(forward, path);
        if (target != null) {
          write(exchange, Forwarding.forward(exchange, target, config.maxBodyBytes()));
          return;
        }
        final Router.Match match = router.match(method, path);
        answer = match.endpoint().handle(new HttpRequest(exchange, match.parameters(), config.maxBodyBytes()));
      } catch (Throwable failure) {
        answer = ErrorAnswers.of(failure);
        if (ErrorAnswers.isFault(answer)) {
          LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed", failure);
        }
      }
      if (exchange.getQueryParameters().containsKey("pretty") && HttpAnswer.JSON.equals(answer.contentType())) {
        answer = pretty(answer);
      }
      final long writeNs = LatencyStages.now();
      write(exchange, answer);
      if (startNs > 0) {
        LatencyStages.since("http.9-write", writeNs);
        LatencyStages.since("http.total", startNs);
        LatencyTrace.end();
      }
    }
  }

  private static void write(HttpServerExchange exchange, HttpAnswer answer) throws IOException {
    exchange.setStatusCode(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Connection") && header.getValue().equalsIgnoreCase("close")) {
        exchange.setPersistent(false);
      }
      exchange.getResponseHeaders().put(HttpString.tryFromString(header.getKey()), header.getValue());
    }
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, answer.contentType());
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, answer.body().length);
    try (OutputStream out = exchange.getOutputStream()) {
      out.write(answer.body());
    }
  }

  /** Re-indents JSON text; numbers keep their printed form (doubles round-trip through Java's printing). */
  private static HttpAnswer pretty(HttpAnswer answer) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(answer.body().length * 2);
    try (JsonParser parser = JSON.createParser(answer.body());
        JsonGenerator generator = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      if (parser.nextToken() != null) {
        generator.copyCurrentStructure(parser);
      }
    } catch (IOException e) {
      return answer;
    }
    return new HttpAnswer(answer.status(), answer.contentType(), out.toByteArray(), answer.headers());
  }
}
