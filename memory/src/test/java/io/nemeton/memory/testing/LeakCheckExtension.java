package io.nemeton.memory.testing;

import io.nemeton.memory.MemoryAccounting;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves off-heap bytes (per tag) or file mappings open that it did not have
 * before. Use with {@code @ExtendWith(LeakCheckExtension.class)} on a test class.
 *
 * <p>Tests in one JVM run one at a time here (surefire's default), so the process-wide counters
 * belong to the test that is running.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakCheckExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put("before", MemoryAccounting.snapshot());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    MemoryAccounting.Snapshot before =
        context.getStore(NAMESPACE).get("before", MemoryAccounting.Snapshot.class);
    MemoryAccounting.Snapshot after = MemoryAccounting.snapshot();
    if (!before.equals(after)) {
      throw new AssertionError(
          "off-heap leak in " + context.getDisplayName() + ": before " + before + ", after " + after);
    }
  }
}
