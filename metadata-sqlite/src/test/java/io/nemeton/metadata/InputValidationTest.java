package io.nemeton.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The argument records refuse bad values with a message naming the thing, value and limit. */
class InputValidationTest {
  private static final String OK = "{}";

  private static String rejected(Executable construction) {
    MetadataStoreException error = assertThrows(MetadataStoreException.class, construction);
    assertEquals(MetadataErrorCode.INVALID_INPUT, error.code());
    return error.getMessage();
  }

  @Test
  void segments() {
    assertEquals("segment id='' must not be empty",
        rejected(() -> new NewSegment("", "wiki", 0, 1, "v", 0, OK)));
    assertEquals("segment id=s: startMs=5 must be less than endMs=5",
        rejected(() -> new NewSegment("s", "wiki", 5, 5, "v", 0, OK)));
    assertEquals("segment id=s partition=-1 is outside [0, 2147483647]",
        rejected(() -> new NewSegment("s", "wiki", 0, 1, "v", -1, OK)));
    assertEquals("segment id=s payload must be a JSON object, got array: '[1]'",
        rejected(() -> new NewSegment("s", "wiki", 0, 1, "v", 0, "[1]")));
    // The parser's own words sit between the parentheses; only the frame is ours.
    String truncated = rejected(() -> new NewSegment("s", "wiki", 0, 1, "v", 0, "{"));
    assertTrue(truncated.startsWith("segment id=s payload is not valid JSON ("), truncated);
    assertTrue(truncated.endsWith("): '{'"), truncated);
    String trailing = rejected(() -> new NewSegment("s", "wiki", 0, 1, "v", 0, "{} {}"));
    assertTrue(trailing.startsWith("segment id=s payload is not valid JSON ("), trailing);
    assertTrue(trailing.endsWith("): '{} {}'"), trailing);
    String longId = "x".repeat(2000);
    assertEquals("segment id of 2000 chars is longer than the limit of 1024: '"
        + "x".repeat(64) + "...'", rejected(() -> new NewSegment(longId, "wiki", 0, 1, "v", 0, OK)));
  }

  @Test
  void publishes() {
    NewSegment wiki = new NewSegment("a", "wiki", 0, 1, "v", 0, OK);
    NewSegment koala = new NewSegment("b", "koala", 0, 1, "v", 0, OK);
    assertEquals("publish dataSource=wiki: segment id=b belongs to dataSource=koala",
        rejected(() -> SegmentPublish.of("wiki", List.of(wiki, koala))));
    assertEquals("publish dataSource=wiki: segment id=a appears twice",
        rejected(() -> SegmentPublish.of("wiki", List.of(wiki, wiki))));
    assertEquals("publish dataSource=wiki has no segments and no commit metadata: nothing to"
        + " publish", rejected(() -> SegmentPublish.of("wiki", List.of())));
    assertEquals("commit metadata new must be a JSON object, got array: '[]'",
        rejected(() -> new CommitMetadataUpdate(null, "[]")));
  }

  @Test
  void tasksAndAudit() {
    assertEquals("task id=t payload must be a JSON object, got string: '\"spec\"'",
        rejected(() -> new NewTask("t", "index", "wiki", "\"spec\"", OK)));
    assertEquals("task id=t type=' ' must not be empty",
        rejected(() -> new NewTask("t", " ", "wiki", OK, OK)));
    assertEquals(new AuditInfo("", "", ""), new AuditInfo(null, null, null));
    assertEquals("audit comment of 4097 chars is longer than the limit of 4096",
        rejected(() -> new AuditInfo("a", "c".repeat(4097), "")));
  }
}
