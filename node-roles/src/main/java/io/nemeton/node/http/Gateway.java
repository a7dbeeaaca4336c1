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
import io.undertow.util.SameThreadExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xnio.channels.Channels;
import org.xnio.channels.StreamSinkChannel;

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

  /**
   * Dispatches to a worker thread, answers, and turns every failure into Druid's error JSON. An
   * answer that comes later ({@link Endpoint#handleAsync}) frees the worker: the exchange stays
   * open and is answered by the thread that completes it, without blocking it: a worker writes
   * what the socket does not take at once.
   */
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
        final CompletableFuture<HttpAnswer> later = match.endpoint()
            .handleAsync(new HttpRequest(exchange, match.parameters(), config.maxBodyBytes()), exchange.getConnection().getWorker());
        if (!later.isDone()) {
          final Object trace = LatencyTrace.detach();
          exchange.dispatch(SameThreadExecutor.INSTANCE,
              () -> later.whenComplete((done, failure) -> answerLater(exchange, done, failure, startNs, trace)));
          return;
        }
        answer = later.join();
      } catch (Throwable failure) {
        answer = failed(exchange, failure);
      }
      respond(exchange, answer, startNs);
    }
  }

  /**
   * Answers an exchange whose answer came later, on the thread that completed it; never throws and
   * never blocks: what the socket does not take at once is written by a worker.
   */
  private static void answerLater(HttpServerExchange exchange, HttpAnswer answer, Throwable failure, long startNs,
      Object trace) {
    LatencyTrace.attach(trace);
    final ByteBuffer body;
    final StreamSinkChannel channel;
    boolean shut = false;
    try {
      final HttpAnswer done = shaped(exchange, failure == null ? answer : failed(exchange, failure));
      final long writeNs = LatencyStages.now();
      body = ByteBuffer.wrap(done.body());
      headers(exchange, done);
      channel = exchange.getResponseChannel();
      while (body.hasRemaining() && channel.write(body) > 0) {
        // the socket takes it at once as a rule: answers that come later are small
      }
      if (!body.hasRemaining()) {
        channel.shutdownWrites();
        shut = true;
        if (channel.flush()) {
          exchange.endExchange();
          written(startNs, writeNs);
          return;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      LOG.log(System.Logger.Level.DEBUG, "answer to " + exchange.getRequestPath() + " not written: " + e);
      exchange.endExchange();
      return;
    } finally {
      LatencyTrace.attach(null);
    }
    final boolean alreadyShut = shut;
    try {
      exchange.getConnection().getWorker().execute(() -> {
        try {
          Channels.writeBlocking(channel, body);
          if (!alreadyShut) {
            channel.shutdownWrites();
          }
          Channels.flushBlocking(channel);
        } catch (IOException | RuntimeException e) {
          LOG.log(System.Logger.Level.DEBUG, "answer to " + exchange.getRequestPath() + " not written: " + e);
        } finally {
          exchange.endExchange();
        }
      });
    } catch (RuntimeException e) { // the workers are shutting down
      exchange.endExchange();
    }
  }

  private static HttpAnswer failed(HttpServerExchange exchange, Throwable failure) {
    final HttpAnswer answer = ErrorAnswers.of(failure);
    if (ErrorAnswers.isFault(answer)) {
      LOG.log(System.Logger.Level.ERROR, exchange.getRequestMethod() + " " + exchange.getRequestPath() + " failed",
          failure);
    }
    return answer;
  }

  private static void respond(HttpServerExchange exchange, HttpAnswer answer, long startNs) throws IOException {
    final HttpAnswer shaped = shaped(exchange, answer);
    final long writeNs = LatencyStages.now();
    write(exchange, shaped);
    written(startNs, writeNs);
  }

  /** The answer as the request asked for it: indented with {@code ?pretty}. */
  private static HttpAnswer shaped(HttpServerExchange exchange, HttpAnswer answer) {
    return exchange.getQueryParameters().containsKey("pretty") && HttpAnswer.JSON.equals(answer.contentType())
        ? pretty(answer) : answer;
  }

  /** The latency switches' last stages of a request that started at {@code startNs} (0: not recorded). */
  private static void written(long startNs, long writeNs) {
    if (startNs > 0) {
      LatencyStages.since("http.9-write", writeNs);
      LatencyStages.since("http.total", startNs);
      LatencyTrace.end();
    }
  }

  private static void write(HttpServerExchange exchange, HttpAnswer answer) throws IOException {
    headers(exchange, answer);
    try (OutputStream out = exchange.getOutputStream()) {
      out.write(answer.body());
    }
  }

  private static void headers(HttpServerExchange exchange, HttpAnswer answer) {
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
