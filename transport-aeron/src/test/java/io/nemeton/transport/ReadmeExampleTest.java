package io.nemeton.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, kept compiling and true (with a free port and a temp directory). */
@Timeout(60)
class ReadmeExampleTest {
  @TempDir Path temp;

  @Test
  void example() throws Exception {
    List<String> streamed = new ArrayList<>();
    try (EmbeddedMediaDriver driver = MediaDrivers.start(temp.resolve("aeron"), MediaDriverOptions.DEFAULT)) {
      QueryServerConfig serverConfig =
          QueryServerConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0", 1001).withServerName("historical-1");
      try (QueryServer server = QueryServer.start(serverConfig, (request, sink) -> {
            for (String segment : request.segmentIds()) {
              if (sink.isCancelled()) {
                return;
              }
              sink.sendPartial(("{\"segment\":\"" + segment + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            sink.complete();
          });
          QueryClient client = QueryClient.start(
              QueryClientConfig.of(driver.directory(), "aeron:udp?endpoint=127.0.0.1:0", 2001).withClientName("broker"))) {
        ServerConnection historical = client.connect(server.channel(), 1001, 5_000);
        byte[] query = "{\"queryType\":\"timeseries\",\"dataSource\":\"wikipedia\"}".getBytes(StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + 30_000;

        List<byte[]> partials = historical.send(query, List.of("wikipedia_2016-06-27_v1_0"), deadline).get();
        assertEquals("{\"segment\":\"wikipedia_2016-06-27_v1_0\"}", new String(partials.get(0), StandardCharsets.UTF_8));

        QueryCall call = historical.stream(query, List.of("s1", "s2"), deadline, new PartialResultListener() {
          @Override
          public void onPartial(DirectBuffer buffer, int offset, int length) {
            streamed.add(buffer.getStringWithoutLengthUtf8(offset, length));
          }

          @Override
          public void onComplete() {}

          @Override
          public void onError(QueryException error) {}
        });
        call.completion().get();
        assertEquals(List.of("{\"segment\":\"s1\"}", "{\"segment\":\"s2\"}"), streamed);
      }
    }
  }
}
