package io.nemeton.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator's paths over real HTTP, the metadata store in a real SQLite file. */
@ExtendWith(LeakCheckExtension.class)
class GatewayCoordinatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEGMENT_ID = "wiki_2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z_2020-01-01T00:00:00.000Z";

  @TempDir Path directory;
  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GatewayFixture(directory);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private JsonNode json(String path) throws Exception {
    final HttpResponse<String> response = fixture.get(path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  @Test
  void datasourcesAndSegmentsAreTheServedOnes() throws Exception {
    assertEquals("[\"wiki\"]", json("/druid/coordinator/v1/datasources").toString());
    final JsonNode simple = json("/druid/coordinator/v1/datasources?simple").get(0);
    assertEquals("wiki", simple.path("name").asText());
    assertEquals(1, simple.path("properties").path("segments").path("count").asInt());
    assertEquals("2015-09-12T00:00:00.000Z", simple.path("properties").path("segments").path("minTime").asText());
    assertEquals(1, simple.path("properties").path("tiers").path("_default_tier").path("segmentCount").asInt());
    final JsonNode full = json("/druid/coordinator/v1/datasources?full").get(0);
    assertEquals(SEGMENT_ID, full.path("segments").get(0).path("identifier").asText());
    assertEquals("[\"" + SEGMENT_ID + "\"]", json("/druid/coordinator/v1/datasources/wiki/segments").toString());
    final JsonNode segment = json("/druid/coordinator/v1/datasources/wiki/segments?full").get(0);
    assertEquals("2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z", segment.path("interval").asText());
    assertEquals("page,user", segment.path("dimensions").asText());
    assertEquals(5, segment.path("numRows").asInt());
    assertEquals(404, fixture.get("/druid/coordinator/v1/datasources/nothing/segments").statusCode());
    assertEquals(1, json("/druid/coordinator/v1/datasources/wiki").path("segments").path("count").asInt());
  }

  @Test
  void loadStatusComparesUsedSegmentsWithServedOnes() throws Exception {
    assertEquals("{\"wiki\":100.0}", json("/druid/coordinator/v1/loadstatus").toString());
    assertEquals("{\"wiki\":0}", json("/druid/coordinator/v1/loadstatus?simple").toString());
    fixture.view.remove(SEGMENT_ID);
    assertEquals("{\"wiki\":0.0}", json("/druid/coordinator/v1/loadstatus").toString());
    assertEquals("{\"_default_tier\":{\"wiki\":1}}", json("/druid/coordinator/v1/loadstatus?full").toString());
  }

  @Test
  void deletingADatasourceMarksItsSegmentsUnused() throws Exception {
    final HttpResponse<String> deleted = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/coordinator/v1/datasources/wiki")).DELETE());
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals("{\"numChangedSegments\":1}", deleted.body());
    assertEquals(1, fixture.segmentsChanged);
    assertTrue(fixture.metadata.segments().usedSegments("wiki").isEmpty());
    assertEquals("{}", json("/druid/coordinator/v1/loadstatus").toString());
    final HttpResponse<String> again = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/coordinator/v1/datasources/wiki")).DELETE());
    assertEquals(404, again.statusCode(), again.body());
  }

  @Test
  void rulesAreStoredAuditedAndListed() throws Exception {
    assertEquals("[]", json("/druid/coordinator/v1/rules/wiki").toString());
    assertEquals("[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}]",
        json("/druid/coordinator/v1/rules/wiki?full").toString());
    final String rules = "[{\"type\":\"loadByPeriod\",\"period\":\"P1M\",\"tieredReplicants\":{\"_default_tier\":1}}]";
    final HttpResponse<String> set = fixture.send(HttpRequest.newBuilder(fixture.uri("/druid/coordinator/v1/rules/wiki"))
        .header("X-Druid-Author", "ada").header("X-Druid-Comment", "keep a month")
        .POST(HttpRequest.BodyPublishers.ofString(rules)));
    assertEquals(200, set.statusCode(), set.body());
    assertEquals(rules, json("/druid/coordinator/v1/rules/wiki").toString());
    assertTrue(json("/druid/coordinator/v1/rules").has("_default"));
    final JsonNode history = json("/druid/coordinator/v1/rules/wiki/history?count=5").get(0);
    assertEquals("ada", history.path("auditInfo").path("author").asText());
    assertEquals("keep a month", history.path("auditInfo").path("comment").asText());
    assertEquals("127.0.0.1", history.path("auditInfo").path("ip").asText());
    assertEquals(rules, history.path("payload").asText());
    assertEquals(1, json("/druid/coordinator/v1/rules/history").size());

    final HttpResponse<String> bad = fixture.post("/druid/coordinator/v1/rules/wiki", "{\"type\":\"loadForever\"}");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("expected a JSON array of rules"), bad.body());
  }
}
