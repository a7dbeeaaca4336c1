package io.nemeton.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Status, queries and every bad-input probe, over real HTTP on loopback. */
@ExtendWith(LeakCheckExtension.class)
class GatewayQueryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COUNT_QUERY = """
      {"queryType":"timeseries","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
       "aggregations":[{"type":"count","name":"rows"},{"type":"longSum","name":"added","fieldName":"added"}],
       "context":{"queryId":"q-1"}}""";
  private static final String COUNT_ANSWER =
      "[{\"timestamp\":\"2015-09-12T00:10:00.000Z\",\"result\":{\"rows\":5,\"added\":31}}]";

  @TempDir static Path directory;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new GatewayFixture(directory);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** Asserts a Druid error answer and returns its message. */
  private static String error(HttpResponse<String> response, int status, String error) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    final JsonNode body = json(response);
    assertEquals(error, body.path("error").asText(), response.body());
    assertTrue(body.has("errorMessage") && body.has("errorClass") && body.has("host"), response.body());
    assertTrue(body.get("host").isNull(), response.body());
    return body.path("errorMessage").asText();
  }

  @Test
  void statusNamesTheDruidApiVersionAndOurs() throws Exception {
    final JsonNode status = json(fixture.get("/status"));
    assertEquals("33.0.0", status.path("version").asText());
    assertEquals(StatusEndpoints.NEMETON_VERSION, status.path("nemetonVersion").asText());
    assertTrue(status.path("modules").isArray() && status.path("modules").isEmpty());
    assertTrue(status.path("memory").path("maxMemory").asLong() > 0);
    final HttpResponse<String> health = fixture.get("/status/health");
    assertEquals(200, health.statusCode());
    assertEquals("true", health.body());
  }

  @Test
  void queryAnswersWithItsIdOnBothPathsAndAnyContentType() throws Exception {
    final HttpResponse<String> answer = fixture.post("/druid/v2", COUNT_QUERY);
    assertEquals(200, answer.statusCode());
    assertEquals(COUNT_ANSWER, answer.body());
    assertEquals("q-1", answer.headers().firstValue("X-Druid-Query-Id").orElseThrow());
    assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());

    final HttpResponse<String> slash = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/v2/"))
        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofString(COUNT_QUERY)));
    assertEquals(COUNT_ANSWER, slash.body());
    final HttpResponse<String> none = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/v2"))
        .POST(HttpRequest.BodyPublishers.ofString(COUNT_QUERY.replace(",\n \"context\":{\"queryId\":\"q-1\"}", ""))));
    assertEquals(200, none.statusCode(), none.body());
    assertEquals(36, none.headers().firstValue("X-Druid-Query-Id").orElseThrow().length(), "a generated UUID");

    final HttpResponse<String> pretty = fixture.post("/druid/v2?pretty", COUNT_QUERY);
    assertTrue(pretty.body().contains("\n"), pretty.body());
    assertEquals(JSON.readTree(COUNT_ANSWER), json(pretty));
  }

  @Test
  void datasourcesAreListedWithTheirColumns() throws Exception {
    assertEquals("[\"wiki\"]", fixture.get("/druid/v2/datasources").body());
    assertEquals("[\"wiki\"]", fixture.get("/druid/v2/datasources/").body());
    assertEquals("{\"dimensions\":[\"page\",\"user\"],\"metrics\":[\"count\",\"added\"]}",
        fixture.get("/druid/v2/datasources/wiki").body());
    assertTrue(error(fixture.get("/druid/v2/datasources/nothing"), 404, "Not found").contains("nothing"));
  }

  @Test
  void everyBadInputGetsItsAnswerAndTheServerStaysTheSame() throws Exception {
    final String before = fixture.post("/druid/v2", COUNT_QUERY).body();
    assertEquals(COUNT_ANSWER, before);

    assertTrue(error(fixture.post("/druid/v2", "{\"queryType\": \"timeseries\","), 400, "Json parse failed")
        .startsWith("malformed JSON"));
    assertEquals("malformed JSON: empty input", error(fixture.post("/druid/v2", ""), 400, "Json parse failed"));
    assertTrue(error(fixture.post("/druid/v2", "{\"queryType\":\"select\",\"dataSource\":\"wiki\"}"), 400,
        "Json parse failed").startsWith("queryType: unknown query type 'select'"));
    assertEquals("[]", fixture.post("/druid/v2", """
        {"queryType":"groupBy","dataSource":"nothing","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
         "dimensions":["page"],"aggregations":[{"type":"count","name":"rows"}]}""").body());
    assertTrue(error(fixture.post("/druid/v2", COUNT_QUERY.replace("2015-09-12/2015-09-13", "2015-09-13/2015-09-12")),
        400, "Json parse failed").contains("is before its start"));
    assertTrue(error(fixture.post("/druid/v2", COUNT_QUERY.replace("2015-09-12/2015-09-13", "yesterday")),
        400, "Json parse failed").startsWith("intervals[0]: "));
    assertEquals("intervals: required field is missing", error(fixture.post("/druid/v2",
        "{\"queryType\":\"timeseries\",\"dataSource\":\"wiki\",\"aggregations\":[]}"), 400, "Json parse failed"));
    assertTrue(error(fixture.post("/druid/v2", COUNT_QUERY.replace("\"longSum\"", "\"longSumm\"")), 400,
        "Json parse failed").startsWith("aggregations[1].type: unknown aggregator type 'longSumm'"));
    assertTrue(error(fixture.post("/druid/v2", COUNT_QUERY.replace("\"granularity\"",
        "\"filter\":{\"type\":\"equal\",\"dimension\":\"page\"},\"granularity\"")), 400, "Json parse failed")
        .startsWith("filter.type: unknown filter type 'equal'"));

    final byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    final HttpResponse<String> tooLarge = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/v2"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertTrue(error(tooLarge, 413, "Request entity too large").contains("maxBodyBytes=16777216"));
    final HttpResponse<String> chunked = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/v2"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
    assertTrue(error(chunked, 413, "Request entity too large").contains("passed the limit"));

    final HttpResponse<String> wrongMethod = fixture.get("/druid/v2");
    assertTrue(error(wrongMethod, 405, "Method not allowed").contains("allowed: POST"));
    assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
    assertTrue(error(fixture.get("/druid/v3"), 404, "Not found").contains("/druid/v3"));

    assertEquals("true", fixture.get("/status/health").body());
    assertEquals(before, fixture.post("/druid/v2", COUNT_QUERY).body());
  }
}
