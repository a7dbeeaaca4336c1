package io.nemeton.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.node.indexing.TaskSpecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Failures map, in one place, to Druid's error JSON and status. */
class ErrorAnswersTest {
  private static String body(HttpAnswer answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }

  @Test
  void queryTimeoutIs504InDruidsShape() {
    final HttpAnswer answer = ErrorAnswers.of(new QueryException(QueryErrorCode.QUERY_TIMEOUT, "query timed out after timeout=5 ms"));
    assertEquals(504, answer.status());
    assertEquals("{\"error\":\"Query timeout\",\"errorMessage\":\"query timed out after timeout=5 ms\","
        + "\"errorClass\":\"io.nemeton.engine.query.QueryException\",\"host\":null}", body(answer));
    assertFalse(ErrorAnswers.isFault(answer));
  }

  @Test
  void specsAreBadRequestsAndUnknownFailuresAreFaults() {
    assertEquals(400, ErrorAnswers.of(new TaskSpecException("spec.ioConfig: missing")).status());
    assertEquals(429, ErrorAnswers.of(new QueryException(QueryErrorCode.QUERY_CAPACITY_EXCEEDED, "busy")).status());
    assertEquals(501, ErrorAnswers.of(new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION, "join")).status());
    final HttpAnswer fault = ErrorAnswers.of(new IllegalStateException("broken"));
    assertEquals(500, fault.status());
    assertTrue(body(fault).startsWith("{\"error\":\"Unknown exception\",\"errorMessage\":\"broken\""));
    assertTrue(ErrorAnswers.isFault(fault));
  }
}
