package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.QueryParser;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {
  private static Query query(String vectorize) {
    return QueryParser.parse("{\"queryType\":\"timeBoundary\",\"dataSource\":\"x\""
        + (vectorize == null ? "" : ",\"context\":{\"vectorize\":" + vectorize + "}") + "}");
  }

  @Test
  void contextPicksTheEngine() {
    try (BatchEngine reference = new BatchEngine(EngineConfig.defaults().withThreads(1));
        BatchEngine simd = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final EngineChoice both = new EngineChoice(reference, simd);
      assertSame(simd, both.choose(query(null)));
      assertSame(simd, both.choose(query("\"force\"")));
      assertSame(reference, both.choose(query("false")));
      final EngineChoice scalarOnly = new EngineChoice(reference, null);
      assertSame(reference, scalarOnly.choose(query("true")));
      final QueryException error = assertThrows(QueryException.class, () -> scalarOnly.choose(query("\"force\"")));
      assertEquals("context.vectorize=force but this node has no SIMD engine; use vectorize=true or false",
          error.getMessage());
    }
  }
}
