package io.nemeton.node.http;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.node.broker.Broker;
import io.nemeton.node.broker.DataSourceSchema;
import io.nemeton.node.broker.ParsedQueryTexts;
import io.nemeton.node.remote.LatencyStages;
import io.nemeton.node.remote.LatencyTrace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The broker's paths: {@code POST /druid/v2} (native queries; the answer carries the query id in
 * {@code X-Druid-Query-Id}, the context's {@code queryId} when given, else a new one), {@code GET
 * /druid/v2/datasources} and {@code GET /druid/v2/datasources/{ds}}. A failed query is logged with
 * its id when it is a fault of this server. Stateless apart from the broker.
 */
final class QueryEndpoints {
  static final String QUERY_ID_HEADER = "X-Druid-Query-Id";
  private static final System.Logger LOG = System.getLogger(QueryEndpoints.class.getName());
  /** Repeated query bodies are parsed once (queries are immutable values). */
  private static final ParsedQueryTexts PARSED = new ParsedQueryTexts();

  private QueryEndpoints() {}

  static void register(Router router, Broker broker) {
    router.add("POST", "/druid/v2", new Endpoint() {
      @Override
      public HttpAnswer handle(HttpRequest request) throws Exception {
        return query(broker, request, Runnable::run).join();
      }

      @Override
      public CompletableFuture<HttpAnswer> handleAsync(HttpRequest request, Executor slowPath) throws Exception {
        return query(broker, request, slowPath);
      }
    });
    router.add("GET", "/druid/v2/datasources", request -> HttpAnswer.json(200, broker.dataSources()));
    router.add("GET", "/druid/v2/datasources/{ds}", request -> {
      final String name = request.pathParameter("ds");
      final DataSourceSchema schema = broker.schema(name);
      if (schema == null) {
        throw HttpError.notFound("datasource " + name + " is not served (served: " + broker.dataSources() + ")");
      }
      final Map<String, Object> body = new LinkedHashMap<>();
      body.put("dimensions", schema.dimensions());
      body.put("metrics", schema.metrics());
      return HttpAnswer.json(200, body);
    });
  }

  /**
   * Parses and starts the query; a cluster broker's answer completes when its historicals answered
   * ({@link Broker#runAsync}). A request that cannot be parsed fails here, before it has a query id.
   */
  private static CompletableFuture<HttpAnswer> query(Broker broker, HttpRequest request, Executor slowPath)
      throws Exception {
    final long startNs = LatencyStages.now();
    final Query parsed = PARSED.parse(request.bodyText());
    final long parsedNs = LatencyStages.since("http.2-read+parse", startNs);
    LatencyTrace.mark(2);
    final String given = parsed.context().queryId();
    final String queryId = given == null || given.isEmpty() ? UUID.randomUUID().toString() : given;
    final Query query = queryId == given ? parsed : parsed.withContext(parsed.context().with("queryId", queryId));
    final CompletableFuture<List<Object>> rows;
    try {
      rows = broker.runAsync(query, slowPath);
    } catch (RuntimeException | Error failure) {
      return CompletableFuture.completedFuture(failed(failure, queryId));
    }
    return rows.handle((result, error) -> {
      if (error != null) {
        return failed(error, queryId);
      }
      try {
        final long jsonNs = LatencyStages.since("http.3-broker.run", parsedNs);
        final HttpAnswer answer = HttpAnswer.rawJson(200, ResultJson.write(result));
        LatencyStages.since("http.8-json", jsonNs);
        LatencyTrace.mark(7);
        return answer.withHeader(QUERY_ID_HEADER, queryId);
      } catch (RuntimeException | Error failure) {
        return failed(failure, queryId);
      }
    });
  }

  private static HttpAnswer failed(Throwable failure, String queryId) {
    final HttpAnswer answer = ErrorAnswers.of(failure);
    if (ErrorAnswers.isFault(answer)) {
      LOG.log(System.Logger.Level.ERROR, "query " + queryId + " failed", failure);
    }
    return answer.withHeader(QUERY_ID_HEADER, queryId);
  }
}
